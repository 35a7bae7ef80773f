from urllib.parse import urlencode

from django import template

from alerts import searches
from alerts.forms import AlertForm
from jobs.filters import JobFilter

register = template.Library()


@register.inclusion_tag("alerts/includes/alert_form.html")
def alert_form(filterset: JobFilter | None = None, role=None, company=None) -> dict:
    """The "e-mail me new jobs" form: for the search on /jobs/ (its FilterSet, already
    validated by the page: no query), for one role's jobs (job, role and guide pages), or for
    one company's jobs (its company page)."""
    if filterset is not None:
        search, description = searches.canonical(filterset), searches.describe(filterset)
        heading = "E-mail me new jobs for this search"
    elif role is not None and role.is_public:
        search, description = urlencode({"role": role.slug}), f"{role.name} jobs"
        heading = f"E-mail me new {role.name} jobs"
    elif company is not None:
        search, description = urlencode({"company": company.slug}), f"Jobs at {company.name}"
        heading = "E-mail me new jobs at this company"
    else:
        return {"form": None}
    form = AlertForm(initial={"search": search}, auto_id="alert_%s")
    return {
        "form": form,
        "heading": heading,
        "description": description,
        "for_search": bool(filterset),
    }
