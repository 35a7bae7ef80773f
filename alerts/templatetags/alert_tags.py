from functools import lru_cache
from urllib.parse import urlencode

from django import template
from django.template.loader import render_to_string

from alerts import searches
from alerts.forms import AlertForm
from jobs.filters import JobFilter

register = template.Library()


@register.simple_tag
def alert_form(filterset: JobFilter | None = None, role=None, company=None) -> str:
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
        return ""
    return alert_form_html(search, heading, description, bool(filterset))


# The form is the same for every page showing the same search (it carries no CSRF token, so
# cached pages can hold it), and Django renders each field and radio button from a template of
# its own: kept once rendered, it costs a job page nothing.
@lru_cache(maxsize=2048)
def alert_form_html(search: str, heading: str, description: str, for_search: bool) -> str:
    form = AlertForm(initial={"search": search}, auto_id="alert_%s")
    context = {
        "form": form,
        "heading": heading,
        "description": description,
        "for_search": for_search,
    }
    return render_to_string("alerts/includes/alert_form.html", context)
