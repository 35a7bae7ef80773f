"""Companies and their job postings, and the one rule that decides which postings are public."""

from datetime import datetime, timedelta
from typing import cast
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.text import slugify
from django_countries.fields import Country, CountryField

from core import page_tags
from core.addresses import by_slug
from core.page_changes import PublicInSomeStatuses
from core.textsearch import engine
from core.textsearch.query import Query
from images.kinds import LOGO
from images.models import variant_url
from jobs.choices import (
    CURRENCIES,
    CURRENCY_RATES,
    EXPERIENCE_LEVEL_LABELS,
    CompanySize,
    EmploymentType,
    ExperienceLevel,
    JobStatus,
    SalaryPeriod,
    Workplace,
)
from jobs.lookalikes import name_skeleton
from jobs.pay import Pay
from roles.models import RendersMarkdown

# Statuses of a posting that has been public; its page stays up once it closes.
ONCE_PUBLIC = [JobStatus.PUBLISHED, JobStatus.FILLED, JobStatus.EXPIRED]


# Newest first, read straight from the job_newest index.
NEWEST = ("-posted_at", "-pk")

# "Highest salary first", matching the job_top_pay index; postings without pay count as 0 so they
# come last on every database (a bare DESC would put NULL first on PostgreSQL).
TOP_PAY_FIRST = (Coalesce("salary_yearly_usd", 0).desc(), F("posted_at").desc())

# The most a posting may pay per year in U.S. dollars: beyond it an amount is a typo (an hourly
# rate entered as a yearly one), and salary_yearly_usd would overflow PostgreSQL's integer.
MAX_YEARLY_USD = 100_000_000
# The largest amount a salary column holds (PostgreSQL integer).
SALARY_AMOUNT_MAX = 2_147_483_647


def public_jobs_q(now: datetime, prefix: str = "") -> Q:
    """Published, already posted and not yet expired: compared with `now` at query time.

    `prefix` applies the rule across a relation ("jobs__" from a company)."""
    return Q(
        **{
            f"{prefix}status": JobStatus.PUBLISHED,
            f"{prefix}posted_at__lte": now,
            f"{prefix}expires_at__gt": now,
        }
    )


def featured_now_q(now: datetime) -> Q:
    """Featured at `now`: a featured-until date still ahead."""
    return Q(featured_until__gt=now)


def closed_jobs_q(now: datetime) -> Q:
    """Postings that were public and have ended (filled, expired, or past their expiry)."""
    ended = Q(status__in=[JobStatus.FILLED, JobStatus.EXPIRED]) | Q(
        status=JobStatus.PUBLISHED, expires_at__lte=now
    )
    return ended & Q(posted_at__isnull=False, posted_at__lte=now)


def with_pages_q(now: datetime) -> Q:
    """`public_jobs_q(now) | closed_jobs_q(now)`, said the short way: already posted, and
    published (with its expiry date, past or not) or ended. Every first view of a job page
    builds it, and the long form took three times as long to turn into SQL."""
    published = Q(status=JobStatus.PUBLISHED, expires_at__isnull=False)
    return Q(posted_at__lte=now) & (published | Q(status__in=[JobStatus.FILLED, JobStatus.EXPIRED]))


def reviews_postings(user) -> bool:
    """Staff who may view jobs see every posting's page (drafts and postings under review
    too), to review them."""
    return user.is_active and user.is_staff and user.has_perm("jobs.view_job")


def unique_slug(others: models.QuerySet, text: str, fallback: str = "item") -> str:
    """A slug made from `text` that none of `others` has, numbered when taken."""
    base = slugify(text)[:110].strip("-") or fallback
    slug, n = base, 1
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def logo_url(company: "Company") -> str:
    """The address of the company's largest logo (PNG, which every reader of JSON-LD and the
    API can show); call only when it has one."""
    return variant_url(str(company.logo_id), LOGO.largest, LOGO.fallback)


class CompanyQuerySet(models.QuerySet):
    def public(self) -> "CompanyQuerySet":
        """Companies with at least one public posting."""
        open_jobs = Job.objects.public().filter(company=OuterRef("pk"))
        return self.filter(Exists(open_jobs))

    def with_pages(self) -> "CompanyQuerySet":
        """Companies with a page: those with a posting that has a page (open or closed), so
        a closed posting's link to its company still leads somewhere. A company with only
        drafts or postings in review has none yet."""
        jobs = Job.objects.with_pages().filter(company=OuterRef("pk"))
        return self.filter(Exists(jobs))

    def look_alike(self, name: str) -> "Company | None":
        """The oldest company whose name looks like `name` (jobs/lookalikes.py), or None; one
        query on the name_skeleton index. A name of no Latin-looking letters matches none."""
        skeleton = name_skeleton(name)
        if not skeleton:
            return None
        return cast("Company | None", self.filter(name_skeleton=skeleton).order_by("pk").first())


class VerifiedHow(models.TextChoices):
    EMAIL = "email", "Confirmed e-mail at the website's domain"
    MODERATOR = "moderator", "Checked by a moderator"


class Company(RendersMarkdown):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    # The name as it looks (jobs/lookalikes.py): equal skeletons are names a reader confuses.
    name_skeleton = models.CharField(max_length=240, db_index=True, editable=False, default="")
    # The company already on the board whose name this one's looks like: set when the company is
    # added, cleared by a moderator (or by a merge). Its postings wait until then.
    looks_like = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text="Held for review: the name looks like this company's.",
    )
    # Set by jobs/verification.py only: when a member confirms an address at the website's
    # domain, when the website changes, or by a moderator with a reason.
    verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    verified_how = models.CharField(max_length=10, choices=VerifiedHow, blank=True, editable=False)
    website = models.URLField(blank=True, help_text="The company's own site, https://…")
    # The key of the image is its address: a page shows the logo without another query.
    logo = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="A logo from the image library; or upload one below.",
    )
    description = models.TextField(
        blank=True, help_text="Markdown. A few sentences about the company."
    )
    description_html = models.TextField(blank=True, editable=False)
    tagline = models.CharField(
        max_length=160, blank=True, help_text="One line under the name: what the company does."
    )
    headquarters = models.CharField(
        max_length=120, blank=True, help_text="City and country, e.g. “Berlin, Germany”."
    )
    size = models.CharField(
        "company size", max_length=10, choices=CompanySize, blank=True, help_text="Employees."
    )
    industries = models.CharField(
        max_length=200, blank=True, help_text="Comma-separated: “Healthcare, Software”."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CompanyQuerySet.as_manager()
    markdown_fields = ("description",)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="company_name_unique_ignoring_case",
                violation_error_message="A company with this name already exists.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Company.objects.exclude(pk=self.pk), self.name, "company")
        self.name_skeleton = name_skeleton(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_skeleton"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return by_slug("companies:detail", self.slug)

    @property
    def industry_list(self) -> list[str]:
        return [item.strip() for item in self.industries.split(",") if item.strip()]

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_held(self) -> bool:
        """Its name looks like another company's and no moderator has cleared it yet."""
        return self.looks_like_id is not None

    def page_tags(self) -> set[str]:
        """The cached pages showing the company: its postings' pages and every list of job
        cards its postings may be on (two queries: its postings' roles, and whether any is
        featured)."""
        jobs = self.jobs.order_by()
        roles = jobs.exclude(role=None).values_list("role", flat=True).distinct()
        tags = {
            page_tags.company(self.pk),
            page_tags.company_jobs(self.pk),
            page_tags.JOBS,
            page_tags.COMPANIES,
            *(page_tags.role_jobs(pk) for pk in roles),
        }
        return tags

    @property
    def domain(self) -> str:
        """The host of the company's website without “www.”: “example.com”."""
        host = urlsplit(self.website).hostname or ""
        return host.removeprefix("www.")

    @property
    def initials(self) -> str:
        words = [w for w in self.name.replace("-", " ").split() if w[:1].isalnum()]
        return "".join(w[0] for w in words[:2]).upper() or "?"


# What a job search looks in, by weight. On PostgreSQL the `search_vector` column holds the same
# weighted text, kept current by a trigger (jobs/migrations/0005_job_search).
JOB_SEARCH_FIELDS = engine.Fields(
    a=("title",),
    b=("company__name", "role__name", "skills"),
    c=("description",),
    vector_column="search_vector",
    only_when={"role__name": Q(role__status="published")},  # as the trigger does
)
# The best matches are ranked among this many of the newest matching postings (see search()).
RANKED_CANDIDATES = 200


class JobQuerySet(models.QuerySet["Job"]):
    def public(self) -> "JobQuerySet":
        """The postings the public may see: every page, feed, sitemap, search and API uses it."""
        return self.filter(public_jobs_q(timezone.now()))

    def with_pages(self) -> "JobQuerySet":
        """Public postings and closed ones, whose pages stay up with a 'closed' notice."""
        return self.filter(with_pages_q(timezone.now()))

    def visible_to(self, user) -> "JobQuerySet":
        """All postings for staff who may view jobs (to review them); with_pages() otherwise."""
        if reviews_postings(user):
            return self.all()
        return self.with_pages()

    def newest(self) -> "JobQuerySet":
        """Newest posting first, read straight from the job_newest index (public postings all
        have a posted date; the model's default order also puts undated drafts last)."""
        return self.order_by(*NEWEST)

    def featured(self) -> "JobQuerySet":
        """Postings featured right now."""
        return self.filter(featured_now_q(timezone.now()))

    def featured_first(self) -> "JobQuerySet":
        """Currently featured postings first, then the newest.

        An expression of the order, not an alias: an alias stays with the queryset after another
        order replaces this one (jobs.pagination.FeaturedFirst does, for every list), and Django
        copies it into every subquery it builds from it."""
        featured = Case(
            When(featured_now_q(timezone.now()), then=Value(True)),
            default=Value(False),
            output_field=models.BooleanField(),
        )
        return self.order_by(featured.desc(), "-posted_at", "-pk")

    def for_employer(self, user) -> "JobQuerySet":
        """The postings of the user's company, or none for anyone who may not manage them."""
        if not user.is_authenticated:
            return self.none()
        member = Q(company__employers__user=user) & (
            Q(company__employers__verified_at__isnull=False)
            | Q(company__employers__created_company=True)
        )
        return self.filter(member)

    def search(self, query: "str | Query") -> "JobQuerySet":
        """Postings matching a search (core/textsearch/query.py has the syntax), in order."""
        return engine.matching(self, query, JOB_SEARCH_FIELDS)

    def best_matches(self, query: "str | Query", limit: int) -> tuple[list["Job"], int]:
        """The `limit` best matching postings, best first (each with its `search_rank`), then
        the newest, and how many matches were ranked; two queries.

        Ranking reads each candidate's text, so only the newest RANKED_CANDIDATES matches are
        ranked, in a second query over their ids: a common word among a million postings still
        answers in milliseconds, and a job board favours fresh postings anyway. Rarer words are
        ranked in full. A count above RANKED_CANDIDATES means "more than that"."""
        query = engine.as_query(query)
        newest = self.search(query).order_by().newest().values_list("pk", flat=True)
        candidates = list(newest[: RANKED_CANDIDATES + 1])
        ranked = engine.ranked(
            self.filter(pk__in=candidates[:RANKED_CANDIDATES]).newest(), query, JOB_SEARCH_FIELDS
        )
        return list(ranked[:limit]), len(candidates)

    def in_any(self, *parts: "JobQuerySet") -> list["Job"]:
        """This queryset's postings that are in any of `parts` (small sliced querysets of
        postings, each read from its own index), in one query and in no particular order:
        `pk IN ((part 1 … LIMIT n) UNION …)`. Callers sort each part's rows back out of the
        result; a part's top rows are its top rows among these too.

        On SQLite, which allows no LIMIT directly inside a UNION, each part sits in an `IN` of
        its own; PostgreSQL takes the parts as they are, a level of subqueries less to build and
        compile (each level copies every filter's expressions again)."""
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            ids = [part.values("pk") for part in parts]
        else:
            ids = [Job.objects.filter(pk__in=part.values("pk")).values("pk") for part in parts]
        return list(self.filter(pk__in=ids[0].union(*ids[1:])).order_by())

    def for_cards(self) -> "JobQuerySet":
        """What a job card shows, in one query: the company, without the long description."""
        return self.select_related("company").defer(
            "description", "description_html", "company__description", "company__description_html"
        )


def default_expiry(start: datetime) -> datetime:
    return start + timedelta(days=settings.JOB_LIFETIME_DAYS)


_JobManagerBase = models.Manager.from_queryset(JobQuerySet)


class JobManager(_JobManagerBase["Job"]):
    def get_queryset(self) -> JobQuerySet:
        # The search column is for the database's eyes only: never loaded, never written back
        # (an instance with a deferred field saves only the fields it loaded).
        # The plugin types a from_queryset() manager's get_queryset() as a plain QuerySet.
        return super().get_queryset().defer("search_vector")  # type: ignore[return-value]


class Job(PublicInSomeStatuses, RendersMarkdown):
    # Closed postings keep a page; drafts, postings in review and rejected ones have none.
    PUBLIC_STATUSES = tuple(ONCE_PUBLIC)
    # What decides the lists a posting is on, as loaded (core.page_changes).
    REMEMBERED_FIELDS = ("role_id", "company_id", "featured_until")

    title = models.CharField(max_length=150)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="jobs")
    role = models.ForeignKey(
        "roles.Role",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobs",
        help_text="The role this posting is for; links it to the role's guides and pay.",
    )
    description = models.TextField(help_text="Markdown. What the job is, who fits, how to apply.")
    description_html = models.TextField(blank=True, editable=False)

    workplace = models.CharField(max_length=10, choices=Workplace, default=Workplace.ONSITE)
    street_address = models.CharField(max_length=150, blank=True)
    city = models.CharField(
        "city or town", max_length=100, blank=True, help_text="Where the office is."
    )
    region = models.CharField(
        "state or region", max_length=100, blank=True, help_text="E.g. “GA” or “Bavaria”."
    )
    postal_code = models.CharField(max_length=20, blank=True)
    # Typed here: django-countries' stubs make the value a str, and it is a Country.
    country: "models.CharField[Country | str, Country]" = CountryField(
        help_text="Where the office is; for a remote job, the country applicants must live in."
    )
    remote_region = models.CharField(
        "where remote applicants may live",
        max_length=120,
        blank=True,
        help_text="Shown as written, e.g. “anywhere in the U.S.”. Remote jobs only.",
    )

    employment_type = models.CharField(
        max_length=12, choices=EmploymentType, default=EmploymentType.FULL_TIME
    )
    experience_level = models.CharField(
        max_length=10, choices=ExperienceLevel, default=ExperienceLevel.MID
    )

    salary_min = models.PositiveIntegerField("salary from", null=True, blank=True)
    salary_max = models.PositiveIntegerField("salary up to", null=True, blank=True)
    salary_currency = models.CharField(max_length=3, choices=CURRENCIES, blank=True)
    salary_period = models.CharField(max_length=5, choices=SalaryPeriod, default=SalaryPeriod.YEAR)
    # The top of the range per year in U.S. dollars at reference rates, for the salary filter and
    # ordering across currencies.
    salary_yearly_usd = models.PositiveIntegerField(null=True, editable=False)

    apply_url = models.URLField("apply at (web address)", max_length=500, blank=True)
    apply_email = models.EmailField("apply by e-mail", blank=True)
    skills = models.CharField(
        "skills and tags", max_length=300, blank=True, help_text="Comma-separated: “Python, SQL”."
    )

    status = models.CharField(max_length=10, choices=JobStatus, default=JobStatus.DRAFT)
    posted_at = models.DateTimeField("posted", null=True, blank=True)
    expires_at = models.DateTimeField(
        "expires",
        null=True,
        blank=True,
        help_text="Left empty, it is set when the posting is published.",
    )
    featured_until = models.DateTimeField(null=True, blank=True)
    # The version of the content: 1 when written, one more with every edit saved after that.
    # A moderator's decision names the version they read and is refused once it has moved on
    # (jobs/moderation.py), so approval publishes exactly what was reviewed.
    revision = models.PositiveIntegerField("version", default=1, editable=False)
    # The review queue runs oldest submission first.
    submitted_at = models.DateTimeField("submitted for review", null=True, blank=True)
    # The expiry an "expiring soon" e-mail was sent for, so that it goes out once per period.
    expiry_notice_for = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set by every save: the salary figures' next sync (salaries/sync.py) rewrites this posting's
    # salary record, gives it a role its title matches if it has none, and clears the flag.
    needs_salary_sync = models.BooleanField(default=True, editable=False)
    # Title (A); company, published role and skills (B); description (C) as a weighted vector,
    # filled by a PostgreSQL trigger on every insert and update, bulk ones too; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = JobManager()
    markdown_fields = ("description",)

    class Meta:
        # Unposted drafts last on every database (PostgreSQL sorts NULL first when descending).
        ordering = [F("posted_at").desc(nulls_last=True), "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True) | Q(salary_min__gt=0),
                name="job_salary_min_positive",
            ),
            models.CheckConstraint(
                condition=Q(salary_max__isnull=True)
                | Q(salary_min__isnull=False, salary_max__gte=F("salary_min")),
                name="job_salary_max_at_least_min",
            ),
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True) | ~Q(salary_currency=""),
                name="job_salary_has_currency",
            ),
            models.CheckConstraint(
                condition=Q(status=JobStatus.DRAFT) | ~Q(apply_url="") | ~Q(apply_email=""),
                name="job_has_apply_route",
            ),
            models.CheckConstraint(
                condition=Q(workplace=Workplace.REMOTE) | (~Q(city="") & Q(remote_region="")),
                name="job_office_has_city_and_no_remote_region",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=ONCE_PUBLIC)
                | Q(posted_at__isnull=False, expires_at__isnull=False),
                name="job_public_has_dates",
            ),
            models.CheckConstraint(
                condition=Q(posted_at__isnull=True)
                | Q(expires_at__isnull=True)
                | Q(expires_at__gt=F("posted_at")),
                name="job_expires_after_posting",
            ),
        ]
        indexes = [
            # Holds every column of the public rule: counting public jobs reads the index alone.
            models.Index(fields=["status", "expires_at", "posted_at"], name="job_public"),
            models.Index(fields=["-posted_at", "-id"], name="job_newest"),
            models.Index(fields=["featured_until"], name="job_featured_until"),
            # The newest featured postings that open a list, walked newest first among the few
            # ever featured; without it PostgreSQL intersected the featured index with each
            # filter's (tens of thousands of entries for `workplace=remote`): 3.9 ms, now 0.04.
            models.Index(
                fields=["-posted_at", "-id"],
                condition=Q(featured_until__isnull=False),
                name="job_featured_newest",
            ),
            models.Index(fields=["workplace"], name="job_workplace"),
            models.Index(fields=["employment_type"], name="job_employment_type"),
            models.Index(fields=["experience_level"], name="job_experience_level"),
            models.Index(*TOP_PAY_FIRST, name="job_top_pay"),
            models.Index(fields=["company", "-created_at"], name="job_company_newest"),
            # A role's newest postings (role pages, the cards beside guides, ?role=) read in
            # order, without sorting every posting of a large role.
            models.Index(fields=["role", "-posted_at", "-id"], name="job_role_newest"),
            # salary_min: postings paying at least an amount (those without pay never match).
            models.Index(
                fields=["salary_yearly_usd"],
                condition=Q(salary_yearly_usd__isnull=False),
                name="job_salary_yearly",
            ),
            models.Index(fields=["status", "submitted_at"], name="job_review_queue"),
            # The salary sync's work list: only the postings written since it last ran.
            models.Index(
                fields=["id"], condition=Q(needs_salary_sync=True), name="job_needs_salary_sync"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}" if self.company_id else self.title

    def get_absolute_url(self) -> str:
        return by_slug("jobs:detail", self.slug)

    def page_tags(self) -> set[str]:
        """The cached pages a posting is on (core/page_tags.py): its own, every job list, its
        role's and company's lists (before and after a move). Featured cards are only ever on
        those lists and the home page (a job list)."""
        tags = {page_tags.job(self.pk), page_tags.JOBS}
        tags |= {page_tags.role_jobs(pk) for pk in self.now_and_loaded("role_id")}
        tags |= {page_tags.company_jobs(pk) for pk in self.now_and_loaded("company_id")}
        return tags

    # --- saving -------------------------------------------------------------------------------

    def save(self, *args, **kwargs):
        self.salary_yearly_usd = self.yearly_usd()
        if not self.slug:
            self.slug = self.unique_slug()
        if self.status in ONCE_PUBLIC:
            self.fill_publish_dates()
        self.needs_salary_sync = True
        if kwargs.get("update_fields") is not None:
            derived = {"salary_yearly_usd", "slug", "posted_at", "expires_at", "needs_salary_sync"}
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        super().save(*args, **kwargs)

    def yearly_usd(self) -> int | None:
        """The top of the range per year in U.S. dollars (reference rates), or None."""
        return self.pay.top_yearly_usd()

    def unique_slug(self) -> str:
        others = Job.objects.exclude(pk=self.pk)
        return unique_slug(others, f"{self.title} {self.company.name}", "job")

    def fill_publish_dates(self, now: datetime | None = None) -> None:
        """A posting going public gets a posted date (now) and an expiry (the default length)."""
        now = now or timezone.now()
        if self.posted_at is None:
            self.posted_at = now
        if self.expires_at is None:
            self.expires_at = default_expiry(max(self.posted_at, now))

    def publish(self, now: datetime | None = None) -> None:
        """Approve: public from now; a posting whose expiry has passed gets a fresh period."""
        now = now or timezone.now()
        self.status = JobStatus.PUBLISHED
        if self.posted_at is None or self.posted_at > now:
            self.posted_at = now
        if self.expires_at is None or self.expires_at <= now:
            self.expires_at = default_expiry(now)

    def clean(self) -> None:
        if self.status in ONCE_PUBLIC:  # as save() would, so the date rules hold
            self.fill_publish_dates()
        errors: dict[str, str] = {}
        for check in (
            self._salary_range_errors,
            self._salary_amount_errors,
            self._apply_route_errors,
            self._place_errors,
            self._date_errors,
        ):
            errors.update(check())  # a later check's message for a field replaces an earlier one
        if errors:
            raise ValidationError(errors)

    def _salary_range_errors(self) -> dict[str, str]:
        """A range has a bottom, a top no lower than it, and a currency."""
        low, high = self.salary_min, self.salary_max
        errors = {}
        if low is not None and high is not None and high < low:
            errors["salary_max"] = "The top of the range must be at least the bottom."
        if high is not None and low is None:
            errors["salary_min"] = "Give the bottom of the range too (it may equal the top)."
        if low is not None and not self.salary_currency:
            errors["salary_currency"] = "Choose the currency the salary is paid in."
        return errors

    def _salary_amount_errors(self) -> dict[str, str]:
        """Amounts above zero that their column holds, under MAX_YEARLY_USD a year."""
        errors = {
            name: "That amount is too large: check it and the pay period."
            for name in ("salary_min", "salary_max")
            if (getattr(self, name) or 0) > SALARY_AMOUNT_MAX  # the column's limit
        }
        if self.salary_min == 0:
            errors["salary_min"] = "A salary must be more than zero."
        elif not errors:  # amounts that do not fit have no yearly figure to check
            errors.update(self._yearly_pay_errors())
        return errors

    def _yearly_pay_errors(self) -> dict[str, str]:
        """At most MAX_YEARLY_USD a year (an unknown currency is its own field's error)."""
        if self.salary_currency not in CURRENCY_RATES or (self.yearly_usd() or 0) <= MAX_YEARLY_USD:
            return {}
        return {
            "salary_max" if self.salary_max else "salary_min": (
                "That is more than 100 million U.S. dollars a year: check the amount and period."
            )
        }

    def _apply_route_errors(self) -> dict[str, str]:
        """A posting past the draft says how to apply."""
        if self.status != JobStatus.DRAFT and not (self.apply_url or self.apply_email):
            return {"apply_url": "Give a web address or an e-mail address for applications."}
        return {}

    def _place_errors(self) -> dict[str, str]:
        """An office has a city; only remote jobs say where applicants may live."""
        if self.workplace == Workplace.REMOTE:
            return {}
        errors = {}
        if not self.city:
            errors["city"] = "Give the city of the office (on-site and hybrid jobs)."
        if self.remote_region:
            errors["remote_region"] = "Only remote jobs have a region for applicants."
        return errors

    def _date_errors(self) -> dict[str, str]:
        """A posting expires after it is posted."""
        if self.posted_at and self.expires_at and self.expires_at <= self.posted_at:
            return {"expires_at": "The expiry must come after the posting date."}
        return {}

    # --- reading ------------------------------------------------------------------------------

    @property
    def is_public(self) -> bool:
        now = timezone.now()
        return (
            self.status == JobStatus.PUBLISHED
            and self.posted_at is not None
            and self.posted_at <= now
            and self.expires_at is not None
            and self.expires_at > now
        )

    @property
    def is_closed(self) -> bool:
        """Was public and no longer takes applications."""
        return self.posted_at is not None and not self.is_public and self.status in ONCE_PUBLIC

    @property
    def is_featured(self) -> bool:
        return self.featured_until is not None and self.featured_until > timezone.now()

    @property
    def is_remote(self) -> bool:
        return self.workplace == Workplace.REMOTE

    @property
    def place(self) -> str:
        """City, region and country code: “Alpharetta, GA, US”."""
        return ", ".join(part for part in (self.city, self.region, self.country.code) if part)

    @property
    def location_label(self) -> str:
        """What a card says about where: “Remote (anywhere in the U.S.)” or “Upton, NY, US”."""
        if self.is_remote:
            region = self.remote_region or f"in {self.country.name}"
            return f"Remote ({region})"
        if self.workplace == Workplace.HYBRID:
            return f"{self.place} · Hybrid"
        return self.place

    @property
    def card_place(self) -> str:
        """Where, as a job card says it beside its Remote or Hybrid badge: “Anywhere in the
        U.S.” for a remote posting, the place otherwise."""
        if self.is_remote:
            region = self.remote_region or f"anywhere in {self.country.name}"
            return region[:1].upper() + region[1:]
        return self.place

    @property
    def level_label(self) -> str:
        """The level in a word, as a card shows it: “Senior-level” for “Senior-level / Expert”."""
        level = self.experience_level
        return str(EXPERIENCE_LEVEL_LABELS.get(level, level)).split(" / ")[0]

    @property
    def has_salary(self) -> bool:
        return self.salary_min is not None

    @property
    def pay(self) -> Pay:
        return Pay(self.salary_min, self.salary_max, self.salary_currency, self.salary_period)

    @property
    def salary_label(self) -> str:
        """“USD 100K – 130K” for yearly pay; “EUR 45 – 60 per hour” otherwise."""
        return self.pay.label

    @property
    def skill_list(self) -> list[str]:
        return [skill.strip() for skill in self.skills.split(",") if skill.strip()]


class JobForReview(Job):
    """The moderators' queue in the admin: pending postings, oldest submission first."""

    class Meta:
        proxy = True
        verbose_name = "posting waiting for review"
        verbose_name_plural = "postings waiting for review"


class CompanyEvent(models.Model):
    """One step in a company's moderation: verified or not, a look-alike name held or cleared,
    a merge, an account deleted. The audit trail moderators read; employers never see it."""

    class Kind(models.TextChoices):
        VERIFIED = "verified", "Verified"
        UNVERIFIED = "unverified", "Verification removed"
        HELD = "held", "Held: the name looks like another company's"
        CLEARED = "cleared", "Look-alike name cleared"
        MERGED = "merged", "Another company merged into this one"
        ACCOUNT_DELETED = "account_deleted", "An employer deleted their account"

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the site did it, or the account was deleted since.",
    )
    note = models.TextField(blank=True, help_text="The reason, or what happened.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["company", "-created_at"], name="company_event_newest")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class CompanySlugRedirect(models.Model):
    """The address of a company merged into another: `old_slug` now means `company`."""

    old_slug = models.SlugField(max_length=120, unique=True)
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        verbose_name = "old company address"

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.company.slug}"


class StatusChange(models.Model):
    """One step in a posting's life: who moved it from which status to which, and why."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="status_changes")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the site did it (e.g. on expiry).",
    )
    from_status = models.CharField(max_length=10, choices=JobStatus, blank=True)
    to_status = models.CharField(max_length=10, choices=JobStatus)
    note = models.TextField(blank=True, help_text="The reason, as the employer sees it.")
    revision = models.PositiveIntegerField(
        "version",
        null=True,
        blank=True,
        help_text="The posting's version at this step (what went live, for an approval); "
        "empty for steps recorded before versions were kept.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["job", "-created_at"], name="status_change_job_newest")]

    def __str__(self) -> str:
        return f"{self.get_from_status_display() or 'new'} → {self.get_to_status_display()}"
