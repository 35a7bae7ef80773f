"""Drafts and previews in the role and guide admin.

On a published record, "Save draft" keeps the changes apart (roles/drafts.py) while every
public page goes on showing the published record; the form then shows the draft, "Publish
changes" (or any Save) makes it live as one version, "Discard draft" drops it. "Preview" renders
the form as it stands, saved nothing, with the public page's own template.

Both save the form as usual inside a transaction that is rolled back (core.dry_run), so what is
kept or shown is exactly what a save would have made: inlines added and deleted, defaults,
Markdown rendered, reading time counted.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from core.admin_versions import RESTORING
from core.dry_run import dry_run
from roles import drafts
from roles.models import Guide, Role
from roles.preview import render_preview

# Set on the request while a form is saved only to be rolled back: say nothing of a save.
QUIET = "draft_dry_run"
SAVED = "draft_saved_record"


class DraftForm(forms.ModelForm):
    publish_changes_at = forms.SplitDateTimeField(
        label="Publish changes at",
        required=False,
        widget=AdminSplitDateTime,
        help_text=(
            "With “Save draft”: the draft is published by itself at this moment. "
            "Empty: it waits for “Publish changes”."
        ),
    )


class HasDraftFilter(admin.SimpleListFilter):
    title = "unpublished changes"
    parameter_name = "draft"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("yes", "Has a draft"), ("no", "No draft")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() in ("yes", "no"):
            return queryset.filter(has_draft=self.value() == "yes")
        return queryset


class DraftsAdmin(admin.ModelAdmin):
    """For the role and guide admins (before VersionedAdmin in their bases)."""

    change_form_template = "admin/roles/draft_change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        drafts_of = drafts.draft_model(self.model).objects.filter(
            **{self.model._meta.model_name: OuterRef("pk")}
        )
        return super().get_queryset(request).annotate(has_draft=Exists(drafts_of))

    @admin.display(description="unpublished changes", boolean=True, ordering="has_draft")
    def draft_column(self, record: Any) -> bool:
        return record.has_draft

    @admin.action(description="Publish the drafts of selected", permissions=["change"])
    def publish_drafts(self, request: HttpRequest, queryset: QuerySet) -> None:
        published = 0
        for record in queryset.filter(has_draft=True):
            draft = drafts.draft_of(record)
            if draft is not None:
                saved = drafts.publish_draft(draft, request.user)
                admin.ModelAdmin.log_change(self, request, saved, "Published the draft.")
                published += 1
        self.message_user(request, f"Published {published} draft(s).", messages.SUCCESS)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and drafts.may_have_draft(obj):
            fieldsets.append(("Draft", {"fields": ["publish_changes_at"]}))
        return fieldsets

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):
        form = super().get_form(request, obj, change, **kwargs)
        draft = drafts.draft_of(obj) if obj is not None else None
        if "publish_changes_at" in form.base_fields:
            form.base_fields["publish_changes_at"].initial = draft.publish_at if draft else None
        return form

    def message_user(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        if not getattr(request, QUIET, False):
            super().message_user(request, *args, **kwargs)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        setattr(request, SAVED, form.instance)

    def draft_context(self, request: HttpRequest, record: Any) -> dict[str, Any]:
        """What the form says about drafts and where the record shows."""
        return {
            "draft": drafts.draft_of(record) if record is not None else None,
            "can_save_draft": record is not None and drafts.may_have_draft(record),
            "shown_on": self.shown_on(record),
        }

    def shown_on(self, record: Any) -> list:
        """Published pages other than its own that a change of this record shows on."""
        return []

    # django-reversion opens its revision around the whole add and change views; here it is
    # opened around each save of the form instead, so that a save rolled back (a draft, a
    # preview) leaves no version behind.
    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None):
        return admin.ModelAdmin.add_view(self, request, form_url, extra_context)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        return admin.ModelAdmin.change_view(self, request, object_id, form_url, extra_context)

    def form_view(
        self, request: HttpRequest, object_id: str | None, form_url: str, context: Any
    ) -> HttpResponse:
        with self.create_revision(request):  # type: ignore[attr-defined]
            return super().changeform_view(request, object_id, form_url, context)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: Any = None,
    ) -> HttpResponse:
        if getattr(request, RESTORING, False):  # a restore runs its own form
            return super().changeform_view(request, object_id, form_url, extra_context)
        record = self.get_object(request, unquote(object_id)) if object_id else None
        if object_id and record is None:
            return self.form_view(request, object_id, form_url, extra_context)
        context = {**(extra_context or {}), **self.draft_context(request, record)}
        draft = context["draft"]
        post = request.POST if request.method == "POST" else {}
        if "_discard_draft" in post:
            return self.discard_draft(request, record, draft)
        if "_preview" in post:
            return self.preview(request, object_id, form_url, context)
        if "_save_draft" in post and context["can_save_draft"]:
            return self.save_draft(request, record, object_id, form_url, context)
        if draft is None:
            return self.form_view(request, object_id, form_url, context)
        if request.method != "POST":
            with dry_run():  # the form shows the draft
                drafts.apply(draft)
                return self.rendered(self.form_view(request, object_id, form_url, context))
        return self.publish_with_form(request, draft, object_id, form_url, context)

    @staticmethod
    def rendered(response: HttpResponse) -> HttpResponse:
        """Rendered now, while the rolled-back writes are still visible to its queries."""
        if isinstance(response, TemplateResponse):
            response.render()
        return response

    def publish_with_form(
        self, request: HttpRequest, draft: Any, object_id: Any, form_url: str, context: dict
    ) -> HttpResponse:
        # The form was shown over the draft: saving it publishes the draft with the form's
        # edits, as one version, even when the form itself is unchanged.
        with transaction.atomic():
            drafts.apply(draft)
            setattr(request, RESTORING, True)
            response = self.form_view(request, object_id, form_url, context)
            if isinstance(response, HttpResponseRedirect):
                draft.delete()
                return response
            transaction.set_rollback(True)
            return self.rendered(response)

    def save_draft(
        self, request: HttpRequest, record: Any, object_id: Any, form_url: str, context: dict
    ) -> HttpResponse:
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        published = drafts.snapshot(record)
        setattr(request, QUIET, True)
        with dry_run():
            if context["draft"] is not None:
                drafts.apply(context["draft"])
            response = self.form_view(request, object_id, form_url, context)
            if not isinstance(response, HttpResponseRedirect):
                return self.rendered(response)  # the form with its errors
            saved = getattr(request, SAVED)
            data = drafts.snapshot(type(record).objects.get(pk=saved.pk))
            publish_at = getattr(saved, "_publish_changes_at", None)
        setattr(request, QUIET, False)
        if drafts.same_content(data, published):
            if context["draft"] is not None:
                context["draft"].delete()
            self.message_user(
                request, "Nothing differs from the published version: no draft kept.", messages.INFO
            )
        else:
            drafts.save_draft(record, data, request.user, publish_at)
            when = f" It will be published at {publish_at:%Y-%m-%d %H:%M}." if publish_at else ""
            self.message_user(
                request,
                f"Draft saved. The public pages still show the published version.{when}",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        obj._publish_changes_at = form.cleaned_data.get("publish_changes_at")
        super().save_model(request, obj, form, change)

    def discard_draft(self, request: HttpRequest, record: Any, draft: Any) -> HttpResponse:
        if record is None or not self.has_change_permission(request, record):
            raise PermissionDenied
        if draft is not None:
            draft.delete()
            self.message_user(request, "Draft discarded.", messages.SUCCESS)
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(record.pk)])
        )

    def preview(
        self, request: HttpRequest, object_id: str | None, form_url: str, context: dict
    ) -> HttpResponse:
        """The public page of the form as it stands; nothing saved, nothing cached."""
        setattr(request, QUIET, True)
        with dry_run():
            if context.get("draft") is not None:
                drafts.apply(context["draft"])
            response = self.form_view(request, object_id, form_url, context)
            if not isinstance(response, HttpResponseRedirect):
                return self.rendered(response)  # the form with its errors
            saved = getattr(request, SAVED)
            return render_preview(request, type(saved).objects.get(pk=saved.pk))


def guides_using(role: Role) -> list[Guide]:
    return list(Guide.objects.published().for_role(role).order_by("title"))
