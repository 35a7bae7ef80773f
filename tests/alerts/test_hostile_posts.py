"""What a client can send to the alert form: huge or broken searches, a search that names
nothing, an address that tries to add a header. Each gets a page or a 4xx, never a 500."""

import pytest
from django.core import mail

from alerts.models import Alert, Subscriber

from .helpers import CREATE_URL

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "search",
    [
        "q=" + "x" * 100_000,
        "q=a%00b&location=%ED%A0%80&q=\x00",
        "role=no-such-role&company=none&salary_min=-5&workplace=moon",
        "role=" + "&role=".join(str(n) for n in range(500)),
        "%zz%&&==&q",
    ],
)
def test_broken_searches_answer_a_page(client, django_capture_on_commit_callbacks, search):
    data = {"email": "grace@hopper.example", "frequency": "daily", "search": search}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CREATE_URL, data)
    assert response.status_code in (200, 302)
    for alert in Alert.objects.all():
        assert len(alert.query) <= 1000 and "\x00" not in alert.query
    get = client.get(CREATE_URL + "?" + search[:5000])
    assert get.status_code in (200, 400)


@pytest.mark.parametrize(
    "address",
    [
        "grace@hopper.example\r\nBcc: everyone@victim.example",
        "grace@hopper.example\nSubject: hi",
        "grace@hopper.example, mallory@evil.example",
        "Grace <grace@hopper.example>",
        "grace@hopper.example%0d%0abcc:x@y.example",
    ],
)
def test_an_address_cannot_carry_a_header_or_a_second_address(
    client, django_capture_on_commit_callbacks, address
):
    data = {"email": address, "frequency": "daily", "search": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CREATE_URL, data)
    assert response.status_code == 200, "refused on the form"
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_the_alert_form_on_a_search_escapes_what_was_typed(client):
    from tests.factories import make_job

    make_job(title="Escaping engineer")
    html = client.get("/jobs/", {"q": 'engineer <b>"x"</b> & co'}).text
    form = html.split('class="alert-box', 1)[1].split("</section>", 1)[0]
    assert "<b>" not in form
    assert "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; co" in form  # the description, escaped
    assert 'name="search" value="q=engineer+%3Cb%3E%22x%22%3C%2Fb%3E+%26+co"' in form
    assert "alert-search-" not in html and "alert-description-" not in html
