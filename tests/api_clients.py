import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from employers.models import ApiToken, Employer
from tests.factories import make_company


def make_employer(email: str = "boss@acme.example", *, company=None, verified=True, **fields):
    user = get_user_model().objects.create_user(
        username=email, email=email, password="a-long-test-password"
    )
    company = company or make_company(website="https://acme.example")
    return Employer.objects.create(
        user=user,
        company=company,
        created_company=fields.get("created_company", True),
        verified_at=timezone.now() if verified else None,
    )


def token_client(user) -> Client:
    # A token's name is used once per account.
    name = f"tests {ApiToken.objects.filter(user=user).count() + 1}"
    _, key = ApiToken.issue(user=user, name=name)
    return Client(headers={"Authorization": f"Bearer {key}"}, raise_request_exception=False)


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


@pytest.fixture
def employer(db):
    return make_employer()


@pytest.fixture
def api(employer):
    """A client calling as the employer, with a token."""
    return token_client(employer.user)
