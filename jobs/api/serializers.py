"""Companies and job postings as JSON: the public view, and the employer's own postings.

Writes reuse the site's posting form (JobForm) for every rule beyond a field's type, so a
posting the API accepts is one the site would accept."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import PageUrlField
from jobs.choices import SalaryPeriod
from jobs.models import Company, Job, logo_url
from roles.api.serializers import RoleRefSerializer


class CompanyRefSerializer(serializers.ModelSerializer):
    url = PageUrlField(help_text="The company's open jobs on the site.")

    class Meta:
        model = Company
        fields = ["slug", "name", "url", "website"]


class CompanySerializer(CompanyRefSerializer):
    logo = serializers.SerializerMethodField()
    open_jobs = serializers.IntegerField(read_only=True)

    class Meta(CompanyRefSerializer.Meta):
        fields = [*CompanyRefSerializer.Meta.fields, "logo", "description_html", "open_jobs"]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_logo(self, company: Company) -> str | None:
        if not company.logo_id:
            return None
        request = self.context.get("request")
        url = logo_url(company)
        return request.build_absolute_uri(url) if request is not None else url


class SalarySerializer(serializers.Serializer):
    min = serializers.IntegerField(source="salary_min")
    max = serializers.IntegerField(source="salary_max", allow_null=True)
    currency = serializers.CharField(source="salary_currency", help_text="ISO 4217 code.")
    period = serializers.ChoiceField(source="salary_period", choices=SalaryPeriod.choices)
    # A declared field, taken out of the class by DRF: the stubs see the serializer's own label.
    label = serializers.CharField(  # type: ignore[assignment]
        source="salary_label", help_text="“USD 100K – 130K”."
    )


class PublicRoleField(RoleRefSerializer):
    """The posting's role, or null while the role itself is not published."""

    def to_representation(self, role):
        return super().to_representation(role) if role.is_public else None


class JobSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    company = CompanyRefSerializer(read_only=True)
    role = PublicRoleField(read_only=True, allow_null=True)
    country = serializers.CharField(source="country.code", read_only=True)
    location = serializers.CharField(source="location_label", read_only=True)
    salary = serializers.SerializerMethodField()
    skills = serializers.ListField(source="skill_list", child=serializers.CharField())
    featured = serializers.BooleanField(source="is_featured", read_only=True)

    class Meta:
        model = Job
        fields = [
            "slug",
            "title",
            "url",
            "company",
            "role",
            "workplace",
            "employment_type",
            "experience_level",
            "location",
            "city",
            "region",
            "country",
            "remote_region",
            "salary",
            "skills",
            "featured",
            "posted_at",
            "expires_at",
        ]

    @extend_schema_field(SalarySerializer(allow_null=True))
    def get_salary(self, job: Job) -> dict | None:
        return SalarySerializer(job).data if job.has_salary else None


class JobDetailSerializer(JobSerializer):
    applies_by_email = serializers.SerializerMethodField(
        help_text="True when the posting takes applications by e-mail: its page shows the address."
    )

    class Meta(JobSerializer.Meta):
        fields = [*JobSerializer.Meta.fields, "description_html", "apply_url", "applies_by_email"]

    def get_applies_by_email(self, job: Job) -> bool:
        return bool(job.apply_email)
