"""The admin's log-in has the employers' limits: a pause per account after repeated failures."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/admin/login/"
PASSWORD = "right-pass-4821"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "boss", "boss@example.com", PASSWORD, is_staff=True
    )


def test_the_right_password_logs_in(client, staff):
    response = client.post(URL, {"username": "boss", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302


def test_five_failures_pause_the_account_even_for_the_right_password(client, staff):
    for _ in range(5):
        response = client.post(URL, {"username": "boss", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error

    response = client.post(URL, {"username": "boss", "password": PASSWORD})

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert b"Too many attempts" in response.content


def test_a_paused_account_does_not_pause_others(client, staff, django_user_model):
    django_user_model.objects.create_user("other", "o@example.com", PASSWORD, is_staff=True)
    for _ in range(5):
        client.post(URL, {"username": "boss", "password": "wrong"})

    response = client.post(URL, {"username": "other", "password": PASSWORD, "next": "/admin/"})

    assert response.status_code == 302


def test_a_success_clears_earlier_failures(client, staff):
    for _ in range(4):
        client.post(URL, {"username": "boss", "password": "wrong"})
    assert client.post(URL, {"username": "boss", "password": PASSWORD}).status_code == 302
    client.logout()

    for _ in range(4):
        client.post(URL, {"username": "boss", "password": "wrong"})

    assert client.post(URL, {"username": "boss", "password": PASSWORD}).status_code == 302
