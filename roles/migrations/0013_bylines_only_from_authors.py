"""Bylines come from authors alone now (roles/0012 carried the old ones over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("roles", "0012_bylines_become_authors")]

    operations = [
        migrations.RemoveField(model_name="guide", name="author"),
        migrations.DeleteModel(name="AuthorProfile"),
    ]
