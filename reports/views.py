"""The report page of a public posting and its thank-you page.

The job page is served from the page cache to every visitor, so the form has a page of its own
(with its CSRF token) and the job page only links to it. Neither page is cached or indexed."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from core import ratelimit
from jobs.models import Job
from reports import services
from reports.forms import ReportForm
from reports.models import Report


def private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def report_job(request: HttpRequest, slug: str) -> HttpResponse:
    job = get_object_or_404(Job.objects.public().select_related("company"), slug=slug)
    if request.method != "POST":
        form = ReportForm(initial={"token": uuid.uuid4()})
        return private(render(request, "reports/report.html", {"job": job, "form": form}))
    form = ReportForm(request.POST)
    if not form.is_valid():
        return private(render(request, "reports/report.html", {"job": job, "form": form}))
    data = form.cleaned_data
    if Report.objects.filter(token=data["token"]).exists():  # sent twice: filed already
        return redirect("reports:thanks", slug=job.slug)
    if ratelimit.hit(ratelimit.REPORT, ratelimit.client_network(request)):
        return ratelimit.too_many(
            request,
            ratelimit.REPORT,
            heading="Too many reports",
            message="Many reports were sent from your network in a short time.",
            back_url=job.get_absolute_url(),
            back_label="Back to the job",
        )
    services.file_report(
        job,
        reason=data["reason"],
        details=data["details"],
        address=data["email"],
        token=data["token"],
    )
    return redirect("reports:thanks", slug=job.slug)


def thanks(request: HttpRequest, slug: str) -> HttpResponse:
    """The same page for a new report and one sent twice; it reads nothing from the database."""
    return private(render(request, "reports/thanks.html", {"slug": slug}))
