"""The employers' API: their own postings, validated by the same form as the dashboard's."""

from django.db import models
from rest_framework import serializers

from api.fields import PageUrlField
from employers.forms import DESCRIPTION_MAX_CHARS, JobForm
from jobs.choices import JobStatus
from jobs.models import Job
from jobs.selectors import postable_roles


def _form_value(value):
    if value is None:
        return ""
    if isinstance(value, models.Model):  # the role
        return value.pk
    if hasattr(value, "code"):  # a django-countries Country
        return value.code or ""
    return value


class EmployerJobSerializer(serializers.ModelSerializer):
    """A posting of the caller's company, as its dashboard shows it, with the fields to edit."""

    url = PageUrlField(help_text="Its public page, which shows it once a moderator approves it.")
    role = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=postable_roles(),
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
    revision = serializers.IntegerField(
        read_only=True,
        help_text="The version of the content: one more with every edit. Moderators approve a "
        "version; an edit while the posting waits for review is a new version, reviewed anew.",
    )

    class Meta:
        model = Job
        fields = [
            "id",
            "slug",
            "url",
            "status",
            "revision",
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
            "revision",
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
            # Django's ErrorLists, read by DRF as lists of messages; the stubs want plainer.
            raise serializers.ValidationError(errors)  # type: ignore[arg-type]
        self.form = form
        return attrs

    def to_representation(self, job: Job) -> dict:
        data = super().to_representation(job)
        data["review_note"] = getattr(job, "review_note", None)
        return data
