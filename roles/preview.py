"""The editors' preview of an unsaved form: the public page's template and context, rendered
from the record as the form would save it (inside a rolled-back transaction, core.dry_run)
and never stored by any cache."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from roles.models import Guide, Role
from roles.views import guide_page_context, role_page_context


def render_preview(request: HttpRequest, record: Guide | Role) -> HttpResponse:
    if isinstance(record, Guide):
        guide = Guide.objects.with_roles().get(pk=record.pk)
        context = guide_page_context(request, guide)
        template = "roles/guide_detail.html"
    else:
        role = Role.objects.with_other_roles().get(pk=record.pk)
        context = role_page_context(role)
        template = "roles/role_detail.html"
    response = render(request, template, {**context, "unsaved_preview": True})
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
