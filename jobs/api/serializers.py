"""Companies and job postings as JSON: the public view, and the employer's own postings.

Writes reuse the site's posting form (JobForm) for every rule beyond a field's type, so a
posting the API accepts is one the site would accept."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.api_fields import PageUrlField
from jobs.choices import JobStatus, SalaryPeriod
from jobs.employer_forms import DESCRIPTION_MAX_CHARS, JobForm
from jobs.models import Company, Job
from roles.api.serializers import RoleRefSerializer
from roles.models import Role


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
        if not company.logo:
            return None
        request = self.context.get("request")
        url = company.logo.url
        return request.build_absolute_uri(url) if request is not None else url


class SalarySerializer(serializers.Serializer):
    min = serializers.IntegerField(source="salary_min")
    max = serializers.IntegerField(source="salary_max", allow_null=True)
    currency = serializers.CharField(source="salary_currency", help_text="ISO 4217 code.")
    period = serializers.ChoiceField(source="salary_period", choices=SalaryPeriod.choices)
    label = serializers.CharField(source="salary_label", help_text="“USD 100K – 130K”.")


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


# --- employers -----------------------------------------------------------------------------------


def _form_value(value):
    if value is None:
        return ""
    if isinstance(value, Role):
        return value.pk
    if hasattr(value, "code"):  # a django-countries Country
        return value.code or ""
    return value


class EmployerJobSerializer(serializers.ModelSerializer):
    """A posting of the caller's company, as its dashboard shows it, with the fields to edit."""

    url = PageUrlField(help_text="Its public page, which shows it once a moderator approves it.")
    role = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Role.objects.published(),
        required=False,
        allow_null=True,
        help_text="A published role's slug (GET /api/v1/roles/), or null.",
    )
    description = serializers.CharField(
        max_length=DESCRIPTION_MAX_CHARS, help_text="Markdown; the site sanitizes it."
    )
    review_note = serializers.CharField(
        read_only=True,
        allow_null=True,
        default=None,
        help_text="The reviewer's latest message, when a posting was sent back or rejected.",
    )

    class Meta:
        model = Job
        fields = [
            "id",
            "slug",
            "url",
            "status",
            "review_note",
            *JobForm.Meta.fields,
            "description_html",
            "submitted_at",
            "posted_at",
            "expires_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "slug",
            "status",
            "description_html",
            "submitted_at",
            "posted_at",
            "expires_at",
            "created_at",
            "updated_at",
        ]

    def validate(self, attrs: dict) -> dict:
        """Run the site's posting form over the posting as it would be saved."""
        job = self.instance or Job(
            company=self.context["employer"].company, created_by=self.context["request"].user
        )
        if self.instance is None:
            # A posting made through the API goes straight to review: it needs all a
            # submission needs (a way to apply, for one).
            job.status = JobStatus.PENDING
        data = {
            name: _form_value(attrs[name] if name in attrs else getattr(job, name))
            for name in JobForm.Meta.fields
        }
        form = JobForm(data=data, instance=job)
        if not form.is_valid():
            errors = {
                ("non_field_errors" if name == "__all__" else name): messages
                for name, messages in form.errors.items()
            }
            raise serializers.ValidationError(errors)
        self.form = form
        return attrs

    def to_representation(self, job: Job) -> dict:
        data = super().to_representation(job)
        data["review_note"] = getattr(job, "review_note", None)
        return data
