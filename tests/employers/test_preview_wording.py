"""A posting not yet on the site is previewed as such, never as "Posted"."""

import pytest
from django.urls import reverse

from tests.factories import make_job

from .helpers import client_for, make_draft, make_employer

pytestmark = pytest.mark.django_db


def meta_line(html: str) -> str:
    header = html.split('<header class="job-header">', 1)[1].split("</header>", 1)[0]
    return header.split('<p class="meta">', 1)[1].split("</p>", 1)[0]


def test_a_drafts_preview_says_it_is_not_yet_published():
    employer = make_employer()
    draft = make_draft(employer.company, title="The draft")
    html = client_for(employer.user).get(reverse("employers:preview", args=[draft.pk])).text
    assert meta_line(html) == "Preview — not yet published"
    assert "Posted" not in html.split('<header class="job-header">', 1)[1].split("</header>")[0]


def test_a_published_posting_still_says_when_it_was_posted():
    employer = make_employer()
    job = make_job(company=employer.company)
    html = client_for(employer.user).get(reverse("employers:preview", args=[job.pk])).text
    assert meta_line(html).startswith("Posted <time")
    assert "Apply by" in meta_line(html)
