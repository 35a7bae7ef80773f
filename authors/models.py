"""The people who write and review guides, as readers meet them: bylines and profile pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from authors.links import OnNetwork, https_only
from core import page_tags
from core.markup import markdown_problems, render_markdown


def _link(label: str, *validators) -> models.URLField:
    return models.URLField(label, blank=True, validators=[https_only, *validators])


class Author(models.Model):
    """A byline with a page. Linked to a staff account, the guides that editor starts are
    credited to them; the log-in name never shows."""

    name = models.CharField(max_length=120, help_text="As printed in bylines, e.g. “Priya Raman”.")
    slug = models.SlugField(max_length=120, unique=True)
    role_line = models.CharField(
        "role or title",
        max_length=160,
        blank=True,
        help_text="One line under the name, e.g. “Senior editor, AI careers”.",
    )
    bio = models.TextField(
        "short bio", blank=True, help_text="Markdown: a paragraph or two, no headings."
    )
    bio_html = models.TextField(blank=True, editable=False)
    website = _link("website")
    github = _link("GitHub", OnNetwork("GitHub"))
    linkedin = _link("LinkedIn", OnNetwork("LinkedIn"))
    mastodon = _link("Mastodon")
    x = _link("X", OnNetwork("X"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        limit_choices_to={"is_staff": True},
        verbose_name="staff account",
        help_text="Guides this editor starts in the admin are credited to this author.",
    )
    # From the image library (images/): squared and re-encoded on upload; initials without one.
    photo = models.ForeignKey(
        "images.Image", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    photo_alt = models.CharField(
        "photo description",
        max_length=250,
        blank=True,
        help_text="For people who cannot see it, e.g. “Priya Raman, smiling, in a red scarf”.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # For the admin's Markdown editor (core.admin_widgets.EditorFields).
    markdown_fields = ("bio",)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # Rendered once, through the sanitizer; pages print the stored HTML.
        self.bio_html = render_markdown(self.bio)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "bio_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("authors:detail", args=[self.slug])

    def clean_fields(self, exclude=None) -> None:
        errors: dict = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not (exclude and "bio" in exclude):
            problems = markdown_problems(self.bio or "", headings=False)
            if problems:
                errors.setdefault("bio", []).extend(problems)
        if errors:
            raise ValidationError(errors)

    def page_tags(self) -> set[str]:
        """Their page and the list of authors, and every page printing their name: the pages
        of the guides they are credited on and the guide lists."""
        guides = self.guides.values_list("pk", flat=True)
        return {
            page_tags.author(self.pk),
            page_tags.AUTHORS,
            page_tags.GUIDES,
            *(page_tags.guide(pk) for pk in guides),
        }

    @property
    def initials(self) -> str:
        """Shown where the photo will be until there is one."""
        words = [w for w in self.name.replace("-", " ").split() if w[:1].isalnum()]
        return "".join(w[0] for w in words[:2]).upper() or "?"

    @property
    def links(self) -> list[tuple[str, str]]:
        """(label, url) of each profile link given, website first."""
        named = [
            ("Website", self.website),
            ("GitHub", self.github),
            ("LinkedIn", self.linkedin),
            ("Mastodon", self.mastodon),
            ("X", self.x),
        ]
        return [(label, url) for label, url in named if url]
