"""Raw titles to canonical titles and levels; aliases kept in the admin; unmatched titles."""

import pytest
from django.urls import reverse

from salaries.models import SalaryRecord, SalaryStat, SalaryTitle, TitleAlias, UnmatchedTitle
from salaries.stats import refresh_stats, refresh_unmatched, rematch_records
from salaries.title_matching import TitleMatcher, core_key, title_key
from tests.factories import make_editor, make_role, make_salary_records

KEYS = {
    "machine learning engineer": 1,
    "data scientist": 2,
    "lead machine learning engineer": 3,
    "data analyst": 4,
}


@pytest.mark.parametrize(
    "raw, title_id, level",
    [
        ("Sr. ML Engineer II", 1, "senior"),
        ("machine-learning engineer", 1, ""),
        ("Junior Data Scientist", 2, "entry"),
        ("Data Scientist III", 2, ""),
        ("Principal Data Scientist", 2, "senior"),
        ("Head of Data Scientist", 2, "executive"),
        ("Lead Machine Learning Engineer", 3, ""),  # a canonical title itself, not "lead" + MLE
        ("Lead ML Engineer", 3, ""),
        ("Lead Data Analyst", 4, "senior"),
        ("Data Scientist (Contract)", 2, ""),
        ("Senior Data Scientist, Pricing", 2, "senior"),
        ("Data Analyst – Marketing", 4, ""),
        ("Data Wrangler", None, ""),
        ("VP, Data Platform", None, "executive"),
        ("", None, ""),
    ],
)
def test_matching(raw, title_id, level):
    match = TitleMatcher(KEYS).match(raw)
    assert (match.title_id, match.level) == (title_id, level)


def test_keys():
    assert title_key("Sr. ML Engineer II") == "senior machine learning engineer ii"
    assert core_key("Sr. ML Engineer II") == ("machine learning engineer", "senior")
    assert title_key("R&D Engineer") == "r and d engineer"


@pytest.mark.django_db
def test_aliases_and_titles_from_the_database():
    make_role(name="Data Scientist", broader_titles="Scientist")
    title = SalaryTitle.objects.get(name="Data Scientist")
    assert SalaryTitle.objects.filter(name="Scientist").exists()
    TitleAlias.objects.create(alias="Senior Decision Scientist", title=title)
    alias = TitleAlias.objects.get()
    assert alias.key == "decision scientist"  # level words never part of an alias
    matcher = TitleMatcher.from_database()
    assert matcher.match("Decision Scientist II").title_id == title.pk
    assert matcher.match("Data Scientist").title_id == title.pk


@pytest.mark.django_db
def test_editor_adds_an_alias_and_records_move_with_their_figures(
    client, django_capture_on_commit_callbacks
):
    make_role(name="Data Scientist", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Scientist")
    make_salary_records(None, [100, 200, 300, 400, 500], raw_title="Decision Scientist")
    make_salary_records(title, [1000])
    refresh_unmatched()
    refresh_stats()
    assert UnmatchedTitle.objects.get().records == 5

    client.force_login(make_editor())
    changelist = client.get(reverse("admin:salaries_unmatchedtitle_changelist")).content.decode()
    assert "Decision Scientist" in changelist
    add_url = reverse("admin:salaries_titlealias_add") + "?alias=Decision+Scientist"
    assert "alias=Decision+Scientist" in changelist
    assert 'value="Decision Scientist"' in client.get(add_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:salaries_titlealias_add"),
            {"alias": "Decision Scientist", "title": title.pk},
        )
    assert response.status_code == 302
    assert SalaryRecord.objects.filter(title=title).count() == 6
    assert not UnmatchedTitle.objects.exists()
    assert SalaryStat.objects.get(title=title, country="", level="", year=0).count == 6

    alias = TitleAlias.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:salaries_titlealias_delete", args=[alias.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert SalaryRecord.objects.filter(title=title).count() == 1
    assert UnmatchedTitle.objects.get().records == 5


@pytest.mark.django_db
def test_an_alias_must_name_more_than_a_level(client):
    make_role(name="Data Scientist", broader_titles="")
    client.force_login(make_editor())
    response = client.post(
        reverse("admin:salaries_titlealias_add"),
        {"alias": "Senior II", "title": SalaryTitle.objects.get().pk},
    )
    assert response.status_code == 200
    assert "Write the job, not only its level." in response.content.decode()


@pytest.mark.django_db
def test_matching_again_keeps_matches_that_need_the_raw_title():
    """A key drops the comma that marks a qualifier; matching again reads the raw title."""
    make_role(name="Data Scientist", broader_titles="")
    title = SalaryTitle.objects.get(name="Data Scientist")
    make_salary_records(title, [100], raw_title="Senior Data Scientist, Pricing")
    make_salary_records(None, [200], raw_title="Decision Scientist")
    TitleAlias.objects.create(alias="Decision Scientist", title=title)
    assert rematch_records() == {title.pk}
    assert SalaryRecord.objects.filter(title=title).count() == 2
