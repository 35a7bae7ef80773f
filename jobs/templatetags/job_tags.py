import html
from collections.abc import Callable

from django import template
from django.forms import BoundField, ModelChoiceField
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import page_tags
from core.page_cache import cached_fragment
from core.templatetags.site_tags import iso
from jobs import selectors
from jobs.choices import EMPLOYMENT_TYPE_LABELS, WORKPLACE_LABELS

register = template.Library()

FEATURED_JOBS = 5
ROLE_PAGE_JOBS = 10
ROLE_COUNT_UP_TO = 1000


@register.simple_tag
def role_job_cards(roles=()):
    """Job cards for a guide's roles (`jobs/includes/featured_jobs.html` shows them): their
    featured jobs, then their other jobs; one query, shared by the page's two places."""
    return selectors.job_cards_for_roles(roles, FEATURED_JOBS)


@register.inclusion_tag("jobs/includes/role_jobs.html")
def role_jobs(role):
    """A role page's open jobs, featured first, with the total for the link to all of them,
    counted up to ROLE_COUNT_UP_TO ("1,000+" past it, as /jobs/ says for a search)."""
    openings = selectors.role_openings(role, limit=ROLE_PAGE_JOBS, count_up_to=ROLE_COUNT_UP_TO)
    return {
        "role": role,
        "jobs": openings.jobs,
        "job_count": openings.count,
        "job_count_label": openings.count_label,
    }


@register.filter
def age(moment) -> str:
    """How long ago a posting went up, in the words a reader scans: “today”, “yesterday”,
    “3 days ago”, “2 weeks ago”, “4 months ago” (by calendar day in the site's time zone)."""
    if not moment:
        return ""
    days = (timezone.localdate() - timezone.localtime(moment).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{days // 30} months ago"
    years = days // 365
    return f"{years} year{'s' if years > 1 else ''} ago"


class Rendered:
    """HTML kept once rendered, by a key of everything it shows. Emptied when full, so that
    made-up values cannot grow it without bound."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._html: dict[tuple, str] = {}

    def get(self, key: tuple, render: Callable[[], str]) -> str:
        html = self._html.get(key)
        if html is None:
            if len(self._html) >= self.limit:
                self._html.clear()
            html = self._html[key] = mark_safe(render())
        return html

    def clear(self) -> None:
        self._html.clear()


# The search form's choice fields, rendered the way Django renders them, kept once rendered:
# Django draws each option from a template of its own (the role list alone is 50), which was
# a fifth of a filtered list's first render. Kept per field, value and error, since those are
# all that change what a field shows.
_fields = Rendered(limit=4096)


@register.filter
def search_widget(field: BoundField) -> str:
    """A text box, a select of fixed choices ("Posted"), or the role select (whose choices are
    the published roles, kept until a role changes, core.page_cache)."""
    parts = _parts(field)
    if isinstance(field.field, ModelChoiceField):
        tags = (page_tags.ROLES,)
        return mark_safe(cached_fragment("search-widget", parts, tags, lambda: str(field)))
    return _fields.get(("widget", *parts), lambda: str(field))


@register.filter
def search_checks(field: BoundField) -> str:
    """A group of checkboxes of fixed choices (workplace, type, level), each in its label."""

    def render() -> str:
        return "".join(
            format_html('<label class="check">{} {}</label>', option.tag(), option.choice_label)
            for option in field
        )

    return _fields.get(("checks", *_parts(field)), render)


def _parts(field: BoundField) -> tuple:
    return (field.html_name, field.auto_id, repr(field.value()), tuple(field.errors))


# A job page's card about its role (its profile, guides and salary page) with the role's alert
# form is the same on every posting of the role: rendered once for everything it shows.
_role_asides = Rendered(limit=512)


@register.simple_tag
def role_aside(role, guides, alert: bool = False) -> str:
    """The role's card for a job page, and its alert form when `alert` (a public posting)."""
    key = (
        role.pk,
        role.get_absolute_url(),
        role.name,
        role.slug,
        role.summary,
        tuple(role.salary_titles[:1]),
        tuple((guide.get_absolute_url(), guide.title) for guide in guides),
        bool(alert),
    )
    context = {"role": role, "guides": guides, "alert": alert}
    return _role_asides.get(key, lambda: render_to_string("jobs/includes/role_aside.html", context))


# A posting's card is the same on every list it is on (the home page, /jobs/ searches, role,
# company and job pages): rendered once for what it shows, then kept. The key is every value the
# card shows, so a change to any of them makes a new card and a stale one is never served.
_cards = Rendered(limit=5000)


@register.simple_tag(takes_context=True)
def job_card(context) -> str:
    """The card for `job` (`card_html`), with the `heading` level and a
    search's `marked_title` and `snippet` when the context has them."""
    heading = context.get("heading") or "h3"
    return kept_card(context["job"], heading, context.get("marked_title"), context.get("snippet"))


@register.simple_tag
def job_cards(jobs, heading: str = "h3") -> str:
    """The cards of a list of postings, one after another: a loop over an `{% include %}` of
    the card set up a template context for each card, more than the card itself costs once
    kept."""
    return mark_safe("".join(kept_card(job, heading) for job in jobs))


def kept_card(job, heading: str, marked_title=None, snippet=None) -> str:
    """`card_html`, kept for everything it shows."""
    shown = _shown(job)
    key = (*shown, heading, str(marked_title or ""), str(snippet or ""))
    return _cards.get(key, lambda: _card(job, shown, heading, marked_title, snippet))


def _shown(job) -> tuple:
    """Every value of a posting and its company that its card shows."""
    return (
        job.pk,
        job.slug,
        job.title,
        job.is_featured,
        job.workplace,
        job.employment_type,
        job.card_place,
        job.level_label,
        job.has_salary and job.salary_label,
        job.posted_at,
        age(job.posted_at),
        _company_shown(job.company),
    )


def _company_shown(company) -> tuple:
    """Every value of a company that its part of a card shows."""
    return (
        company.pk,
        company.slug,
        company.name,
        company.logo_id,
        company.verified_at,
        company.verified_how,
        company.website,
    )


# A company's part of a card (its mark, its address, its verified badge), kept for what it
# shows: a list's twenty cards are mostly new to a process, their companies mostly not (two
# templates a card, about half of a new card's cost).
_company_parts: dict[tuple, tuple[str, str, str]] = {}
COMPANY_PARTS_KEPT = 5000


def company_part(company) -> tuple[str, str, str]:
    """(mark, address, verified badge) of a company's part of a card."""
    key = _company_shown(company)
    part = _company_parts.get(key)
    if part is None:
        if len(_company_parts) >= COMPANY_PARTS_KEPT:
            _company_parts.clear()
        mark = render_to_string(
            "jobs/includes/company_mark.html", {"company": company, "size": 40, "lazy": True}
        )
        verified = render_to_string("jobs/includes/verified_badge.html", {"company": company})
        part = _company_parts[key] = (mark, company.get_absolute_url(), verified)
    return part


# The card's markup is written here rather than in a template: a list shows twenty cards, each
# new to the process on a first view, and Django's template engine took about 0.4 ms a card for
# looking up and escaping values (a third of a filtered list's render); this takes a tenth of
# that. The logo and the verified badge are the templates other pages use too.
CARD = """<li class="card job-card{featured_class}">
  {mark}
  <div class="job-card-main">
    <{tag} class="card-title"><a href="{url}">{title}</a>{featured_badge}</{tag}>
    <p class="job-where"><a class="company-name" href="{company_url}">{company}</a>{verified} \
<span class="sep" aria-hidden="true">·</span> {place}{workplace}
      <span class="job-facts"><span class="sep" aria-hidden="true">·</span> {employment_type} \
<span class="sep" aria-hidden="true">·</span> {level}</span></p>
    {snippet}
  </div>
  <p class="job-side">{salary}<time class="job-age" datetime="{posted_iso}">{age}</time></p>
</li>
"""
WORKPLACE = ' <span class="workplace-badge is-{}">{}</span>'


def card_html(job, heading: str, marked_title=None, snippet=None) -> str:
    """One posting's card, for every list of postings (marked_title and snippet: a search's
    highlighted title and the words it matched)."""
    return _card(job, _shown(job), heading, marked_title, snippet)


def _card(job, shown: tuple, heading: str, marked_title, snippet) -> str:
    """The card from the values `_shown` read. Each value is escaped here as format_html
    escapes it (html.escape, or as is when marked safe), without its per-value overhead: a
    new card took 0.07 ms, and most of a first view's twenty are new to the process."""
    _, _, title, featured, workplace, kind, place, level, salary, posted_at, posted_age, _ = shown
    mark, company_url, verified = company_part(job.company)
    workplace_label = WORKPLACE_LABELS.get(workplace, workplace)
    return mark_safe(
        CARD.format(
            featured_class=" is-featured" if featured else "",
            mark=mark,
            tag=_escaped(heading),
            url=_escaped(job.get_absolute_url()),
            title=_escaped(marked_title or title),
            featured_badge=' <span class="badge">Featured</span>' if featured else "",
            company_url=_escaped(company_url),
            company=_escaped(job.company.name),
            verified=verified,
            place=_escaped(place),
            workplace=(
                WORKPLACE.format(_escaped(workplace), _escaped(workplace_label))
                if workplace != "onsite"
                else ""
            ),
            employment_type=_escaped(EMPLOYMENT_TYPE_LABELS.get(kind, kind)),
            level=_escaped(level),
            snippet=f'<p class="snippet">{_escaped(snippet)}</p>' if snippet else "",
            salary=f'<span class="salary">{_escaped(salary)}</span> ' if salary else "",
            posted_iso=_escaped(iso(posted_at)),
            age=_escaped(posted_age),
        )
    )


def _escaped(value) -> str:
    """conditional_escape without its wrappers: HTML marked safe as is, anything else escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))
