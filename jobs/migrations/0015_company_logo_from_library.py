"""Company logos move from uploaded files (media/logos/) into the image library: each file is run
through the image pipeline (checked, metadata stripped, re-encoded); a missing or refused file
leaves the company with its initials. The files themselves are left where they are."""

import django.db.models.deletion
from django.core.files.storage import default_storage
from django.db import migrations, models


def logos_into_library(apps, schema_editor):
    from images.kinds import LOGO
    from images.pipeline import ImageRefused, process

    Company = apps.get_model("jobs", "Company")
    Image = apps.get_model("images", "Image")
    ImageVariant = apps.get_model("images", "ImageVariant")
    for company in Company.objects.exclude(logo="").exclude(logo=None).iterator():
        name = company.logo.name
        try:
            with default_storage.open(name, "rb") as file:
                data = file.read()
            processed = process(data, LOGO)
        except (OSError, ImageRefused):
            continue  # a file gone missing, or one the pipeline refuses: initials instead
        image, created = Image.objects.get_or_create(
            digest=processed.digest,
            defaults={
                "kind": LOGO.name,
                "original_name": name.rsplit("/", 1)[-1][:255],
                "width": processed.width,
                "height": processed.height,
            },
        )
        if created:
            ImageVariant.objects.bulk_create(
                ImageVariant(
                    image=image,
                    size=variant.size,
                    format=variant.format,
                    width=variant.width,
                    height=variant.height,
                    sha256=variant.sha256,
                    data=variant.data,
                )
                for variant in processed.variants
            )
        company.logo_image_id = image.pk
        company.save(update_fields=["logo_image"])


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_image_library"),
        ("jobs", "0014_company_verification_lookalikes_and_merges"),
    ]

    operations = [
        migrations.AddField(
            model_name="company",
            name="logo_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="images.image",
            ),
        ),
        migrations.RunPython(logos_into_library, migrations.RunPython.noop),
        migrations.RemoveField(model_name="company", name="logo"),
        migrations.RenameField(model_name="company", old_name="logo_image", new_name="logo"),
        migrations.AlterField(
            model_name="company",
            name="logo",
            field=models.ForeignKey(
                blank=True,
                help_text="A logo from the image library; or upload one below.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="images.image",
            ),
        ),
    ]
