""" "Updated" on a guide page becomes the editor's choice (`revised_at`), no longer every save;
guides that showed it keep it. Markdown is rendered again, so headings and images written before
are shown as the page's outline and pictures instead of bare text."""

from django.db import migrations, models
from django.db.models import F

from core.markup import render_markdown, render_markdown_inline

# Field, level of its `#` (None: inline Markdown), per model; as in roles.models.
MARKDOWN = {
    "role": {"definition": 4},
    "guide": {"introduction": 3, "outlook": 3, "conclusion": 3},
    "guidesection": {"intro": 3, "first_role_notes": 4, "second_role_notes": 4},
    "guidetip": {"text": None},
}


def keep_updated_stamps(apps, schema_editor):
    Guide = apps.get_model("roles", "Guide")
    Guide.objects.filter(published_at__isnull=False, updated_at__gt=F("published_at")).update(
        revised_at=F("updated_at")
    )


def render_again(apps, schema_editor):
    for model_name, fields in MARKDOWN.items():
        model = apps.get_model("roles", model_name)
        changed = []
        for row in model.objects.only("pk", *fields, *(f"{name}_html" for name in fields)):
            for name, top in fields.items():
                text = getattr(row, name)
                html = (
                    render_markdown_inline(text)
                    if top is None
                    else render_markdown(text, top_heading=top)
                )
                setattr(row, f"{name}_html", html)
            changed.append(row)
        model.objects.bulk_update(changed, [f"{name}_html" for name in fields], batch_size=200)


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0005_salary_models_move_to_salaries"),
    ]

    operations = [
        migrations.AddField(
            model_name="guide",
            name="revised_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="Shown as “Updated” on the page: set when an editor marks a save as an update.",
                null=True,
                verbose_name="updated",
            ),
        ),
        migrations.RunPython(keep_updated_stamps, migrations.RunPython.noop),
        migrations.RunPython(render_again, migrations.RunPython.noop),
    ]
