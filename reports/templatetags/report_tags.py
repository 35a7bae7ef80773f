from django import template

from reports.models import ReportedPosting

register = template.Library()


@register.inclusion_tag("admin/reports/includes/postings_reported.html")
def postings_reported() -> dict:
    """The admin index's line "N postings reported", linking to the desk: one count query."""
    return {"count": ReportedPosting.with_open_reports().count()}
