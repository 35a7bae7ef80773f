from functools import lru_cache
from urllib.parse import urlencode

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
    html = alert_form_html(heading, bool(filterset))
    return mark_safe(html.replace(SEARCH, escape(search)).replace(DESCRIPTION, escape(description)))


# The form carries no CSRF token (cached pages can hold it), and Django renders each field and
# radio button from a template of its own. It is rendered once for each heading, with stand-ins
# for the search and its description, which are put in (escaped) for each page.
SEARCH, DESCRIPTION = "alert-search-7f3a9c", "alert-description-7f3a9c"


@lru_cache(maxsize=256)
def alert_form_html(heading: str, for_search: bool) -> str:
    form = AlertForm(initial={"search": SEARCH}, auto_id="alert_%s")
    context = {
        "form": form,
        "heading": heading,
        "description": DESCRIPTION,
        "for_search": for_search,
    }
    return render_to_string("alerts/includes/alert_form.html", context)
