"""The dashboard's API tokens page: make a token (shown once), list them, revoke one."""

import re

import pytest
from django.test import Client

from employers.models import MAX_TOKENS_PER_USER, ApiToken
from tests.api_clients import make_employer
from tests.factories import directives

pytestmark = pytest.mark.django_db

PAGE = "/employers/api-tokens/"


@pytest.fixture
def browser(employer):
    client = Client()
    client.force_login(employer.user)
    return client


def test_the_account_bar_links_to_the_page(browser):
    html = browser.get("/employers/dashboard/").text
    assert f'href="{PAGE}"' in html
    page = browser.get(PAGE)
    assert page.status_code == 200
    assert f'href="{PAGE}" aria-current="page"' in page.text
    assert "You have no API tokens." in page.text


def test_a_new_token_is_shown_once_and_works(browser, employer):
    response = browser.post(PAGE, {"name": "Careers page sync"})
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response["Cache-Control"])
    key = re.search(r'value="(jca_[^"]+)"', response.text).group(1)
    token = ApiToken.objects.get(user=employer.user)
    assert token.name == "Careers page sync"
    # Never again: the list shows only its first characters.
    listing = browser.get(PAGE).text
    assert key not in listing and f"{token.hint}…" in listing
    api = Client(headers={"Authorization": f"Bearer {key}"})
    assert api.get("/api/v1/employer/jobs/").status_code == 200


def test_a_name_is_required_and_tokens_are_limited(browser, employer):
    response = browser.post(PAGE, {"name": ""})
    assert response.status_code == 200 and "This field is required." in response.text
    for n in range(MAX_TOKENS_PER_USER):
        ApiToken.issue(user=employer.user, name=f"T{n}")
    response = browser.post(PAGE, {"name": "One more"})
    assert "revoke one first" in response.text
    assert ApiToken.objects.count() == MAX_TOKENS_PER_USER


def test_revoking_asks_first_and_takes_a_post(browser, employer):
    token, key = ApiToken.issue(user=employer.user, name="Old ATS")
    url = f"/employers/api-tokens/{token.pk}/revoke/"
    assert f'href="{url}"' in browser.get(PAGE).text
    question = browser.get(url)
    assert question.status_code == 200 and "Revoke the API token “Old ATS”?" in question.text
    assert ApiToken.objects.filter(pk=token.pk).exists()
    done = browser.post(url, follow=True)
    assert "is revoked" in done.text
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    api = Client(headers={"Authorization": f"Bearer {key}"})
    assert api.get("/api/v1/employer/jobs/").status_code == 401


def test_another_users_token_cannot_be_revoked(browser):
    other = make_employer("other@else.example")
    token, _ = ApiToken.issue(user=other.user, name="Theirs")
    url = f"/employers/api-tokens/{token.pk}/revoke/"
    assert browser.get(url).status_code == 404
    assert browser.post(url).status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert "Theirs" not in browser.get(PAGE).text


def test_only_employers_signed_in_reach_the_page(client):
    assert client.get(PAGE).status_code == 302
    assert client.post(PAGE, {"name": "x"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_a_colleague_who_has_not_confirmed_cannot_make_tokens(employer):
    colleague = make_employer(
        "new@acme.example", company=employer.company, verified=False, created_company=False
    )
    client = Client()
    client.force_login(colleague.user)
    assert "Make a token" not in client.get(PAGE).text
    client.post(PAGE, {"name": "Sneaky"})
    assert not ApiToken.objects.exists()
