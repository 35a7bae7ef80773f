"""Tables named for the app that owns them now."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0001_move_from_jobs"),
    ]

    operations = [
        migrations.AlterModelTable(
            name="apitoken",
            table=None,
        ),
        migrations.AlterModelTable(
            name="employer",
            table=None,
        ),
    ]
