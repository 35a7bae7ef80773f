"""Job postings as JSON, each naming its company: the public view, and the employer's own
postings.

Writes reuse the site's posting form (JobForm) for every rule beyond a field's type, so a
posting the API accepts is one the site would accept."""

from datetime import datetime

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import PageUrlField
from core.addresses import absolute_url
from jobs.choices import SalaryPeriod
from jobs.models import Company, Job
from roles.api.serializers import RoleRefSerializer


class CompanyRefSerializer(serializers.ModelSerializer):
    url = PageUrlField(help_text="The company's page on the site.")
    verified = serializers.BooleanField(
        source="is_verified",
        read_only=True,
        help_text="An employer of the company confirmed an address at its website's domain, "
        "or a moderator checked it.",
    )

    class Meta:
        model = Company
        fields = ["slug", "name", "url", "website", "verified"]


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
        if not job.has_salary:
            return None
        return {
            "min": job.salary_min,
            "max": job.salary_max,
            "currency": job.salary_currency,
            "period": job.salary_period,
            "label": job.salary_label,
        }

    def to_representation(self, job: Job) -> dict:
        """The fields declared above, written out directly: DRF's field-by-field path, with a
        serializer for each nested object, was a third of a job list's time. The declarations
        still describe the schema, and tests/api/test_contract.py checks answers against it."""
        request = self.context.get("request")

        def absolute(path: str) -> str:
            return absolute_url(request, path)

        company, role = job.company, job.role
        return {
            "slug": job.slug,
            "title": job.title,
            "url": absolute(job.get_absolute_url()),
            "company": {
                "slug": company.slug,
                "name": company.name,
                "url": absolute(company.get_absolute_url()),
                "website": company.website,
                "verified": company.is_verified,
            },
            "role": (
                {"slug": role.slug, "name": role.name, "url": absolute(role.get_absolute_url())}
                if role is not None and role.is_public
                else None
            ),
            "workplace": job.workplace,
            "employment_type": job.employment_type,
            "experience_level": job.experience_level,
            "location": job.location_label,
            "city": job.city,
            "region": job.region,
            "country": job.country.code,
            "remote_region": job.remote_region,
            "salary": self.get_salary(job),
            "skills": job.skill_list,
            "featured": job.is_featured,
            "posted_at": datetime_text(job.posted_at),
            "expires_at": datetime_text(job.expires_at),
        }


# How DRF writes a date and time (ISO 8601 in the current time zone, "Z" for UTC).
DATETIME = serializers.DateTimeField()


def datetime_text(moment: datetime | None) -> str | None:
    return None if moment is None else DATETIME.to_representation(moment)


class JobDetailSerializer(JobSerializer):
    applies_by_email = serializers.SerializerMethodField(
        help_text="True when the posting takes applications by e-mail: its page shows the address."
    )

    class Meta(JobSerializer.Meta):
        fields = [*JobSerializer.Meta.fields, "description_html", "apply_url", "applies_by_email"]

    def get_applies_by_email(self, job: Job) -> bool:
        return bool(job.apply_email)

    def to_representation(self, job: Job) -> dict:
        return {
            **super().to_representation(job),
            "description_html": job.description_html,
            "apply_url": job.apply_url,
            "applies_by_email": self.get_applies_by_email(job),
        }
