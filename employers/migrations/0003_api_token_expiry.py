"""API tokens expire, and one account names each of its tokens once (the data; the next migration
makes both rules the schema's, in a transaction of its own as PostgreSQL requires after rows
changed).

Tokens made before this migration work for 90 days from it; where an account holds several
tokens of one name (ignoring case), the later ones get " (2)", " (3)"… so that each can be told
apart on the tokens page."""

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

EXISTING_TOKENS_DAYS = 90


def give_expiry_and_unique_names(apps, schema_editor):
    ApiToken = apps.get_model("employers", "ApiToken")
    expiry = timezone.now() + timedelta(days=EXISTING_TOKENS_DAYS)
    ApiToken.objects.filter(expires_at__isnull=True).update(expires_at=expiry)
    seen: dict[tuple[int, str], int] = {}
    for token in ApiToken.objects.order_by("created_at", "pk"):
        key = (token.user_id, token.name.lower())
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            suffix = f" ({seen[key]})"
            token.name = token.name[: 60 - len(suffix)] + suffix
            token.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0002_tables_named_for_the_app"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunPython(give_expiry_and_unique_names, migrations.RunPython.noop),
    ]
