"""The one job card: what it says, and how many featured cards open /jobs/."""

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from jobs.choices import Workplace
from jobs.templatetags.job_tags import age
from tests.factories import make_company, make_job

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("days", "words"),
    [(0, "today"), (1, "yesterday"), (3, "3 days ago"), (13, "13 days ago"), (15, "2 weeks ago"),
     (59, "8 weeks ago"), (75, "2 months ago"), (400, "1 year ago"), (800, "2 years ago")],
)  # fmt: skip
def test_age_reads_in_days_weeks_and_months(days, words):
    assert age(timezone.now() - timedelta(days=days)) == words


def test_card_carries_workplace_badge_level_pay_and_age(client):
    make_job(title="Remote one", workplace=Workplace.REMOTE, remote_region="anywhere in the EU",
             posted_at=timezone.now() - timedelta(days=3))  # fmt: skip
    make_job(title="Hybrid one", workplace=Workplace.HYBRID, city="Lyon", country="FR")
    make_job(title="Office one", salary_min=None, salary_max=None)
    cards = _cards(client.get("/jobs/").text)
    remote, hybrid, office = cards["Remote one"], cards["Hybrid one"], cards["Office one"]
    assert "Anywhere in the EU" in remote and 'workplace-badge is-remote">Remote<' in remote
    assert "3 days ago" in remote and "Mid-level" in remote and "USD 60K – 80K" in remote
    assert "Lyon, FR" in hybrid and ">Hybrid<" in hybrid and "yesterday" in hybrid
    assert "workplace-badge" not in office and "salary" not in office


@override_settings(FEATURED_ON_JOB_LIST=3)
def test_jobs_page_opens_with_at_most_three_featured_cards(client):
    now = timezone.now()
    for n in range(5):
        make_job(title=f"Featured {n}", featured_until=now + timedelta(days=3),
                 posted_at=now - timedelta(days=n + 1))  # fmt: skip
    make_job(title="Fresh", posted_at=now - timedelta(hours=1))
    titles = list(_cards(client.get("/jobs/").text))
    # Three featured, then every other posting newest first: the other two featured among them.
    assert titles == ["Featured 0", "Featured 1", "Featured 2", "Fresh", "Featured 3", "Featured 4"]


@override_settings(FEATURED_ON_JOB_LIST=2, JOBS_PER_PAGE=2)
def test_pages_after_the_first_continue_without_repeats(client):
    now = timezone.now()
    for n in range(3):
        make_job(title=f"Featured {n}", featured_until=now + timedelta(days=3),
                 posted_at=now - timedelta(days=n + 1))  # fmt: skip
    make_job(title="Fresh", posted_at=now - timedelta(hours=1))
    seen = [t for page in (1, 2) for t in _cards(client.get(f"/jobs/?page={page}").text)]
    assert seen == ["Featured 0", "Featured 1", "Fresh", "Featured 2"]


def _cards(html: str) -> dict[str, str]:
    """Each card's markup by its title, in page order."""
    cards = re.findall(r'<li class="card job-card.*?</li>', html, re.S)
    return {re.search(r'<a href="/jobs/[^"]+/">([^<]+)</a>', card).group(1): card for card in cards}


def test_a_card_is_rendered_once_for_what_it_shows(client):
    from unittest import mock

    from jobs.templatetags import job_tags

    job = make_job(title="Kept card")
    job_tags._cards.clear()
    with mock.patch.object(job_tags, "_card", wraps=job_tags._card) as made:
        first = client.get("/jobs/").text
        client.get("/jobs/?workplace=onsite")  # the same card on another list
        assert made.call_count == 1
        # Anything the card shows makes a new card: a new company name, a new salary.
        job.company.name = "Renamed Company"
        job.company.save()
        assert "Renamed Company" in client.get("/jobs/?ordering=newest").text
        assert made.call_count == 2
    assert "Kept card" in first and "Renamed Company" not in first


def test_card_escapes_what_employers_wrote_and_marks_featured_and_verified(client):
    now = timezone.now()
    company = make_company(name="Ada & <Co>", verified_at=now, verified_how="moderator")
    make_job(title="<script>x</script> Engineer", company=company,
             featured_until=now + timedelta(days=3))  # fmt: skip
    html = client.get("/jobs/").text
    card = re.search(r'<li class="card job-card is-featured">.*?</li>', html, re.S).group(0)
    assert "<script>x" not in card and "&lt;script&gt;x&lt;/script&gt; Engineer" in card
    assert ">Ada &amp; &lt;Co&gt;</a>" in card and "Verified</span>" in card
    assert '<span class="badge">Featured</span></h3>' in card


def test_a_search_card_shows_the_marked_title_and_the_matching_words(client):
    make_job(title="Vector Search Engineer", description="We tune vector indexes every day.")
    html = client.get("/search/?q=vector").text
    card = re.search(r'<li class="card job-card">.*?</li>', html, re.S).group(0)
    assert "<mark>Vector</mark> Search Engineer</a>" in card
    assert '<p class="snippet">' in card and "<mark>vector</mark> indexes" in card


def test_every_text_a_card_shows_is_escaped_and_safe_text_kept():
    from django.utils.safestring import mark_safe

    from jobs.choices import Workplace
    from jobs.templatetags.job_tags import card_html

    job = make_job(
        title="Data <Lead>",
        workplace=Workplace.REMOTE,
        remote_region='Europe & "Africa"',
        company=make_company(name="O'Neil & Sons"),
    )
    card = card_html(job, "h2", snippet="a <b> & 'c'")
    assert '<h2 class="card-title">' in card and "Data &lt;Lead&gt;</a>" in card
    assert "Europe &amp; &quot;Africa&quot;" in card and ">O&#x27;Neil &amp; Sons</a>" in card
    assert '<p class="snippet">a &lt;b&gt; &amp; &#x27;c&#x27;</p>' in card
    assert '<span class="workplace-badge is-remote">Remote</span>' in card
    marked = card_html(job, "h3", marked_title=mark_safe("Data <mark>Lead</mark>"))
    assert "Data <mark>Lead</mark></a>" in marked and "Full Time" in marked
