import html

from django import template
from django.utils.safestring import SafeString, mark_safe

from core import page_tags
from core.page_cache import cached_fragment
from jobs.models import Job
from roles.models import Role
from salaries.charts import position_bar
from salaries.figures import Comparison, Figures, PostingTitles, TitleCuts
from salaries.models import SalaryTitle
from salaries.templatetags.salary_tags import in_country, usd, usd_short

register = template.Library()


@register.simple_tag
def salary_position(job: Job, role=None) -> SafeString:
    """Where a posting's pay sits in its title's distribution: the title its own title matches,
    else its role's; in its country at its level when enough records allow, else broader.
    Empty when the posting states no pay or no title has enough records."""
    yearly = job.pay.yearly_usd()
    if yearly is None:
        return mark_safe("")
    found = title_figures(job.title, role, job.experience_level, job.country.code)
    if found is None:
        return mark_safe("")
    figures, title, level, country = found
    converted = job.salary_currency != "USD" or job.salary_period != "year"
    return position_card(Comparison(figures, title, level, country, *yearly), converted)


# The card is written here rather than in a template: every job page with a salary shows it,
# each with values of its own, and the template engine took about a tenth of a job page's first
# view to look up, filter and escape its thirty values.
POSITION = """
<section class="aside-card salary-position" aria-labelledby="pay-compare-h">
  <h2 id="pay-compare-h">How the pay compares</h2>
  <p>This job pays {pays} a year{converted}: <strong>{verdict}</strong> for {level}{title} \
{where} ({p50}).</p>
  <svg class="position-bar" viewBox="0 0 {width} {height}" role="img" \
aria-labelledby="pay-bar-title">
    <title id="pay-bar-title">The middle half of {title} salaries runs from {p25} to {p75}, \
with the median at {p50}; this job's range is {low} to {high}.</title>
    <rect class="dist-outer" x="{x10}" y="14" width="{w90}" height="8" rx="4"/>
    <rect class="dist-inner" x="{x25}" y="12" width="{w75}" height="12" rx="4"/>
    <line class="dist-median" x1="{x50}" x2="{x50}" y1="8" y2="28"/>
    <rect class="job-range" x="{job_x}" y="32" width="{job_w}" height="7" rx="3.5"/>
  </svg>
  <p class="chart-key small"><span class="key-box" aria-hidden="true"></span> middle half \
<span class="key-median" aria-hidden="true"></span> median \
<span class="key-job" aria-hidden="true"></span> this job</p>
  <p class="muted small">{count} records: {sources}. <a href="{url}">{title} salaries</a></p>
</section>
"""
VERDICTS = {"above": "above the median", "below": "below the median"}


def position_card(comparison: Comparison, converted: bool) -> SafeString:
    """The "How the pay compares" card: the sentence, the strip (`position_bar`), the source."""
    figures, title = comparison.figures, comparison.title
    low, high = comparison.low, comparison.high
    pays = usd_short(low) if high == low else f"{usd_short(low)}–{usd_short(high)}"
    country = comparison.country
    url = title.get_absolute_url() + (f"?country={country}" if country else "")
    bar = position_bar(figures, low, high)
    return mark_safe(
        POSITION.format(
            pays=_escaped(pays),
            converted=" (in U.S. dollars, per year)" if converted else "",
            verdict=VERDICTS.get(comparison.verdict, "around the median"),
            level=_escaped(f"{comparison.level} ") if comparison.level else "",
            title=_escaped(title.name),
            where=_escaped(in_country(country)),
            p25=_escaped(usd(figures.p25)),
            p50=_escaped(usd(figures.p50)),
            p75=_escaped(usd(figures.p75)),
            low=_escaped(usd(low)),
            high=_escaped(usd(high)),
            count=f"{figures.count:,}",
            sources=_escaped(figures.sources),
            url=_escaped(url),
            **{name: _escaped(value) for name, value in bar.items()},
        )
    )


def _escaped(value) -> str:
    return html.escape(str(value))


def title_figures(
    raw_title: str, role: Role | None, level: str, country: str
) -> tuple[Figures, SalaryTitle, str, str] | None:
    """(figures, title, level label, country) a posting is compared with, from two fragments
    every job page shares: the titles a posting's title is matched against, and the matched
    title's figures by country and level. Postings' titles are nearly all different, so a
    fragment per posting title would mostly be missed and written."""
    titles = cached_fragment(
        "posting-titles", (), (page_tags.SALARIES, page_tags.ROLES), PostingTitles.load
    )
    title = titles.match(raw_title, role)
    if title is None:
        return None
    cuts = cached_fragment(
        "title-cuts", (title.pk,), (page_tags.SALARIES,), lambda: TitleCuts.load(title)
    )
    found = cuts.most_specific(level, country)
    if found is None:
        return None
    figures, level_label, where = found
    return figures, title, level_label, where
