"""Salary titles and their figures as JSON, as the salary pages show them."""

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.addresses import absolute_url
from jobs.choices import ExperienceLevel
from roles.api.serializers import RoleRefSerializer
from salaries.figures import Figures, min_sample

PERCENTILES = ("p10", "p25", "p50", "p75", "p90")


def hidden_reason(count: int) -> str:
    """Why figures are hidden, in the words of the salary page's tables."""
    records = f"only {count:,} record{'s' if count != 1 else ''}" if count else "no records"
    return f"{records[0].upper()}{records[1:]}, fewer than {min_sample()}."


def salary_page_url(context: Mapping[str, Any], slug: str, country: str = "") -> str:
    url = reverse("salaries:detail", args=[slug])
    if country:
        url += f"?country={country}"
    return absolute_url(context.get("request"), url)


class FiguresSerializer(serializers.Serializer):
    """One cut's figures as the salary page shows them: below the minimum sample the percentiles
    are null and `hidden` says why; the count and sources are always given."""

    # A declared field, taken out of the class by DRF: the stubs see the serializer's own label.
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="“All levels”, “Senior”, “2025”…"
    )
    count = serializers.IntegerField(help_text="Records behind the figures.")
    postings = serializers.IntegerField(help_text="Of which from job postings.")
    surveys = serializers.IntegerField(help_text="Of which from salary-survey records.")
    sources = serializers.CharField(help_text="“812 survey records and 14 job postings”.")
    hidden = serializers.CharField(
        allow_null=True, help_text="Null when the figures are shown; else why they are hidden."
    )
    p10 = serializers.IntegerField(allow_null=True, help_text="USD a year.")
    p25 = serializers.IntegerField(allow_null=True, help_text="USD a year.")
    p50 = serializers.IntegerField(allow_null=True, help_text="The median, USD a year.")
    p75 = serializers.IntegerField(allow_null=True, help_text="USD a year.")
    p90 = serializers.IntegerField(allow_null=True, help_text="USD a year.")

    def to_representation(self, figures: Figures) -> dict:
        data = {
            "label": figures.label,
            "count": figures.count,
            "postings": figures.postings,
            "surveys": figures.surveys,
            "sources": figures.sources,
            "hidden": None if figures.shown else hidden_reason(figures.count),
        }
        for name in PERCENTILES:
            data[name] = getattr(figures, name) if figures.shown else None
        return data


class LevelFiguresSerializer(FiguresSerializer):
    level = serializers.ChoiceField(choices=ExperienceLevel.choices)


class YearFiguresSerializer(FiguresSerializer):
    year = serializers.IntegerField()


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166 code; pass it as `country`.")
    name = serializers.CharField()
    count = serializers.IntegerField(help_text="Records in the country.")


class SalaryTitleSerializer(serializers.Serializer):
    """A public salary title in the list (a row of /salaries/)."""

    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField()
    count = serializers.IntegerField(help_text="Records behind the global figures.")
    median = serializers.SerializerMethodField()
    hidden = serializers.SerializerMethodField()
    roles = RoleRefSerializer(many=True, help_text="The published roles naming this title.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, title: dict) -> str:
        return salary_page_url(self.context, title["slug"])

    @extend_schema_field(
        serializers.IntegerField(allow_null=True, help_text="Global median, USD a year.")
    )
    def get_median(self, title: dict) -> int | None:
        return title["median"] if title["shown"] else None

    @extend_schema_field(
        serializers.CharField(allow_null=True, help_text="Null when the median is shown.")
    )
    def get_hidden(self, title: dict) -> str | None:
        return None if title["shown"] else hidden_reason(title["count"])


class SalaryDetailSerializer(serializers.Serializer):
    """One title's figures, globally or in `country`: the salary page's numbers."""

    slug = serializers.SlugField(source="title.slug")
    name = serializers.CharField(source="title.name")
    url = serializers.SerializerMethodField()
    country = serializers.CharField(allow_null=True, help_text="Null: every country.")
    experience_level = serializers.ChoiceField(
        choices=ExperienceLevel.choices,
        allow_null=True,
        help_text="Null: every level in `by_level`.",
    )
    min_sample = serializers.IntegerField(help_text="Records a figure needs to be shown.")
    overall = FiguresSerializer(source="figures.overall", help_text="Every level and year.")
    by_level = serializers.SerializerMethodField()
    by_year = serializers.SerializerMethodField()
    countries = CountrySerializer(many=True, help_text="Countries with enough records to show.")
    roles = RoleRefSerializer(many=True, help_text="The published roles naming this title.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, salary: dict) -> str:
        return salary_page_url(self.context, salary["title"].slug, salary["country"] or "")

    @extend_schema_field(LevelFiguresSerializer(many=True))
    def get_by_level(self, salary: dict) -> list[dict]:
        """Every level, in order (or the one asked); each over every year."""
        levels = zip(ExperienceLevel.values, salary["figures"].by_level, strict=True)
        return [
            {"level": level, **FiguresSerializer(figures).data}
            for level, figures in levels
            if salary["experience_level"] in (None, level)
        ]

    @extend_schema_field(YearFiguresSerializer(many=True))
    def get_by_year(self, salary: dict) -> list[dict]:
        """Each year with records, oldest first; each over every level."""
        return [
            {"year": int(figures.label), **FiguresSerializer(figures).data}
            for figures in salary["figures"].by_year
        ]
