from django.db import migrations, models

from core.markup import plain_text


def fill_body_text(apps, schema_editor):
    """The sections' and tips' own text for existing guides, so search finds them at once; the
    next save of the guide or of its roles (Guide.refresh_body) adds the role records shown."""
    Guide = apps.get_model("roles", "Guide")
    for guide in Guide.objects.only("pk").iterator():
        body = []
        for section in guide.sections.order_by("position", "pk"):
            body += [section.heading, plain_text(section.intro_html)]
            body += [plain_text(section.first_role_notes_html)]
            body += [plain_text(section.second_role_notes_html)]
        for tip in guide.tips.order_by("position", "pk"):
            body.append(f"{tip.lead_in}. {plain_text(tip.text_html)}")
        text = " ".join(part for part in body if part)
        if text:
            Guide.objects.filter(pk=guide.pk).update(body_text=text)


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0009_drafts_of_live_records"),
    ]

    operations = [
        migrations.AddField(
            model_name="guide",
            name="body_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill_body_text, migrations.RunPython.noop, elidable=True),
    ]
