"""The site calls itself SITE_NAME on every page, whatever host and port it is served on."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1:8123"
PAGES = [
    "employers:home",
    "employers:log-in",
    "employers:sign-up",
    "employers:sign-up-sent",
    "employers:password-reset",
    "employers:password-reset-sent",
    "employers:password-reset-complete",
]


@pytest.mark.parametrize("name", PAGES)
def test_pages_name_the_site_by_its_setting_not_its_host(client, settings, name):
    settings.SITE_NAME = "Example Careers"
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    response = client.get(reverse(name), HTTP_HOST=HOST, SERVER_PORT="8123")
    assert response.status_code == 200
    html = response.text
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and title[1].endswith("· Example Careers"), title
    assert "127.0.0.1" not in html


def test_the_sender_of_e_mail_defaults_to_the_site_name():
    from config import settings as config

    assert config.DEFAULT_FROM_EMAIL.startswith(f"{config.SITE_NAME} <")
