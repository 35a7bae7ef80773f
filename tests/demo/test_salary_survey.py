"""The demo salary survey: deterministic, valid, and every guide's salary links come alive."""

import hashlib

import pytest
from django.core.management import call_command
from django.utils.text import slugify

from demo.salary_survey import DEMO_ROWS, survey_csv_lines, survey_rows
from roles.models import Guide
from salaries.models import SalaryRecord, Source, UnmatchedTitle


def test_the_same_seed_gives_the_same_rows():
    first = hashlib.sha256("".join(survey_csv_lines(500)).encode()).hexdigest()
    again = hashlib.sha256("".join(survey_csv_lines(500)).encode()).hexdigest()
    other = hashlib.sha256("".join(survey_csv_lines(500, seed=1)).encode()).hexdigest()
    assert first == again != other
    assert len(list(survey_rows(10))) == 10


@pytest.mark.django_db
def test_every_guide_salary_link_shows_live_figures(client, settings):
    settings.DEBUG = False
    call_command("load_demo")
    assert SalaryRecord.objects.filter(source=Source.SURVEY).count() == DEMO_ROWS
    assert SalaryRecord.objects.filter(source=Source.POSTING).count() > 100
    assert UnmatchedTitle.objects.exists()  # something for editors to map
    for guide in Guide.objects.published():
        html = client.get(guide.get_absolute_url()).content.decode()
        for title in guide.salary_titles:
            url = f"/salaries/{slugify(title)}/"
            assert f'href="{url}"' in html
            page = client.get(url).content.decode()
            assert "Median" in page and "Not enough data" not in page, url
            assert page.count("<svg") == 2, url  # the range plot and the trend
    call_command("load_demo")  # reloading keeps one copy of the survey
    assert SalaryRecord.objects.filter(source=Source.SURVEY).count() == DEMO_ROWS
