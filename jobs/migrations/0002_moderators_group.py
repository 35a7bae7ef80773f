"""The "Moderators" group: review, approve, reject, feature and extend job postings."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderators"
PERMISSIONS = {
    "job": ["add", "change", "delete", "view"],
    "company": ["add", "change", "view"],
}


def create_moderators_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure ours exist now.
    jobs_config = apps.get_app_config("jobs")
    jobs_config.models_module = True
    create_permissions(jobs_config, apps=apps, verbosity=0)
    jobs_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [
        f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions
    ]
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="jobs", codename__in=codenames)
    )


def remove_moderators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_moderators_group, remove_moderators_group)]
