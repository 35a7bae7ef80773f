"""The image library: each upload once, re-encoded, its variants stored in the database so
every app server reads the same bytes (docs/images.md)."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from images.kinds import KIND_CHOICES, KINDS, Kind


class ImageQuerySet(models.QuerySet):
    def with_variant_summary(self) -> "ImageQuerySet":
        return self.annotate(variant_count=models.Count("variants"))


class Image(models.Model):
    # The address of the image's variants: a hash of the upload (and its kind), so a new upload
    # gets a new address and every address can be cached for good.
    digest = models.CharField(max_length=32, primary_key=True, editable=False)
    kind = models.CharField(max_length=16, choices=KIND_CHOICES, editable=False)
    original_name = models.CharField(max_length=255, blank=True, editable=False)
    width = models.PositiveIntegerField(editable=False, help_text="Of the upload, upright.")
    height = models.PositiveIntegerField(editable=False, help_text="Of the upload, upright.")
    alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text=(
            "What the picture shows, for people who cannot see it. Offered in the Markdown "
            "snippet; where a page shows the image, the page's own field sets its alt text."
        ),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]
        indexes = [models.Index(fields=["-uploaded_at"], name="image_newest")]

    def __str__(self) -> str:
        name = self.original_name or self.digest[:12]
        return f"{name} ({self.get_kind_display()}, {self.width} × {self.height})"

    @property
    def kind_spec(self) -> Kind:
        return KINDS[self.kind]

    def url(self, size: int | None = None, fmt: str = "webp") -> str:
        return variant_url(self.digest, size or self.kind_spec.largest, fmt)


def variant_url(digest: str, size: int, fmt: str) -> str:
    return reverse("images:variant", kwargs={"digest": digest, "size": size, "fmt": fmt})


class ImageVariant(models.Model):
    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="variants")
    size = models.PositiveIntegerField(help_text="The size's name: its width in pixels.")
    format = models.CharField(max_length=8)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, help_text="Of the bytes below: the ETag.")
    data = models.BinaryField()

    class Meta:
        ordering = ["size", "format"]
        constraints = [
            # Also the index of the one query the image view makes.
            models.UniqueConstraint(fields=["image", "size", "format"], name="image_variant_unique")
        ]

    def __str__(self) -> str:
        return f"{self.size}.{self.format} ({self.width} × {self.height}, {len(self.data)} bytes)"

    def get_absolute_url(self) -> str:
        return variant_url(self.image_id, self.size, self.format)
