"""Tables named for the app that owns them now."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("salaries", "0001_move_from_roles"),
    ]

    operations = [
        migrations.AlterModelTable(
            name="salaryrecord",
            table=None,
        ),
        migrations.AlterModelTable(
            name="salarystat",
            table=None,
        ),
        migrations.AlterModelTable(
            name="salarytitle",
            table=None,
        ),
        migrations.AlterModelTable(
            name="titlealias",
            table=None,
        ),
        migrations.AlterModelTable(
            name="unmatchedtitle",
            table=None,
        ),
    ]
