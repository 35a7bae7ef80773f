"""Two identical sign-ups at the same moment on PostgreSQL: both pass every check before either
inserts; the database's unique user name decides, and both answer the same page."""

import threading
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from employers import accounts
from employers.forms import SignUpForm
from jobs.models import Company

from .helpers import PASSWORD, SIGN_UP_URL

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL: concurrent transactions"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_identical_sign_ups_at_once_make_one_account():
    fields = {
        "email": "ada@analytical.example",
        "password": PASSWORD,
        "company_name": "Analytical Engines",
        "company_website": "",
        "nickname": "",
    }
    together = threading.Barrier(2)
    real_save = SignUpForm.save
    answers: list[tuple[int, str]] = []

    def save_together(form):
        together.wait(timeout=10)  # both have passed the form's checks and the lookup
        return real_save(form)

    def sign_up():
        try:
            response = Client().post(SIGN_UP_URL, fields)
            answers.append((response.status_code, response.get("Location", "")))
        finally:
            connection.close()

    with (
        mock.patch.object(SignUpForm, "save", save_together),
        mock.patch.object(accounts, "tell_owner", wraps=accounts.tell_owner) as told,
    ):
        threads = [threading.Thread(target=sign_up) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert answers == [(302, "/employers/sign-up/sent/")] * 2
    assert told.call_count == 1  # the loser's insert failed, and it answered as for a known one
    assert get_user_model().objects.filter(username="ada@analytical.example").count() == 1
    assert Company.objects.filter(name="Analytical Engines").count() == 1
