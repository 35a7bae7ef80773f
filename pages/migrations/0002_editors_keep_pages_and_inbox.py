"""Editors write the site's pages and handle the contact inbox (read, mark handled)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
CODENAMES = [
    "add_page",
    "change_page",
    "view_page",
    "view_contactmessage",
    "change_contactmessage",
]


def grant(apps, schema_editor):
    config = apps.get_app_config("pages")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="pages", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="pages", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_pages_and_contact_messages"),
        ("roles", "0002_editors_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
