"""The job filters: one FilterSet for the job search page, the job feeds and the API.

An invalid value never fails the request: django-filter drops that field from `cleaned_data`,
the others still apply, and the form shows the field's error.
"""

from datetime import timedelta
from functools import lru_cache, reduce
from operator import and_
from typing import TYPE_CHECKING, cast

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django_countries import countries

from core import money
from core import page_query as rules
from core.form_widgets import QuickSelect
from core.light_copies import CopiedLightly, copy_filter, fields_copied_lightly
from core.textsearch.query import MAX_QUERY_LENGTH
from jobs.choices import EmploymentType, ExperienceLevel, Workplace
from jobs.models import TOP_PAY_FIRST, Company, Job, JobQuerySet
from roles.models import Role

POSTED_WITHIN = [("1", "Past 24 hours"), ("7", "Past week"), ("30", "Past month")]
ORDERINGS = [("newest", "Newest first"), ("salary", "Highest salary first")]


# Everyday names that are not a country's official (ISO) name.
COUNTRY_ALIASES = {"usa": "US", "u.s.": "US", "u.s.a.": "US", "america": "US", "uk": "GB"}


# django-countries' by_name() reads every country's (translated) name: about 10 ms a call.
@lru_cache(maxsize=4096)
def country_code(text: str) -> str:
    """The ISO code a country name or code stands for ("Germany", "de", "USA"), or ""."""
    alias = COUNTRY_ALIASES.get(text.lower())
    if alias:
        return alias
    if len(text) == 2 and text.upper() in countries:
        return text.upper()
    return countries.by_name(text)


def without_blanks(data: QueryDict | None) -> QueryDict | None:
    """The query without empty values: `?workplace=` (an unticked form sent as is, a client
    writing every parameter) means "any", as a blank text box does, for every filter alike."""
    if data is None:
        return None
    kept = QueryDict(mutable=True)
    for key, values in data.lists():
        present = [value for value in values if value.strip()]
        if present:
            kept.setlist(key, present)
    kept._mutable = False
    return kept


class JobSearchForm(forms.Form):
    """The search form. Its class is built once (JobFilter.get_form_class); the choices of
    roles and companies are read for each form, as they stand when it is made."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # `public()` compares with the time it is built: a queryset kept with the class would
        # call a company whose first posting came later "not a valid choice". (Building it is
        # most of the form's cost: only when a company is asked for; the field is hidden.)
        cast(forms.ModelChoiceField, self.fields["role"]).queryset = Role.objects.published()
        companies = Company.objects.public() if self["company"].data else Company.objects.none()
        cast(forms.ModelChoiceField, self.fields["company"]).queryset = companies


class JobFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Keywords",
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"placeholder": "Title, company or skill", "type": "search"}),
    )
    location = django_filters.CharFilter(
        label="Location",
        method="filter_location",
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "City, state or country"}),
    )
    workplace = django_filters.MultipleChoiceFilter(
        label="Workplace",
        choices=Workplace.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # a plain column: no join can repeat a row
    )
    employment_type = django_filters.MultipleChoiceFilter(
        label="Employment type",
        choices=EmploymentType.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    experience_level = django_filters.MultipleChoiceFilter(
        label="Experience level",
        choices=ExperienceLevel.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
    )
    salary_min = django_filters.NumberFilter(
        label="Minimum yearly salary (USD)",
        field_name="salary_yearly_usd",
        lookup_expr="gte",
        min_value=0,
        max_value=100_000_000,
        widget=forms.NumberInput(attrs={"placeholder": "e.g. 100000", "step": 1000}),
        help_text="Other currencies are compared at reference rates. Hides jobs without pay.",
    )
    role = django_filters.ModelChoiceFilter(
        label="Role",
        # (Called once, for the form class; each form reads the roles again: JobSearchForm.)
        queryset=lambda request: Role.objects.published(),  # type: ignore[arg-type]
        to_field_name="slug",
        empty_label="Any role",
        widget=QuickSelect,
    )
    company = django_filters.ModelChoiceFilter(
        label="Company",
        queryset=lambda request: Company.objects.public(),  # type: ignore[arg-type]
        to_field_name="slug",
        widget=forms.HiddenInput,
    )
    posted_within = django_filters.ChoiceFilter(
        label="Posted",
        choices=POSTED_WITHIN,
        method="filter_posted_within",
        empty_label="Any time",
        widget=QuickSelect,
    )
    ordering = django_filters.ChoiceFilter(
        label="Sort by",
        choices=ORDERINGS,
        method="filter_ordering",
        empty_label="Featured first",
    )

    class Meta:
        model = Job
        form = JobSearchForm
        fields = [
            "q",
            "location",
            "workplace",
            "employment_type",
            "experience_level",
            "salary_min",
            "role",
            "company",
            "posted_within",
        ]

    # The parameters that narrow the list (every one but the order).
    FILTERS = tuple(Meta.fields)

    # The query string a feed was asked with (set by jobs.feeds).
    query_string: str

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(without_blanks(data), *args, **kwargs)

    # django-filter makes a form class, and a field for each filter, on every request: about a
    # millisecond. The fields are the same for every search (each form copies them), so the
    # class is made once.
    _form_class: type[forms.Form] | None = None

    def get_form_class(self) -> type[forms.Form]:
        cls = type(self)
        if cls.__dict__.get("_form_class") is None:
            cls._form_class = fields_copied_lightly(super().get_form_class())
        return cast(type[forms.Form], cls._form_class)

    @classmethod
    def get_filters(cls):
        # Each search copies the filters without deep copying the fields they made (see
        # core.light_copies), as its form copies the fields.
        return CopiedLightly(super().get_filters(), copy_filter)

    if TYPE_CHECKING:
        # django-filter types `qs` for any model; this filter's are always postings.
        @property
        def qs(self) -> JobQuerySet: ...

    @property
    def uses_default_order(self) -> bool:
        """True unless a valid `ordering` was asked for."""
        self.is_valid()  # runs validation once; invalid fields are left out of cleaned_data
        return not self.form.cleaned_data.get("ordering")

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Featured first, then newest, unless another order was asked for (and was valid).
        if self.uses_default_order:
            queryset = cast(JobQuerySet, queryset).featured_first()
        return super().filter_queryset(queryset)

    def filter_q(self, queryset: JobQuerySet, name: str, value: str) -> JobQuerySet:
        """The site search's engine over title, company, skills and description (search/)."""
        return queryset.search(value)

    def filter_location(self, queryset: JobQuerySet, name: str, value: str) -> JobQuerySet:
        """Each comma-separated part matches a city, state, country or remote region.

        A two-letter country code ("fr", "IN", "uk") is a country: it never matches inside a
        city's name (San Francisco, Austin). Alone it names only the country; after another part
        ("Alpharetta, GA") it may also be that place's state code, matched whole."""
        conditions = []
        parts = [p.strip() for p in value.split(",")]
        for index, part in enumerate(p for p in parts if p):
            if part.lower() == "remote":
                conditions.append(Q(workplace=Workplace.REMOTE))
                continue
            code = country_code(part)
            if code and len(part) == 2:
                match = Q(country=code)
                if index > 0:
                    match |= Q(region__iexact=part)
                conditions.append(match)
                continue
            match = (
                Q(city__icontains=part) | Q(region__iexact=part) | Q(remote_region__icontains=part)
            )
            if code:
                match |= Q(country=code)
            conditions.append(match)
        return queryset.filter(reduce(and_, conditions)) if conditions else queryset

    def filter_posted_within(self, queryset: JobQuerySet, name: str, value: str) -> JobQuerySet:
        return queryset.filter(posted_at__gte=timezone.now() - timedelta(days=int(value)))

    def filter_ordering(self, queryset: JobQuerySet, name: str, value: str) -> JobQuerySet:
        if value == "salary":
            return queryset.order_by(*TOP_PAY_FIRST, "-pk")
        return queryset.newest()

    def active_filters(self) -> list[tuple[str, str]]:
        """(label, field name) for each filter that applies, so the page can offer to drop it."""
        self.is_valid()  # runs validation; invalid fields are left out of cleaned_data
        active = []
        for name, value in self.form.cleaned_data.items():
            if name == "ordering" or value in (None, "", []):
                continue
            field = self.form.fields[name]
            if name in ("workplace", "employment_type", "experience_level"):
                # Read back, choices are (value, label) pairs; the stubs give what may be set.
                choices = cast(forms.MultipleChoiceField, field).choices
                labels = dict(choices)  # type: ignore[arg-type]
                shown = ", ".join(str(labels[v]) for v in value)
            elif name == "posted_within":
                shown = dict(POSTED_WITHIN)[value]
            elif name == "salary_min":
                shown = f"from USD {money.grouped(int(value))} a year"
            else:
                shown = str(value)
            active.append((f"{field.label}: {shown}", name))
        return active


# The job list's parameters, as the page cache keys them (core/page_query.py): the filters, the
# order and the page. The feeds and the API's job list take the same.
JOB_LIST_QUERY = rules.Query(
    q=rules.text(MAX_QUERY_LENGTH),
    location=rules.text(100),
    workplace=rules.choices(Workplace.values),
    employment_type=rules.choices(EmploymentType.values),
    experience_level=rules.choices(ExperienceLevel.values),
    salary_min=rules.integer(0, 100_000_000),
    role=rules.slug,
    company=rules.slug,
    posted_within=rules.choice(value for value, _ in POSTED_WITHIN),
    ordering=rules.choice(value for value, _ in ORDERINGS),
    page=rules.integer(1, 1_000_000, default=1),
)
# The feeds: the same filters, always newest first, never paged.
JOB_FEED_QUERY = rules.Query(
    **{
        name: rule
        for name, rule in JOB_LIST_QUERY.rules.items()
        if name not in ("page", "ordering")
    }
)
