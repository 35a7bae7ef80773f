"""Every API token has an expiry, and an account names each token once (ignoring case)."""

import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

import employers.models


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0003_api_token_expiry"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(
                default=employers.models.default_token_expiry, editable=False
            ),
        ),
        migrations.AddConstraint(
            model_name="apitoken",
            constraint=models.UniqueConstraint(
                models.F("user"),
                django.db.models.functions.text.Lower("name"),
                name="api_token_name_unique_per_user",
                violation_error_message="You already have a token with this name.",
            ),
        ),
    ]
