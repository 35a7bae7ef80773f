"""Signing up: a new company or joining one, the confirmation e-mail and its link."""

import re
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.urls import reverse

from employers.accounts import VERIFY_SALT
from employers.models import Employer
from jobs.models import Company
from tests.factories import make_company

from .helpers import DASHBOARD_URL, PASSWORD, SIGN_UP_URL, client_for, make_draft, make_employer

pytestmark = pytest.mark.django_db

SENT_URL = reverse("employers:sign-up-sent")

NEW_COMPANY = {
    "email": "Ada.Lovelace@Analytical.example",
    "password": PASSWORD,
    "company_name": "  Analytical   Engines ",
    "company_website": "https://www.analytical.example",
    "nickname": "",
}


def sign_up(client, capture, **overrides):
    with capture(execute=True):
        return client.post(SIGN_UP_URL, {**NEW_COMPANY, **overrides})


def verify_link(message) -> str:
    return re.search(r"https?://\S+/employers/verify/\S+/", message.body).group(0)


def test_sign_up_creates_the_account_and_the_company(client, django_capture_on_commit_callbacks):
    response = sign_up(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    user = get_user_model().objects.get()
    assert user.username == user.email == "ada.lovelace@analytical.example"
    assert user.check_password(PASSWORD)
    employer = Employer.objects.get(user=user)
    assert employer.created_company is True
    assert employer.verified_at is None
    assert employer.company.name == "Analytical Engines"
    assert employer.company.website == "https://www.analytical.example"
    # Not logged in by the sign-up (its answer must not tell a new address from a known one):
    # the password logs in.
    assert client.get(DASHBOARD_URL).status_code == 302
    assert client.login(username=user.username, password=PASSWORD)
    assert client.get(DASHBOARD_URL).status_code == 200


def test_sign_up_sends_a_confirmation_email_whose_link_works(
    client, settings, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada.lovelace@analytical.example"]
    assert message.subject == f"Confirm your e-mail address for {settings.SITE_NAME}"
    link = verify_link(message)
    assert link.startswith(f"{settings.SITE_URL}/employers/verify/")
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert link in html

    anonymous = client.__class__()
    response = anonymous.get(link.removeprefix(settings.SITE_URL))
    assert response.status_code == 302
    assert Employer.objects.get().verified_at is not None


def test_a_tampered_link_is_refused(client, settings, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    path = verify_link(mail.outbox[0]).removeprefix(settings.SITE_URL)
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    response = client.get(tampered)
    assert response.status_code == 400
    assert "This confirmation link does not work" in response.content.decode()
    assert Employer.objects.get().verified_at is None


def test_an_expired_link_is_refused(client, settings):
    employer = make_employer(verified=False)
    too_old = time.time() - (settings.EMAIL_VERIFICATION_DAYS * 86400 + 60)
    with mock.patch("time.time", return_value=too_old):
        token = signing.dumps([employer.user.pk, employer.user.email], salt=VERIFY_SALT)
    response = client.get(reverse("employers:verify", args=[token]))
    assert response.status_code == 400
    employer.refresh_from_db()
    assert employer.verified_at is None
    # The same token made now works: the test really is about its age.
    fresh = signing.dumps([employer.user.pk, employer.user.email], salt=VERIFY_SALT)
    assert client.get(reverse("employers:verify", args=[fresh])).status_code == 302


def test_joining_a_company_needs_an_address_at_its_domain(client):
    make_company(name="Tessera Labs", website="https://tessera.example")
    response = client.post(
        SIGN_UP_URL,
        {**NEW_COMPANY, "email": "me@gmail.example", "company_name": "tessera labs"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["company_name"]
    assert "Tessera Labs" in errors[0]
    assert "tessera.example" in errors[0]
    assert not get_user_model().objects.exists()


def test_joining_with_a_matching_address(client, django_capture_on_commit_callbacks):
    company = make_company(name="Tessera Labs", website="https://www.tessera.example")
    make_draft(company, title="Secret draft")
    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email="new@tessera.example",
        company_name="TESSERA LABS",
        company_website="",
    )
    assert response.status_code == 302
    employer = Employer.objects.get(user__email="new@tessera.example")
    assert employer.company == company
    assert employer.created_company is False
    assert Company.objects.count() == 1
    client.force_login(employer.user)
    dashboard = client.get(DASHBOARD_URL)
    assert list(dashboard.context["page"].object_list) == []
    assert "Secret draft" not in dashboard.content.decode()


def test_a_known_address_gets_the_same_answer_and_its_owner_an_e_mail(
    client, django_capture_on_commit_callbacks
):
    make_employer("ada.lovelace@analytical.example")
    response = sign_up(client, django_capture_on_commit_callbacks, company_name="Other Co")
    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    assert get_user_model().objects.count() == 1
    assert not Company.objects.filter(name="Other Co").exists()
    (message,) = mail.outbox
    assert message.to == ["ada.lovelace@analytical.example"]
    assert "It already has an account" in message.body
    assert "/employers/password/reset/" in message.body


def test_a_weak_password_is_refused(client):
    response = client.post(SIGN_UP_URL, {**NEW_COMPANY, "password": "12345678"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert not get_user_model().objects.exists()
    assert not Company.objects.exists()


def test_the_honeypot_refuses_the_form(client):
    response = client.post(SIGN_UP_URL, {**NEW_COMPANY, "nickname": "bot"})
    assert response.status_code == 200
    assert response.context["form"].errors["nickname"]
    assert not get_user_model().objects.exists()
    assert len(mail.outbox) == 0


def test_errors_keep_what_was_typed_but_not_the_password(client):
    secret = "Sup3r-secret-value!"
    response = client.post(
        SIGN_UP_URL, {**NEW_COMPANY, "password": secret, "company_website": "not a url at all"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Ada.Lovelace@Analytical.example"' in html or (
        'value="ada.lovelace@analytical.example"' in html
    )
    assert "Analytical" in html and "Engines" in html
    assert 'value="not a url at all"' in html
    assert secret not in html


def test_logged_in_people_skip_the_sign_up_page():
    employer = make_employer()
    response = client_for(employer.user).get(SIGN_UP_URL)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD_URL


@pytest.mark.parametrize(
    "email",
    ["me@eviltessera.example", "me@tessera.example.evil.example", "me@sub.tessera.example"],
)
def test_the_domain_check_is_not_fooled_by_lookalikes(client, email):
    make_company(name="Tessera Labs", website="https://tessera.example")
    response = client.post(
        SIGN_UP_URL, {**NEW_COMPANY, "email": email, "company_name": "Tessera Labs"}
    )
    joined = response.status_code == 302
    assert joined is email.endswith("@sub.tessera.example")


def test_a_domain_claimed_by_an_outsider_lets_nobody_join(client):
    # Someone at another domain created "Globex" and typed globex.example as its website: real
    # Globex employees must not become members of that account by signing up.
    globex = make_company(name="Globex", website="https://globex.example")
    make_employer("founder@elsewhere.example", company=globex)

    response = client.post(
        SIGN_UP_URL, {**NEW_COMPANY, "email": "staff@globex.example", "company_name": "Globex"}
    )

    assert response.status_code == 200
    assert "Globex is already on the board" in response.context["form"].errors["company_name"][0]
    assert not Employer.objects.filter(user__email="staff@globex.example").exists()


def test_a_domain_vouched_for_by_a_confirmed_member_lets_colleagues_join(
    client, django_capture_on_commit_callbacks
):
    globex = make_company(name="Globex", website="https://globex.example")
    make_employer("founder@globex.example", company=globex)

    response = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email="colleague@globex.example",
        company_name="Globex",
        company_website="",
    )

    assert response.status_code == 302
    assert Employer.objects.get(user__email="colleague@globex.example").company == globex


def test_members_cannot_change_a_website_once_set(client):
    employer = make_employer(
        "boss@globex.example", company=make_company(website="https://globex.example")
    )
    member = client_for(employer.user)

    response = member.post(
        reverse("employers:company"),
        {"website": "https://attacker.example", "description": "Hello"},
    )

    assert response.status_code == 302
    employer.company.refresh_from_db()
    assert employer.company.website == "https://globex.example"
    assert employer.company.description == "Hello"
