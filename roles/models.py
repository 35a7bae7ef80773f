"""Roles (structured career profiles) and the guides that explain or compare them."""

from datetime import datetime
from typing import TYPE_CHECKING

import reversion
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import CharField, Exists, OuterRef, Q, StringAgg, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone
from django.utils.functional import cached_property

from authors.models import Author
from core import page_tags
from core.addresses import by_slug
from core.compiled_reads import CompiledRead
from core.markup import (
    TOP_HEADING,
    labelled_lines,
    lines,
    markdown_problems,
    plain_text,
    reading_minutes,
    render_markdown,
    render_markdown_inline,
)
from core.page_changes import PublicInSomeStatuses
from core.textsearch import engine
from core.textsearch.query import Query

if TYPE_CHECKING:
    from roles.outline import RoleBlock


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class RendersMarkdown(models.Model):
    """Fills `<field>_html` from each Markdown `<field>` named in `markdown_fields` on save, and
    refuses (in `full_clean()`, so in every form) what a page could not show as written, where
    `refuses_unshowable_markdown` says so."""

    markdown_fields: tuple[str, ...] = ()
    inline_markdown_fields: tuple[str, ...] = ()
    # The level an `#` in a field becomes: one below the heading the page prints above the
    # field. Fields not named start at h3 (below a section's h2); inline fields take none.
    heading_levels: dict[str, int] = {}
    # Editors' text is refused when a page could not show it as written; employers' postings
    # are only neutralised when rendered (their forms have rules of their own).
    refuses_unshowable_markdown = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.render_markup()
        if kwargs.get("update_fields") is not None:
            rendered = [
                f"{name}_html" for name in self.markdown_fields + self.inline_markdown_fields
            ]
            kwargs["update_fields"] = {*kwargs["update_fields"], *rendered}
        super().save(*args, **kwargs)

    def render_markup(self) -> None:
        for name in self.markdown_fields:
            top = self.heading_levels.get(name, TOP_HEADING)
            setattr(self, f"{name}_html", render_markdown(getattr(self, name), top_heading=top))
        for name in self.inline_markdown_fields:
            setattr(self, f"{name}_html", render_markdown_inline(getattr(self, name)))

    def clean_fields(self, exclude=None) -> None:
        errors: dict = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        checked = self.refuses_unshowable_markdown
        for name in (self.markdown_fields + self.inline_markdown_fields) if checked else ():
            if exclude and name in exclude:
                continue
            inline = name in self.inline_markdown_fields
            problems = markdown_problems(getattr(self, name) or "", headings=not inline)
            if problems:
                errors.setdefault(name, []).extend(problems)
        if errors:
            raise ValidationError(errors)


def _html_field() -> models.TextField:
    return models.TextField(blank=True, editable=False)


def _is_labelled(line: str) -> bool:
    label, colon, details = line.partition(":")
    return bool(colon and label.strip() and details.strip())


# Separators of the credits `with_roles()` reads in one string: ASCII's own, never in a name.
FIELD, RECORD = "\x1f", "\x1e"

# What a search looks in, by weight (core/textsearch/engine.py): roles, a few dozen rows, on the
# fly; guides from a stored vector filled by PostgreSQL, since they are searched in their body.
ROLE_SEARCH_FIELDS = engine.Fields(
    a=("name",),
    b=("summary", "broader_titles", "skills", "tools"),
    c=("definition", "responsibilities", "industries"),
)
GUIDE_SEARCH_FIELDS = engine.Fields(
    a=("title",),
    b=("subtitle", "first_role__name", "second_role__name"),
    # `body_text`: the sections and tips, kept by Guide.refresh_body().
    c=("introduction", "outlook", "conclusion", "body_text"),
    # Filled by the database on PostgreSQL from the fields above (roles/migrations/0016).
    vector_column="search_vector",
)


class RoleQuerySet(models.QuerySet):
    def published(self) -> "RoleQuerySet":
        """Roles the public may see: the one query every page, feed and sitemap uses."""
        return self.filter(status=Status.PUBLISHED)

    def best_matches(self, query: "str | Query") -> "RoleQuerySet":
        """Roles matching a search, best first (`search_rank`)."""
        return engine.ranked(self, query, ROLE_SEARCH_FIELDS)

    def with_other_roles(self) -> "RoleQuerySet":
        """Each role with the other published roles' slugs and names (`Role.other_roles`), in
        the same query: a role page's "Compare with…" picker costs no query of its own."""
        line = Concat("slug", Value("\t"), "name", output_field=CharField())
        others = (
            Role.objects.published()
            .exclude(pk=OuterRef("pk"))
            .order_by()
            .annotate(one=Value(1))
            .values("one")  # a constant: one aggregate over every other role
            .annotate(lines=StringAgg(line, delimiter=Value("\n")))
            .values("lines")
        )
        return self.annotate(other_roles_text=Subquery(others))


@reversion.register()
class Role(PublicInSomeStatuses, RendersMarkdown):
    PUBLIC_STATUSES = (Status.PUBLISHED,)

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(max_length=160, help_text="One line shown in lists and cards.")
    definition = models.TextField(help_text="Markdown. What the role is, in a few sentences.")
    definition_html = _html_field()
    responsibilities = models.TextField(blank=True, help_text="One responsibility per line.")
    skills = models.TextField("required skills", blank=True, help_text="One skill per line.")
    education = models.TextField(blank=True, help_text="One educational path per line.")
    tools = models.TextField(
        "tools and software",
        blank=True,
        help_text=(
            "One group per line as “Kind: tool, tool, tool”, e.g. “Frameworks: PyTorch, JAX”. "
            "Kinds: frameworks, programming languages, data processing, visualization, "
            "project management, version control, deployment, or your own."
        ),
    )
    industries = models.TextField(
        blank=True,
        help_text="One industry per line, examples after a colon: “Healthcare: medical imaging”.",
    )
    broader_titles = models.TextField(
        blank=True,
        help_text=(
            "Broader job titles for salary links, one per line, most specific first "
            "(e.g. “Machine Learning Engineer”, then “Engineer”)."
        ),
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RoleQuerySet.as_manager()
    markdown_fields = ("definition",)
    refuses_unshowable_markdown = True
    # Guides print the definition under the role's h3.
    heading_levels = {"definition": 4}

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Guides show this role's data, so their reading time and searched text follow it.
        for guide in Guide.objects.for_role(self):
            guide.refresh_body()

    def get_absolute_url(self) -> str:
        return by_slug("roles:detail", self.slug)

    def page_tags(self) -> set[str]:
        """The cached pages a role is on (core/page_tags.py): those showing its record (its
        page, guides about it, its postings' pages) and every page listing or naming roles."""
        return {page_tags.role(self.pk), page_tags.ROLES}

    def clean(self) -> None:
        bad = [line for line in lines(self.tools) if not _is_labelled(line)]
        if bad:
            raise ValidationError(
                {"tools": f"Write each line as “Kind: tool, tool”. This line is not: “{bad[0]}”."}
            )

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED

    def text_for(self, kind: str) -> str:
        """The source text of the part of this record that a section of `kind` shows."""
        field = ROLE_FIELD_BY_KIND.get(kind)
        return getattr(self, field) if field else ""

    def plain_text_for(self, kind: str) -> str:
        """The same part as text a reader sees: the definition rendered, each item a sentence."""
        if ROLE_FIELD_BY_KIND.get(kind) == "definition":
            return plain_text(self.definition_html)
        items = lines(self.text_for(kind))
        return " ".join(item if item[-1] in ".!?" else f"{item}." for item in items)

    @property
    def search_snippet_text(self) -> str:
        """The record's text in page order, for a search result's snippet."""
        return " ".join(
            text for text in (self.plain_text_for(kind) for kind in PROFILE_HEADINGS) if text
        )

    @property
    def profile_sections(self) -> list[tuple[str, str]]:
        """(kind, heading) for each part of the profile that has content, in page order."""
        return [
            (kind, heading)
            for kind, heading in PROFILE_HEADINGS.items()
            if self.text_for(kind).strip()
        ]

    @property
    def other_roles(self) -> list[tuple[str, str]]:
        """(slug, name) of the other published roles, by name; needs `with_other_roles()`."""
        text = getattr(self, "other_roles_text", None) or ""
        pairs = [line.partition("\t")[::2] for line in text.split("\n") if line]
        return sorted(pairs, key=lambda pair: pair[1].casefold())

    @property
    def responsibility_list(self) -> list[str]:
        return lines(self.responsibilities)

    @property
    def skill_list(self) -> list[str]:
        return lines(self.skills)

    @property
    def education_list(self) -> list[str]:
        return lines(self.education)

    @property
    def tool_groups(self) -> list[tuple[str, list[str]]]:
        return [
            (kind, [t.strip() for t in names.split(",") if t.strip()])
            for kind, names in labelled_lines(self.tools)
        ]

    @property
    def industry_list(self) -> list[tuple[str, str]]:
        return labelled_lines(self.industries)

    @property
    def salary_titles(self) -> list[str]:
        """The role's own title, then its broader titles: the salary pages a guide links to."""
        titles = [self.name]
        titles += [t for t in lines(self.broader_titles) if t.lower() != self.name.lower()]
        return titles


class GuideQuerySet(models.QuerySet):
    def published(self, now: datetime | None = None) -> "GuideQuerySet":
        """Guides the public may see: published and due (a future date schedules a guide).

        The one query every page, feed, sitemap and API uses; "now" is taken at query time.
        """
        return self.filter(status=Status.PUBLISHED, published_at__lte=now or timezone.now())

    def visible_to(self, user) -> "GuideQuerySet":
        """Everything for staff who may view guides (to preview drafts); published() otherwise."""
        if previews_guides(user):
            return self.all()
        return self.published()

    def for_role(self, role: Role) -> "GuideQuerySet":
        return self.filter(Q(first_role=role) | Q(second_role=role))

    def with_roles(self) -> "GuideQuerySet":
        """Each guide with its roles, and its credited authors (`Guide.credited_authors`) in
        the same query: bylines on any page or list cost no query of their own."""
        line = Concat(
            Cast("position", CharField()), Value(FIELD),
            Cast("pk", CharField()), Value(FIELD),
            Cast("author_id", CharField()), Value(FIELD),
            Coalesce("author__photo_id", Value("")), Value(FIELD),
            "author__slug", Value(FIELD),
            "author__name",
            output_field=CharField(),
        )  # fmt: skip
        credits = (
            GuideAuthor.objects.filter(guide=OuterRef("pk"))
            .order_by()
            .values("guide")
            .annotate(lines=StringAgg(line, delimiter=Value(RECORD)))
            .values("lines")
        )
        return self.select_related("first_role", "second_role").annotate(
            credits_text=Subquery(credits)
        )

    def by_author(self, author: Author) -> "GuideQuerySet":
        return self.filter(credits__author=author)

    def best_matches(self, query: "str | Query") -> "GuideQuerySet":
        """Guides matching a search, best first (`search_rank`), then the newest."""
        return engine.ranked(self, query, GUIDE_SEARCH_FIELDS)


# A guide's version holds its sections, tips and credits too: restoring one brings back the
# whole text and its bylines.
_GuideManagerBase = models.Manager.from_queryset(GuideQuerySet)


class GuideManager(_GuideManagerBase["Guide"]):
    def get_queryset(self) -> GuideQuerySet:
        # The plugin types a from_queryset() manager's get_queryset() as a plain QuerySet.
        return super().get_queryset().defer("search_vector")  # type: ignore[return-value]


@reversion.register(follow=("sections", "tips", "credits"))
class Guide(PublicInSomeStatuses, RendersMarkdown):
    PUBLIC_STATUSES = (Status.PUBLISHED,)
    REMEMBERED_FIELDS = ("first_role_id", "second_role_id")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    subtitle = models.CharField(max_length=250, blank=True)
    seo_description = models.CharField(
        "SEO description",
        max_length=160,
        blank=True,
        help_text="Shown by search engines and link previews; the subtitle is used when blank.",
    )
    first_role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="guides_as_first", help_text="The main role."
    )
    second_role = models.ForeignKey(
        Role,
        on_delete=models.PROTECT,
        related_name="guides_as_second",
        null=True,
        blank=True,
        help_text="The role it is compared with; leave empty for a guide about one role.",
    )
    introduction = models.TextField(help_text="Markdown.")
    introduction_html = _html_field()
    outlook = models.TextField(blank=True, help_text="Markdown. Demand and career paths.")
    outlook_html = _html_field()
    conclusion = models.TextField(blank=True, help_text="Markdown.")
    conclusion_html = _html_field()
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publish date",
        null=True,
        blank=True,
        help_text="A future date schedules the guide; left empty, publishing sets it to now.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    revised_at = models.DateTimeField(
        "updated",
        null=True,
        blank=True,
        editable=False,
        help_text="Shown as “Updated” on the page: set when an editor marks a save as an update.",
    )
    last_reviewed = models.DateField(
        "last reviewed",
        null=True,
        blank=True,
        help_text="Shown as “Last reviewed” on the page: the day an editor last checked the "
        "whole guide still holds.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    authors = models.ManyToManyField(
        Author, through="GuideAuthor", related_name="guides", blank=True
    )
    related_guides = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        help_text="Hand-picked; shown before guides that share a role.",
    )
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    # The plain text of the sections and tips (role records included) as the page shows them,
    # so the site search finds what the article says; written by refresh_body().
    body_text = models.TextField(blank=True, editable=False)
    # At the top of the page and in link previews (og:image); the key is the image's address.
    hero_image = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Shown at the top of the guide and when the guide is shared (1200 × 630).",
    )
    # Here and not on the image: the words suit this guide's use of the picture.
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="What the picture shows, for people who cannot see it. Required with an image.",
    )

    # What site search matches (roles/migrations/0016): filled by PostgreSQL, empty on SQLite;
    # never loaded, written back, versioned or kept in a draft.
    search_vector = SearchVectorField(null=True, editable=False, serialize=False)

    objects = GuideManager()
    markdown_fields = ("introduction", "outlook", "conclusion")
    refuses_unshowable_markdown = True

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"], name="guide_status_published")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(second_role=models.F("first_role")),
                name="guide_compares_two_different_roles",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.DRAFT) | Q(published_at__isnull=False),
                name="guide_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(hero_image__isnull=True) | ~Q(hero_image_alt=""),
                name="guide_hero_image_has_alt",
                violation_error_message="Describe the hero image for people who cannot see it.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.fill_publish_date()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return by_slug("roles:guide", self.slug)

    def page_tags(self) -> set[str]:
        """The cached pages a guide is on (core/page_tags.py): its own and those naming it as
        related reading, the guide lists, and the pages listing its roles' guides (before and
        after a change of role)."""
        roles = self.now_and_loaded("first_role_id") | self.now_and_loaded("second_role_id")
        return {
            page_tags.guide(self.pk),
            page_tags.GUIDES,
            *(page_tags.role_guides(pk) for pk in roles),
        }

    def clean(self) -> None:
        if self.second_role_id and self.second_role_id == self.first_role_id:
            raise ValidationError({"second_role": "Choose a different role to compare with."})
        self.fill_publish_date()

    def fill_publish_date(self) -> None:
        """Publishing without a date means publishing now."""
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def roles(self) -> list[Role]:
        return [r for r in (self.first_role, self.second_role) if r is not None]

    @property
    def public_roles(self) -> list[Role]:
        """The roles whose records a public page may show: a published guide about a role that
        was taken down names it, but prints none of its text and links to none of its pages."""
        return [r for r in self.roles if r.is_public]

    @property
    def salary_titles(self) -> list[str]:
        """Every published role's salary titles, each once, in the order the roles come."""
        titles: list[str] = []
        for role in self.public_roles:
            titles += [t for t in role.salary_titles if t not in titles]
        return titles

    @property
    def is_public(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def description(self) -> str:
        return self.seo_description or self.subtitle or self.title

    @cached_property
    def credited_authors(self) -> list[Author]:
        """The authors in the byline's order: read with the guide by `with_roles()` (their
        id, photo, slug and name, all a byline shows), else queried."""
        if not hasattr(self, "credits_text"):
            return [credit.author for credit in self.credits.select_related("author")]
        rows = [line.split(FIELD, 5) for line in (self.credits_text or "").split(RECORD) if line]
        rows.sort(key=lambda row: (int(row[0]), int(row[1])))
        return [
            Author(pk=int(pk), photo_id=photo or None, slug=slug, name=name)
            for _, _, pk, photo, slug, name in rows
        ]

    @property
    def byline(self) -> str:
        """The authors' names as a sentence says them: "A", "A and B", "A, B and C"."""
        names = [author.name for author in self.credited_authors]
        return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)

    def refresh_body(self) -> None:
        """Recount the reading time and rewrite the searched text from everything the guide page
        shows; called wherever sections, tips or the roles' records are saved (one UPDATE when
        something changed)."""
        texts = [self.introduction, self.outlook, self.conclusion]
        body: list[str] = []
        for section in self.sections.all():
            texts += [section.intro, section.first_role_notes, section.second_role_notes]
            body += [section.title, plain_text(section.intro_html)]
            notes = [section.first_role_notes_html, section.second_role_notes_html]
            for role, role_notes in zip(self.roles, notes, strict=False):
                if section.kind != SectionKind.CUSTOM:
                    texts.append(section.role_text(role))
                if role.is_public:  # the page shows blocks of public roles only (outline())
                    if section.kind != SectionKind.CUSTOM:
                        body.append(role.plain_text_for(section.kind))
                    body.append(plain_text(role_notes))
        for tip in self.tips.all():
            texts.append(f"{tip.lead_in} {tip.text}")
            body.append(f"{tip.lead_in}. {plain_text(tip.text_html)}")
        changed = {
            "reading_minutes": reading_minutes(*texts),
            "body_text": " ".join(text for text in body if text),
        }
        changed = {name: value for name, value in changed.items() if getattr(self, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(self, name, value)
            Guide.objects.filter(pk=self.pk).update(**changed)

    @property
    def search_snippet_text(self) -> str:
        """The article's text in page order, for a search result's snippet."""
        parts = [plain_text(self.introduction_html), self.body_text]
        parts += [plain_text(self.outlook_html), plain_text(self.conclusion_html)]
        return " ".join(part for part in parts if part)

    def related(self) -> list["Guide"]:
        """Published guides to read next: hand-picked first, then guides sharing a role."""
        role_ids = [r.pk for r in self.roles]
        if self.pk is None or not role_ids:  # an unsaved preview, or a guide with no role
            return list(related_guides(self.pk, role_ids, timezone.now()))
        # One role is named twice: the statement is the same for one role and for two.
        first, second = (role_ids * 2)[:2]
        return _related_guides(guide=self.pk, first=first, second=second, now=timezone.now())


RELATED_GUIDES = 4


def related_guides(guide_id: int | None, role_ids: list[int], now: datetime) -> GuideQuerySet:
    """The guides to read after guide `guide_id` (Guide.related)."""
    hand_picked = Guide.related_guides.through.objects.filter(
        from_guide=guide_id, to_guide=OuterRef("pk")
    )
    return (
        Guide.objects.published(now)
        .with_roles()
        .exclude(pk=guide_id)
        .alias(hand_picked=Exists(hand_picked))
        .filter(Q(hand_picked=True) | Q(first_role__in=role_ids) | Q(second_role__in=role_ids))
        .order_by("-hand_picked", "-published_at", "-pk")[:RELATED_GUIDES]
    )


def previews_guides(user) -> bool:
    """Staff who may view guides see drafts and scheduled guides, to preview them."""
    return user.is_active and user.is_staff and user.has_perm("roles.view_guide")


# A guide page's guide and the guides beside it, compiled once (core.compiled_reads): with
# their roles and bylines, Django took 2 and 3 ms of CPU to compile them, a third of a first view.
published_guide = CompiledRead(
    Guide,
    lambda slug, now: Guide.objects.published(now).with_roles().filter(slug=slug)[:1],
    slug=str,
    now=datetime,
)
# A role page's guides (by default in the model's order), compiled once for the same reason.
published_guides_of_role = CompiledRead(
    Guide,
    lambda role, now: Guide.objects.published(now).for_role(role).with_roles(),
    role=int,
    now=datetime,
)
_related_guides = CompiledRead(
    Guide,
    lambda guide, first, second, now: related_guides(guide, [first, second], now),
    guide=int,
    first=int,
    second=int,
    now=datetime,
)


@reversion.register()
class GuideAuthor(models.Model):
    """An author credited on a guide, in the byline's order."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="credits")
    # An author with guides is taken off them first: a byline never goes missing by accident.
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="credits")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "author"
        constraints = [
            models.UniqueConstraint(fields=["guide", "author"], name="guide_credits_author_once")
        ]

    def __str__(self) -> str:
        return str(self.author)

    def changes_public_pages(self, created: bool = False) -> bool:
        """Only through its guide: a draft guide's bylines are on no public page."""
        guide_cached = type(self).guide.is_cached(self)
        return not guide_cached or self.guide.changes_public_pages()

    def page_tags(self) -> set[str]:
        """The guide's page, the guide lists (cards name the authors), the author's page."""
        return {page_tags.guide(self.guide_id), page_tags.GUIDES, page_tags.author(self.author_id)}


class SectionKind(models.TextChoices):
    DEFINITION = "definition", "Definitions"
    RESPONSIBILITIES = "responsibilities", "Responsibilities"
    SKILLS = "skills", "Required Skills"
    EDUCATION = "education", "Educational Backgrounds"
    TOOLS = "tools", "Tools and Software Used"
    INDUSTRIES = "industries", "Common Industries"
    CUSTOM = "custom", "Custom (notes only)"


# The sections a new guide starts with, in the order of a classic role comparison.
STANDARD_SECTIONS = [kind for kind in SectionKind if kind != SectionKind.CUSTOM]

# Which Role field each role-data section kind shows.
ROLE_FIELD_BY_KIND: dict[str, str] = {
    SectionKind.DEFINITION: "definition",
    SectionKind.RESPONSIBILITIES: "responsibilities",
    SectionKind.SKILLS: "skills",
    SectionKind.EDUCATION: "education",
    SectionKind.TOOLS: "tools",
    SectionKind.INDUSTRIES: "industries",
}

# Headings of a role's profile page, in page order (sentence case, unlike guide sections).
PROFILE_HEADINGS = {
    SectionKind.DEFINITION.value: "What the role is",
    SectionKind.RESPONSIBILITIES.value: "Responsibilities",
    SectionKind.SKILLS.value: "Required skills",
    SectionKind.EDUCATION.value: "Educational backgrounds",
    SectionKind.TOOLS.value: "Tools and software used",
    SectionKind.INDUSTRIES.value: "Common industries",
}


@reversion.register()
class GuideSection(RendersMarkdown):
    """One section of a guide; the page shows a block per role in it.

    A section of a role-data kind shows each role's own record (its responsibilities, tools…)
    followed by the notes written for that role here; a custom section shows the notes alone.
    """

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=SectionKind, default=SectionKind.CUSTOM)
    heading = models.CharField(
        max_length=120, blank=True, help_text="Leave empty to use the kind's usual heading."
    )
    intro = models.TextField(blank=True, help_text="Markdown, shown above the role blocks.")
    intro_html = _html_field()
    first_role_notes = models.TextField(blank=True, help_text="Markdown, for the main role.")
    first_role_notes_html = _html_field()
    second_role_notes = models.TextField(blank=True, help_text="Markdown, for the compared role.")
    second_role_notes_html = _html_field()

    markdown_fields = ("intro", "first_role_notes", "second_role_notes")
    refuses_unshowable_markdown = True
    # Notes sit under each role's h3.
    heading_levels = {"first_role_notes": 4, "second_role_notes": 4}
    # Given for the page by roles.outline.outline(): the section's id and a block per role.
    anchor: str
    blocks: list["RoleBlock"]

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.kind == SectionKind.CUSTOM and not self.heading.strip():
            raise ValidationError({"heading": "A custom section needs a heading."})

    @property
    def title(self) -> str:
        if self.heading.strip():
            return self.heading.strip()
        return SectionKind(self.kind).label if self.kind != SectionKind.CUSTOM else "Section"

    @property
    def shows_role_data(self) -> bool:
        return self.kind != SectionKind.CUSTOM

    def role_text(self, role: Role) -> str:
        """The plain text of `role`'s record that this section shows (for reading time)."""
        return role.text_for(self.kind)

    def changes_public_pages(self, created: bool = False) -> bool:
        """Only through its guide: a draft guide's sections and tips are on no public page."""
        guide_cached = type(self).guide.is_cached(self)
        return not guide_cached or self.guide.changes_public_pages()

    def page_tags(self) -> set[str]:
        """The guide's page, and the guide lists (their cards show its reading time)."""
        return {page_tags.guide(self.guide_id), page_tags.GUIDES}


@reversion.register()
class GuideTip(RendersMarkdown):
    """A numbered practical tip with a bold lead-in ("Build a portfolio: …")."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="tips")
    position = models.PositiveSmallIntegerField(default=0)
    lead_in = models.CharField(max_length=120)
    text = models.TextField(help_text="Markdown, one or two sentences.")
    text_html = _html_field()

    inline_markdown_fields = ("text",)
    refuses_unshowable_markdown = True

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "practical tip"

    def __str__(self) -> str:
        return self.lead_in

    def save(self, *args, **kwargs):
        # The page adds the full stop after the bold lead-in.
        self.lead_in = self.lead_in.strip().rstrip(".:")
        super().save(*args, **kwargs)

    def changes_public_pages(self, created: bool = False) -> bool:
        """Only through its guide: a draft guide's sections and tips are on no public page."""
        guide_cached = type(self).guide.is_cached(self)
        return not guide_cached or self.guide.changes_public_pages()

    def page_tags(self) -> set[str]:
        """The guide's page, and the guide lists (their cards show its reading time)."""
        return {page_tags.guide(self.guide_id), page_tags.GUIDES}


class Draft(models.Model):
    """Unpublished changes to a live record (roles/drafts.py): the record as the editor saved it
    (with a guide's sections and tips), kept apart so every public page, feed and the API go on
    showing the published one until the draft is published."""

    data = models.JSONField(editable=False)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)
    publish_at = models.DateTimeField(
        "publish changes at",
        null=True,
        blank=True,
        help_text="The worker publishes the draft at this moment; empty: only when asked.",
    )

    class Meta:
        abstract = True


class GuideDraft(Draft):
    guide = models.OneToOneField(Guide, on_delete=models.CASCADE, related_name="draft")

    def __str__(self) -> str:
        return f"Draft of {self.guide}"


class RoleDraft(Draft):
    role = models.OneToOneField(Role, on_delete=models.CASCADE, related_name="draft")

    def __str__(self) -> str:
        return f"Draft of {self.role}"


__all__ = [
    "Guide",
    "GuideAuthor",
    "GuideDraft",
    "GuideSection",
    "GuideTip",
    "Role",
    "RoleDraft",
]
