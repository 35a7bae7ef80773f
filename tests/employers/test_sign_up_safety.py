"""Sign-up and password reset tell nobody which addresses have accounts; pending sign-ups expire
and never keep a company's real employees out; sending a form twice never fails."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from employers import accounts
from employers.models import ApiToken, Employer
from jobs.models import Company, Job
from tests.factories import make_company, make_job

from .helpers import PASSWORD, SIGN_UP_URL, make_draft, make_employer

pytestmark = pytest.mark.django_db

SENT_URL = reverse("employers:sign-up-sent")
RESET_URL = reverse("employers:password-reset")


def data(email: str, company: str = "Analytical Engines", website: str = "", **more) -> dict:
    return {
        "email": email,
        "password": PASSWORD,
        "company_name": company,
        "company_website": website,
        "nickname": "",
        **more,
    }


def post(url: str, fields: dict, capture):
    """POST from a fresh visitor; the answer, and the page it leads to with form tokens removed."""
    client = Client()
    with capture(execute=True):
        response = client.post(url, fields)
    page = client.get(response["Location"]).content.decode() if response.status_code == 302 else ""
    return response, re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def age(employer: Employer, days: float) -> None:
    Employer.objects.filter(pk=employer.pk).update(joined_at=timezone.now() - timedelta(days=days))


# --- the same answer whether or not the address has an account -------------------------------


@pytest.mark.parametrize("kind", ["confirmed", "pending", "staff"])
def test_sign_up_answers_a_known_address_exactly_as_a_new_one(
    kind, django_capture_on_commit_callbacks, django_user_model
):
    known = "known@acme.example"
    if kind == "staff":
        django_user_model.objects.create_user(known, known, "another-password", is_staff=True)
    else:
        make_employer(known, verified=kind == "confirmed", password="another-password")

    new, new_page = post(
        SIGN_UP_URL, data("new@other.example", "Other"), django_capture_on_commit_callbacks
    )
    old, old_page = post(SIGN_UP_URL, data(known, "Another"), django_capture_on_commit_callbacks)

    assert (
        (new.status_code, new["Location"]) == (old.status_code, old["Location"]) == (302, SENT_URL)
    )
    assert new_page == old_page and "Check your inbox" in new_page
    assert new.cookies.keys() == old.cookies.keys()  # neither logs anyone in
    # The new address got its link; the known one a note saying it has an account.
    to_new, to_known = mail.outbox
    assert to_new.to == ["new@other.example"] and "/employers/verify/" in to_new.body
    assert to_known.to == [known] and "It already has an account" in to_known.body
    assert "/employers/verify/" not in to_known.body
    assert not Company.objects.filter(name="Another").exists()


def test_an_invalid_sign_up_shows_the_same_errors_for_known_and_new_addresses(client):
    make_employer("known@acme.example")
    weak = {"password": "12345678"}
    known = client.post(SIGN_UP_URL, data("known@acme.example", **weak))
    new = client.post(SIGN_UP_URL, data("nobody@acme.example", **weak))
    assert known.status_code == new.status_code == 200
    assert dict(known.context["form"].errors) == dict(new.context["form"].errors)
    assert "email" not in known.context["form"].errors


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(
    django_capture_on_commit_callbacks,
):
    make_employer("known@acme.example")
    known, known_page = post(
        RESET_URL, {"email": "known@acme.example"}, django_capture_on_commit_callbacks
    )
    unknown, unknown_page = post(
        RESET_URL, {"email": "nobody@acme.example"}, django_capture_on_commit_callbacks
    )
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known_page == unknown_page and "If an account uses that address" in known_page
    (message,) = mail.outbox  # only the owner of a real account hears of it
    assert message.to == ["known@acme.example"]


# --- pending sign-ups ---------------------------------------------------------------------------


def test_an_unconfirmed_joiner_does_not_keep_real_employees_out(
    django_capture_on_commit_callbacks,
):
    # Editors set Tessera up; someone signed up with an address there that nobody confirmed.
    tessera = make_company(name="Tessera Labs", website="https://tessera.example")
    make_employer("ceo@tessera.example", company=tessera, verified=False, created_company=False)

    response, _ = post(
        SIGN_UP_URL,
        data("engineer@tessera.example", "Tessera Labs"),
        django_capture_on_commit_callbacks,
    )

    assert response.status_code == 302
    assert Employer.objects.get(user__username="engineer@tessera.example").company == tessera


def test_a_creator_pending_past_the_link_no_longer_holds_the_domain(
    django_capture_on_commit_callbacks, settings
):
    globex = make_company(name="Globex", website="https://globex.example")
    creator = make_employer("someone@globex.example", company=globex, verified=False)
    colleague = data("staff@globex.example", "Globex")
    # While the creator's link works, the domain is theirs to confirm.
    assert Client().post(SIGN_UP_URL, colleague).status_code == 200

    age(creator, settings.EMAIL_VERIFICATION_DAYS + 0.1)

    response, _ = post(SIGN_UP_URL, colleague, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Employer.objects.get(user__username="staff@globex.example").company == globex
    creator.refresh_from_db()
    assert creator.may_manage_postings is False  # the stale creator drafts no more


def test_an_address_held_by_an_expired_sign_up_is_free_again(
    django_capture_on_commit_callbacks, settings
):
    squatter = make_employer(
        "ada@analytical.example",
        company=make_company(name="Squat Co", website=""),
        verified=False,
        password="the-squatters-password",
    )
    make_draft(squatter.company, title="Squatted draft")
    age(squatter, settings.EMAIL_VERIFICATION_DAYS + 1)

    response, _ = post(
        SIGN_UP_URL, data("ada@analytical.example"), django_capture_on_commit_callbacks
    )

    assert response["Location"] == SENT_URL
    user = get_user_model().objects.get(username="ada@analytical.example")
    assert user.pk != squatter.user_id and user.check_password(PASSWORD)
    assert not Company.objects.filter(name="Squat Co").exists()
    assert not Job.objects.filter(title="Squatted draft").exists()
    (message,) = mail.outbox
    assert "/employers/verify/" in message.body


def test_the_cleanup_command_removes_expired_sign_ups_and_what_only_they_used(settings):
    days = settings.EMAIL_VERIFICATION_DAYS + 1
    lone = make_employer("lone@lone.example", company=make_company(name="Lone"), verified=False)
    make_draft(lone.company)
    ApiToken.issue(user=lone.user, name="never used")
    age(lone, days)
    shared = make_company(name="Shared")
    stale_creator = make_employer(company=shared, verified=False)
    make_employer(company=shared, created_company=False)  # a confirmed colleague stays
    age(stale_creator, days)
    was_public = make_company(name="Was public")
    gone = make_employer(company=was_public, verified=False)
    make_job(company=was_public)  # its page stays up, so the company stays
    age(gone, days)
    fresh = make_employer("fresh@fresh.example", verified=False)
    old_confirmed = make_employer("old@old.example")
    age(old_confirmed, 400)

    call_command("remove_stale_sign_ups", "--dry-run", stdout=(out := __import__("io").StringIO()))
    assert "3 unconfirmed sign-ups would be removed" in out.getvalue()
    call_command("remove_stale_sign_ups", stdout=out)

    users = set(get_user_model().objects.values_list("username", flat=True))
    assert "lone@lone.example" not in users
    assert {"fresh@fresh.example", "old@old.example"} <= users
    assert not Employer.objects.filter(pk__in=[lone.pk, stale_creator.pk, gone.pk]).exists()
    assert not Company.objects.filter(name="Lone").exists()
    assert Company.objects.filter(name__in=["Shared", "Was public"]).count() == 2
    assert not ApiToken.objects.exists()
    assert Employer.objects.filter(pk=fresh.pk).exists()


# --- sending a form twice -----------------------------------------------------------------------


def test_a_double_submitted_sign_up_makes_one_account(django_capture_on_commit_callbacks):
    """The second copy finds the company the first made (not yet joinable: its creator has not
    confirmed) and answers the form with a message that says what happened, as it would for
    any address; one account, one company."""
    fields = data("ada@analytical.example", website="https://analytical.example")
    first, _ = post(SIGN_UP_URL, fields, django_capture_on_commit_callbacks)
    second = Client().post(SIGN_UP_URL, fields)
    assert first["Location"] == SENT_URL
    assert second.status_code == 200
    assert "Then check your inbox" in second.context["form"].errors["company_name"][0]
    assert get_user_model().objects.count() == 1 and Company.objects.count() == 1


def test_a_sign_up_sent_again_to_join_a_company_answers_the_same(
    django_capture_on_commit_callbacks,
):
    make_employer(
        "founder@tessera.example",
        company=make_company(name="Tessera", website="https://tessera.example"),
    )
    fields = data("new@tessera.example", "Tessera")
    first, first_page = post(SIGN_UP_URL, fields, django_capture_on_commit_callbacks)
    second, second_page = post(SIGN_UP_URL, fields, django_capture_on_commit_callbacks)
    assert first["Location"] == second["Location"] == SENT_URL
    assert first_page == second_page
    assert Employer.objects.filter(user__username="new@tessera.example").count() == 1
    # The same person again: a new link (both work), not a warning.
    links = [re.search(r"/employers/verify/\S+/", m.body).group(0) for m in mail.outbox]
    assert len(links) == 2
    assert Client().get(links[0]).status_code == 302


def test_two_sign_ups_for_one_address_at_once_answer_the_same_not_a_500(
    django_capture_on_commit_callbacks,
):
    """Both requests passed every check before either inserted: the second's insert hits the
    unique user name, its company is rolled back with it, and it answers as for a known
    address."""
    fields = data("ada@analytical.example")
    post(SIGN_UP_URL, fields, django_capture_on_commit_callbacks)
    real = accounts.existing_account
    lookups = []

    def racing_lookup(email):  # the first lookup misses, as it would in the race
        lookups.append(email)
        return None if len(lookups) == 1 else real(email)

    with (
        mock.patch.object(accounts, "existing_account", side_effect=racing_lookup),
        mock.patch("employers.forms.company_named", return_value=None),
        mock.patch.object(accounts, "tell_owner", wraps=accounts.tell_owner) as told,
    ):
        second, page = post(SIGN_UP_URL, fields, django_capture_on_commit_callbacks)
    assert second.status_code == 302 and second["Location"] == SENT_URL
    assert "Check your inbox" in page
    assert len(lookups) == 2 and told.called  # the insert failed, then the owner was told
    assert get_user_model().objects.count() == 1 and Company.objects.count() == 1


def test_two_sign_ups_creating_one_company_at_once_re_render_the_form(client):
    """The second sign-up's company check missed the first's new company: the insert hits the
    unique name, and the form says so instead of a 500; nothing of it is saved."""
    client.post(SIGN_UP_URL, data("ada@analytical.example"))
    with mock.patch("employers.forms.company_named", return_value=None):
        response = client.post(SIGN_UP_URL, data("charles@elsewhere.example"))
    assert response.status_code == 200
    assert "was just added to the board" in response.context["form"].errors["company_name"][0]
    assert not get_user_model().objects.filter(username="charles@elsewhere.example").exists()
    assert Company.objects.count() == 1
