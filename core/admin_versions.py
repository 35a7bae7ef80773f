"""Versions in the admin: every change an editor saves is a version (who, when, what); the
history page compares any two and restores one, which saves it again as the newest version, so
history is never rewritten. A save that changes nothing makes no version and touches nothing.

Built on django-reversion's VersionAdmin (its restore form runs the ordinary change form over
the old version, so validation, inlines and page-cache retirement work as on any save)."""

from collections.abc import Iterable
from typing import Any

import reversion
from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.forms import BaseForm, BaseFormSet, Form, ModelForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.version_diff import compare

# Set on the request while a restore runs: its form matches the old version, so "unchanged"
# means "as restored" and must still be saved.
RESTORING = "restoring_version"


# Also named as a ModelAdmin: reversion is untyped, and the type checker should know the rest.
class VersionedAdmin(VersionAdmin, admin.ModelAdmin):
    object_history_template = "admin/versions/object_history.html"
    history_latest_first = True

    def get_urls(self) -> list:
        opts = self.model._meta
        compare_url = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare_url, *super().get_urls()]

    # Saving: nothing written, logged or versioned unless something changed.

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: Any) -> None:
        if not change:
            super().save_model(request, obj, form, change)
        # An edit is saved in save_related(), once the inlines say whether they changed.

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list[BaseFormSet], change: bool
    ) -> None:
        if change:
            if not self.form_changed(request, form, formsets):
                return
            super().save_model(request, form.instance, form, change)
        super().save_related(request, form, formsets, change)
        self.after_save(request, form, change)

    def form_changed(
        self, request: HttpRequest, form: BaseForm, formsets: Iterable[BaseFormSet]
    ) -> bool:
        return (
            getattr(request, RESTORING, False)
            or form.has_changed()
            or any(formset.has_changed() for formset in formsets)
        )

    def after_save(self, request: HttpRequest, form: ModelForm, change: bool) -> None:
        """Work that follows a save that changed something (the inlines saved too)."""

    def construct_change_message(
        self, request: HttpRequest, form: Form, formsets: Iterable[BaseFormSet], add: bool = False
    ) -> list[dict[str, dict[str, list[str]]]]:
        if not add and not self.form_changed(request, form, formsets):
            return []  # nothing was saved (and the inlines hold no saved objects to list)
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request: HttpRequest, obj: Model, message: Any) -> Any:
        if not message and not getattr(request, RESTORING, False):
            return None  # "No fields changed": nothing happened, nothing to log
        return super().log_change(request, obj, message)

    def save_version(self, request: HttpRequest, obj: Model, comment: str) -> None:
        """Save `obj` as its own version (a list action runs one per row: restoring one row's
        version must not bring back another's), and log it like a change."""
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            obj.save()
        admin.ModelAdmin.log_change(self, request, obj, comment)

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        # Not VersionAdmin's, which would put every row of a list action into one version.
        return admin.ModelAdmin.changelist_view(self, request, extra_context)

    # History, comparison, restore.

    def revision_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        setattr(request, RESTORING, True)
        context = {"title": "Restore this version", **(extra_context or {})}
        return super().revision_view(request, object_id, version_id, context)

    def _versions(self, object_id: str) -> Any:
        return (
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
        )

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        obj = get_object_or_404(self.model, pk=object_id)
        opts = self.model._meta
        can_restore = self.has_change_permission(request, obj)
        versions = list(self._versions(object_id)[:200])
        for version in versions:
            version.restore_url = (
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_revision",
                    args=[quote(object_id), version.pk],
                )
                if can_restore
                else ""
            )
        context = {
            **self.admin_site.each_context(request),
            "title": f"History: {obj}",
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "versions": versions,
            "compare_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_compare", args=[quote(object_id)]
            ),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The changes between two versions (`?old=…&new=…`; the two latest by default)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        obj = get_object_or_404(self.model, pk=object_id)
        versions = self._versions(object_id)
        chosen = [request.GET.get("old", ""), request.GET.get("new", "")]
        if all(v.isdigit() for v in chosen):
            found = {v.pk: v for v in versions.filter(pk__in=[int(v) for v in chosen])}
            picked = [found.get(int(v)) for v in chosen]
        else:
            latest = list(versions[:2])
            picked = [latest[-1], latest[0]] if latest else [None, None]
        old, new = picked
        if old is None or new is None:
            raise Http404("Choose two versions of this record.")
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": f"Changes to {obj}",
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "old": old,
            "new": new,
            "changes": compare(old, new),
            "history_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_history", args=[quote(object_id)]
            ),
            "restore_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_revision",
                args=[quote(object_id), old.pk],
            )
            if self.has_change_permission(request, obj)
            else "",
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/versions/compare.html", context)
