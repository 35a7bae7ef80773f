"""Salary levels take their choices from the postings' own experience levels (same values)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("salaries", "0002_tables_named_for_the_app"),
    ]

    operations = [
        migrations.AlterField(
            model_name="salaryrecord",
            name="level",
            field=models.CharField(
                choices=[
                    ("entry", "Entry-level / Junior"),
                    ("mid", "Mid-level / Intermediate"),
                    ("senior", "Senior-level / Expert"),
                    ("executive", "Executive-level / Director"),
                ],
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="salarystat",
            name="level",
            field=models.CharField(
                blank=True,
                choices=[
                    ("entry", "Entry-level / Junior"),
                    ("mid", "Mid-level / Intermediate"),
                    ("senior", "Senior-level / Expert"),
                    ("executive", "Executive-level / Director"),
                ],
                help_text="Empty: all.",
                max_length=10,
            ),
        ),
    ]
