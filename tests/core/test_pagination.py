"""A page number that names no page is a 404 on every HTML list, as past the end is in the API;
never the last page or page 1 in its place."""

import pytest

from tests.employers.helpers import DASHBOARD_URL, client_for, make_employer
from tests.factories import make_guide, make_job

pytestmark = pytest.mark.django_db

LISTS = ["/jobs/", "/guides/", "/roles/compare/"]
NO_SUCH_PAGE = ["-1", "0", "abc", "99999", "1.5", "1e3", "%2B1", "%EF%BC%91", "9" * 5000]


@pytest.fixture
def content():
    make_job()
    make_guide()


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("page", NO_SUCH_PAGE)
def test_a_page_that_does_not_exist_is_not_found(client, content, url, page):
    assert client.get(f"{url}?page={page}").status_code == 404


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("page", ["", "1", "01", " 1"])
def test_page_one_however_written(client, content, url, page):
    assert client.get(f"{url}?page={page}").status_code == 200


def test_the_employers_dashboard_too():
    employer = make_employer()
    make_job(company=employer.company)
    client = client_for(employer.user)
    assert client.get(DASHBOARD_URL).status_code == 200
    assert client.get(f"{DASHBOARD_URL}?page=-1").status_code == 404
    assert client.get(f"{DASHBOARD_URL}?page=2").status_code == 404


def test_the_api_agrees_past_the_end(client, content):
    assert client.get("/api/v1/jobs/?page=99999").status_code == 404
    assert client.get("/jobs/?page=99999").status_code == 404


def test_a_huge_page_number_is_a_clear_answer_not_an_error(client, content):
    huge = "9" * 5000
    assert client.get(f"/api/v1/jobs/?page={huge}").status_code == 400
    assert client.get(f"/api/v1/jobs/?page=0000{huge}").status_code == 400
