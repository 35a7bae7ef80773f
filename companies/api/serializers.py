"""Companies as JSON: the public profile and how many open jobs each has."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import PageUrlField
from core.addresses import absolute_url
from jobs.choices import CompanySize
from jobs.models import Company, logo_url


class CompanySerializer(serializers.ModelSerializer):
    url = PageUrlField(help_text="The company's page on the site.")
    logo = serializers.SerializerMethodField()
    size = serializers.ChoiceField(
        choices=[("", "Not stated"), *CompanySize.choices],
        read_only=True,
        help_text="How many people it employs, as a band; empty when not stated.",
    )
    industries = serializers.ListField(
        source="industry_list", child=serializers.CharField(), read_only=True
    )
    open_jobs = serializers.IntegerField(read_only=True, help_text="Its open postings.")

    class Meta:
        model = Company
        fields = [
            "slug",
            "name",
            "url",
            "website",
            "logo",
            "tagline",
            "headquarters",
            "size",
            "industries",
            "description_html",
            "open_jobs",
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_logo(self, company: Company) -> str | None:
        if not company.logo_id:
            return None
        return absolute_url(self.context.get("request"), logo_url(company))
