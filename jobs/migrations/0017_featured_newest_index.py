"""An index of the postings ever featured, newest first: a list's first page opens with the
newest featured postings among its matches, and PostgreSQL walks this one (a few entries per
hundred postings) instead of intersecting the featured index with each filter's own. Building it
reads the table once; it holds only the featured postings."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("jobs", "0016_narrow_job_rows")]

    operations = [
        migrations.AddIndex(
            model_name="job",
            index=models.Index(
                condition=models.Q(("featured_until__isnull", False)),
                fields=["-posted_at", "-id"],
                name="job_featured_newest",
            ),
        ),
    ]
