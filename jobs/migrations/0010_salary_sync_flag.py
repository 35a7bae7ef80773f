"""A flag every save sets, for the salary figures' sync to find the postings written since it
last ran. Existing postings start cleared: their salary records are already current."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("jobs", "0009_employers_move_to_their_app")]

    operations = [
        migrations.AddField(
            model_name="job",
            name="needs_salary_sync",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AlterField(
            model_name="job",
            name="needs_salary_sync",
            field=models.BooleanField(default=True, editable=False),
        ),
        migrations.AddIndex(
            model_name="job",
            index=models.Index(
                condition=models.Q(("needs_salary_sync", True)),
                fields=["id"],
                name="job_needs_salary_sync",
            ),
        ),
    ]
