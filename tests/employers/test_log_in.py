"""Logging in with the e-mail address, logging out, changing and resetting the password."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from .helpers import DASHBOARD_URL, LOG_IN_URL, PASSWORD, client_for, make_employer

pytestmark = pytest.mark.django_db

LOG_OUT_URL = reverse("employers:log-out")
RESET_URL = reverse("employers:password-reset")


def logged_in(client) -> bool:
    return client.get(DASHBOARD_URL).status_code == 200


def test_log_in_with_the_email_in_any_case(client):
    make_employer("grace@hopper.example")
    response = client.post(
        LOG_IN_URL, {"username": "  Grace@HOPPER.example ", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD_URL
    assert logged_in(client)


def test_a_wrong_password_is_refused(client):
    make_employer("grace@hopper.example")
    response = client.post(LOG_IN_URL, {"username": "grace@hopper.example", "password": "nope"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not logged_in(client)


def test_log_out_is_post_only():
    employer = make_employer()
    client = client_for(employer.user)
    assert client.get(LOG_OUT_URL).status_code == 405
    assert logged_in(client)
    assert client.post(LOG_OUT_URL).status_code == 302
    assert not logged_in(client)


def test_password_change():
    employer = make_employer()
    client = client_for(employer.user)
    new = "an-entirely-new-passphrase"
    response = client.post(
        reverse("employers:password-change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("employers:password-changed")
    employer.user.refresh_from_db()
    assert employer.user.check_password(new)
    assert logged_in(client), "whoever changed the password stays logged in"


def reset_link(message) -> str:
    return re.search(r"https?://\S+/employers/password/reset/\S+/\S+/", message.body).group(0)


def test_password_reset_email_and_link(client, settings, django_capture_on_commit_callbacks):
    employer = make_employer("grace@hopper.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET_URL, {"email": "grace@hopper.example"})
    assert response.status_code == 302
    assert response["Location"] == reverse("employers:password-reset-sent")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["grace@hopper.example"]
    assert message.subject == f"Reset your {settings.SITE_NAME} password"
    link = reset_link(message)
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert link in html

    path = re.sub(r"^https?://[^/]+", "", link)
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    new = "a-brand-new-passphrase"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"new_password1": new, "new_password2": new},
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("employers:password-reset-complete")
    employer.user.refresh_from_db()
    assert employer.user.check_password(new)


def test_password_reset_link_points_at_the_site(
    client, settings, django_capture_on_commit_callbacks
):
    """Links in e-mails go to SITE_URL, not to whatever Host the request named."""
    make_employer("grace@hopper.example")
    settings.ALLOWED_HOSTS = ["*"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET_URL, {"email": "grace@hopper.example"}, HTTP_HOST="evil.example")
    link = reset_link(mail.outbox[0])
    assert link.startswith(f"{settings.SITE_URL}/employers/password/reset/")
    assert link in mail.outbox[0].alternatives[0][0]


def test_password_reset_for_an_unknown_address_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(RESET_URL, {"email": "nobody@nowhere.example"})
    assert callbacks == []
    assert response.status_code == 302
    assert mail.outbox == []
