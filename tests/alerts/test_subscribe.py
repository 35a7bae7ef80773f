"""Saving a search: the form on the pages, double opt-in, the same answer for every address, the
caps and limits."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from alerts import services
from alerts.models import Alert, Subscriber
from tests.factories import make_guide, make_job, make_role

from .helpers import CREATE_URL, SITE, link_to, make_alert

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def save(client, capture, email="grace@hopper.example", search="", frequency="daily", **extra):
    mail.outbox.clear()
    data = {"email": email, "frequency": frequency, "search": search, **extra}
    with capture(execute=True):
        response = client.post(CREATE_URL, data)
    return response


def test_the_form_is_on_the_job_search_job_role_and_guide_pages(client):
    role = make_role(name="Deep Learning Engineer", slug="deep-learning-engineer")
    job = make_job(role=role)
    guide = make_guide(first_role=role)
    page = client.get(reverse("jobs:list"), {"role": role.slug, "workplace": "remote", "page": 1})
    html = page.content.decode()
    assert "E-mail me new jobs for this search" in html
    assert f'action="{CREATE_URL}"' in html
    assert 'value="role=deep-learning-engineer&amp;workplace=remote"' in html
    assert "Deep Learning Engineer jobs, remote" in html
    for url in (job.get_absolute_url(), role.get_absolute_url(), guide.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "E-mail me new Deep Learning Engineer jobs" in html, url
        assert 'value="role=deep-learning-engineer"' in html, url


def test_the_pages_with_the_form_stay_cached(client, django_assert_num_queries):
    role = make_role()
    make_job(role=role)
    for url in (reverse("jobs:list"), role.get_absolute_url()):
        client.get(url)
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 200


def test_saving_sends_only_a_confirmation_until_confirmed(
    client, django_capture_on_commit_callbacks
):
    role = make_role(name="Data Engineer")
    response = save(
        client,
        django_capture_on_commit_callbacks,
        email="  Grace@Hopper.EXAMPLE ",
        search=f"role={role.slug}&workplace=remote&posted_within=7&ordering=salary&bogus=1",
    )
    assert response.status_code == 302 and response["Location"] == reverse("alerts:sent")
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    [message] = mail.outbox
    assert message.to == ["Grace@hopper.example"]
    assert message.subject == "Confirm your job alert: Data Engineer jobs, remote"
    alert = Alert.objects.get()
    assert alert.query == f"role={role.slug}&workplace=remote"
    assert alert.confirmed_at is None and alert.subscriber.confirmed_at is None

    path = link_to(message, "confirm")
    page = client.get(path)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200 and "Confirm the alert" in page.content.decode()
    assert "G***@hopper.example" in page.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is None

    page = client.post(path)
    assert "Your alert is on" in page.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at and alert.covered_until == alert.confirmed_at
    assert alert.subscriber.confirmed_at


def test_a_confirmed_address_confirms_each_new_alert(client, django_capture_on_commit_callbacks):
    make_alert("workplace=remote")
    save(client, django_capture_on_commit_callbacks, search="workplace=hybrid")
    [message] = mail.outbox
    assert message.subject.startswith("Confirm your job alert")
    assert Alert.objects.get(query="workplace=hybrid").confirmed_at is None


def test_the_answer_is_the_same_for_any_address(client, django_capture_on_commit_callbacks):
    make_alert("workplace=remote")
    known = save(client, django_capture_on_commit_callbacks, search="workplace=remote")
    [note] = mail.outbox
    assert note.subject == "You already have this job alert"
    assert link_to(note, "manage")
    new = save(client, django_capture_on_commit_callbacks, email="new@example.com")
    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert Alert.objects.filter(query="workplace=remote").count() == 1


def test_saving_the_same_search_again_resends_an_unconfirmed_link(
    client, django_capture_on_commit_callbacks
):
    save(client, django_capture_on_commit_callbacks, search="q=pytorch")
    save(client, django_capture_on_commit_callbacks, search="q=pytorch", frequency="weekly")
    [message] = mail.outbox
    assert message.subject.startswith("Confirm your job alert")
    assert Alert.objects.count() == 1


def test_at_most_twenty_alerts_per_address(client, django_capture_on_commit_callbacks):
    for n in range(services.MAX_ALERTS):
        make_alert(f"q=word{n}")
    save(client, django_capture_on_commit_callbacks, search="q=one-more")
    [message] = mail.outbox
    assert message.subject == "You have 20 job alerts already"
    assert "no alert was added" in message.body
    assert Alert.objects.count() == services.MAX_ALERTS


def test_saving_is_rate_limited_per_address_and_per_network(
    client, django_capture_on_commit_callbacks
):
    for n in range(5):
        ok = save(client, django_capture_on_commit_callbacks, search=f"q=w{n}")
        assert ok.status_code == 302
    refused = save(client, django_capture_on_commit_callbacks, search="q=again")
    assert refused.status_code == 429 and mail.outbox == []
    for n in range(14):
        save(client, django_capture_on_commit_callbacks, email=f"other{n}@example.com")
    refused = save(client, django_capture_on_commit_callbacks, email="fresh@example.com")
    assert refused.status_code == 429
    other_network = Client(REMOTE_ADDR="192.0.2.9")
    assert (
        save(other_network, django_capture_on_commit_callbacks, email="x@example.com").status_code
        == 302
    )


def test_a_bad_address_keeps_what_was_typed(client, django_capture_on_commit_callbacks):
    role = make_role(name="Data Engineer")
    response = save(
        client,
        django_capture_on_commit_callbacks,
        email="not an address",
        search=f"role={role.slug}",
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Enter a valid email address" in html
    assert 'value="not an address"' in html and "Data Engineer jobs" in html
    assert mail.outbox == [] and not Subscriber.objects.exists()


def test_the_honeypot_refuses(client, django_capture_on_commit_callbacks):
    response = save(client, django_capture_on_commit_callbacks, nickname="bot")
    assert response.status_code == 200 and not Alert.objects.exists()


def test_a_form_from_another_site_is_refused(client, django_capture_on_commit_callbacks):
    data = {"email": "grace@hopper.example", "frequency": "daily", "search": ""}
    response = client.post(CREATE_URL, data, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    response = client.post(CREATE_URL, data, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    own = client.post(CREATE_URL, data, headers={"Origin": "http://testserver"})
    assert own.status_code == 302
    assert Alert.objects.count() == 1


def test_the_create_post_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    role = make_role()
    data = {"email": "grace@hopper.example", "frequency": "daily", "search": f"role={role.slug}"}
    # The request's transaction and save_search's (2 savepoints and their releases), the role's
    # lookup, the address's lookup (locked) and insert (in a savepoint of its own, 3), this
    # search among its alerts, their count, the alert (in a savepoint, 3), the outbox row.
    with django_assert_num_queries(15):
        assert client.post(CREATE_URL, data).status_code == 302
    # The same form again: the role, the address, this search; its link sent once more.
    with django_assert_num_queries(8):
        assert client.post(CREATE_URL, data).status_code == 302
    # A known address, a search without a role: no role, no address insert.
    data["search"] = "workplace=remote"
    with django_assert_num_queries(11):
        assert client.post(CREATE_URL, data).status_code == 302


def test_the_standalone_form_page(client):
    role = make_role(name="Data Engineer")
    page = client.get(CREATE_URL, {"role": role.slug, "nonsense": "x"})
    html = page.content.decode()
    assert page.status_code == 200 and "Data Engineer jobs" in html
    assert page["Cache-Control"] == "private, no-store"
