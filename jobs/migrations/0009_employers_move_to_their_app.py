"""Employer accounts and API tokens now belong to the `employers` app; tables and rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0008_location_trigram_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="employer",
                    name="company",
                ),
                migrations.RemoveField(
                    model_name="employer",
                    name="user",
                ),
                migrations.DeleteModel(
                    name="ApiToken",
                ),
                migrations.DeleteModel(
                    name="Employer",
                ),
            ],
            database_operations=[],
        ),
    ]
