"""A form sent twice (a double click, a resent request) answers with the first one's result,
never a 500 and never a second copy: the new-posting form and the duplicate action. (Sign-up and
API tokens: test_sign_up_safety.py and test_token_lifetime.py.)"""

from unittest import mock

import pytest
from django.urls import reverse

from jobs.models import Job, StatusChange
from tests.factories import make_job

from .helpers import NEW_URL, action_url, client_for, job_data, make_employer, messages_of

pytestmark = pytest.mark.django_db


def test_the_new_posting_form_sent_twice_saves_one_draft():
    employer = make_employer()
    client = client_for(employer.user)
    first = client.post(NEW_URL, job_data())
    second = client.post(NEW_URL, job_data(), follow=True)
    job = Job.objects.get()
    assert first["Location"] == reverse("employers:preview", args=[job.pk])
    assert second.redirect_chain[0] == (first["Location"], 302)
    assert "was already saved a moment ago" in " ".join(messages_of(second))
    assert StatusChange.objects.filter(job=job).count() == 1
    # A different posting is saved as usual.
    client.post(NEW_URL, job_data(title="Data Engineer"))
    assert Job.objects.count() == 2


def test_duplicate_pressed_twice_makes_one_copy():
    employer = make_employer()
    original = make_job(company=employer.company, title="Original")
    client = client_for(employer.user)
    first = client.post(action_url(original, "duplicate"))
    second = client.post(action_url(original, "duplicate"))
    copy = Job.objects.exclude(pk=original.pk).get()
    assert first["Location"] == second["Location"] == reverse("employers:edit", args=[copy.pk])
    # Once the copy is edited, another duplicate is a new copy.
    Job.objects.filter(pk=copy.pk).update(city="Lisbon")
    client.post(action_url(original, "duplicate"))
    assert Job.objects.count() == 3


@pytest.mark.parametrize("path", ["new", "duplicate"])
def test_two_inserts_picking_one_slug_at_once_do_not_fail(path):
    """Both requests chose the same free slug before either inserted: the unique slug refuses
    the second insert, which picks the next free slug and answers as usual."""
    employer = make_employer()
    original = make_job(company=employer.company, title="Machine Learning Engineer")
    client = client_for(employer.user)
    real = Job.unique_slug
    picks = []

    def racing_slug(job):
        picks.append(job)
        return original.slug if len(picks) == 1 else real(job)

    with mock.patch.object(Job, "unique_slug", racing_slug):
        if path == "new":
            response = client.post(NEW_URL, job_data(save_draft="1"))
        else:
            response = client.post(action_url(original, "duplicate"))

    assert response.status_code == 302
    assert len(picks) == 2
    new = Job.objects.exclude(pk=original.pk).get()
    assert new.slug != original.slug
