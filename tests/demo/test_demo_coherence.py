"""Generated postings read as one posting: the title, the experience level, the kind of work, the
pay and the description agree, over a few thousand postings of several seeds."""

import io
import re
from collections import defaultdict
from datetime import UTC, datetime
from itertools import combinations

import pytest
from django.core.management import call_command

from demo.job_generator import JobGenerator, company_pool, new_company
from demo.job_vocabulary import PROFILES
from demo.jobs import EMPLOYER_POSTINGS, SEED_JOBS
from jobs.choices import EmploymentType, ExperienceLevel
from jobs.models import Job
from roles.models import Role

ENTRY, MID, SENIOR, EXEC = (
    ExperienceLevel.ENTRY,
    ExperienceLevel.MID,
    ExperienceLevel.SENIOR,
    ExperienceLevel.EXECUTIVE,
)
INTERN = EmploymentType.INTERNSHIP
RANK = {"intern": 0, ENTRY: 1, MID: 2, SENIOR: 3, EXEC: 4}

EXEC_WORDS = re.compile(r"\b(Head of|Director|VP|Vice President|Chief|Fractional|Interim)\b")
SENIOR_WORDS = re.compile(r"\b(Senior|Staff|Principal|Lead)\b")
ENTRY_WORDS = re.compile(r"(^Junior\b|^Associate\b|\bI$|New Graduate|Resident)")
INTERN_WORD = re.compile(r"\bIntern\b")


def level_words(title: str) -> str | None:
    """The level a reader takes from the title alone, or None when it says none."""
    title = re.sub(r" \(.*\)$", "", title)  # "(Contract)", "(Part-time)": not a level
    if INTERN_WORD.search(title):
        return "intern"
    if EXEC_WORDS.search(title):
        return EXEC
    if SENIOR_WORDS.search(title):
        return SENIOR
    if ENTRY_WORDS.search(title):
        return ENTRY
    return None


def incoherence(job: Job) -> str | None:
    """What a reader would find wrong with the posting's title, level and kind, or None."""
    said = level_words(job.title)
    intern = job.employment_type == INTERN
    if (said == "intern") != intern:
        return "an intern title on other work, or an internship without one"
    if intern and job.experience_level != ENTRY:
        return "an intern who is not entry-level"
    if said not in (None, "intern") and said != job.experience_level:
        return f"the title says {said}"
    return None


def generated(seeds=(1, 2, 3, 4), per_seed=1000) -> list[Job]:
    """Postings as generate_jobs and load_demo make them, unsaved."""
    companies = [new_company(name, sector) for name, sector in company_pool()[:50]]
    roles = {p.slug: Role(slug=p.slug, name=p.slug) for p in PROFILES}
    now = datetime(2026, 3, 1, tzinfo=UTC)
    jobs = []
    for seed in seeds:
        generator = JobGenerator(seed, companies, roles, now)
        jobs += [generator.job() for _ in range(per_seed)]
    return jobs


@pytest.fixture(scope="module")
def postings() -> list[Job]:
    return generated()


def test_titles_levels_and_kinds_of_work_agree(postings):
    wrong = [(j.title, j.experience_level, j.employment_type) for j in postings if incoherence(j)]
    assert wrong == []
    # Every generated title says its level, but a mid-level one, which says none.
    assert {level_words(j.title) or MID for j in postings if j.employment_type != INTERN} == {
        ENTRY,
        MID,
        SENIOR,
        EXEC,
    }
    assert all(
        (level_words(j.title) or MID) == j.experience_level
        for j in postings
        if j.employment_type != INTERN
    )


def test_every_level_and_kind_of_work_is_generated(postings):
    kinds = {(j.experience_level, j.employment_type) for j in postings}
    assert (ENTRY, INTERN) in kinds and (EXEC, EmploymentType.FULL_TIME) in kinds
    assert {level for level, _ in kinds} == set(RANK) - {"intern"}


def _rank(job: Job) -> int:
    return RANK["intern" if job.employment_type == INTERN else job.experience_level]


def _midpoint(job: Job) -> float:
    low, high = job.pay.yearly_usd()
    return (low + high) / 2


def test_pay_rises_with_the_level_in_the_same_role_place_and_kind_of_work(postings):
    """In one role, place and kind of work, every more senior posting pays more (the middle of
    its range) than every less senior one; an intern less than every entry-level salary."""
    groups = defaultdict(list)
    for job in postings:
        if job.salary_min is None:
            continue
        kind = EmploymentType.FULL_TIME if job.employment_type == INTERN else job.employment_type
        groups[(job.role.slug, job.country, job.city, kind)].append(job)
    compared = 0
    for jobs in groups.values():
        for a, b in combinations(jobs, 2):
            if _rank(a) == _rank(b):
                continue
            low, high = sorted((a, b), key=_rank)
            assert _midpoint(low) < _midpoint(high), (low.title, high.title)
            compared += 1
    assert compared > 10_000


def test_descriptions_say_the_level_and_the_kind_of_work(postings):
    for job in postings:
        text = job.description
        assert ("This internship" in text) == (job.employment_type == INTERN), job.title
        assert ("leading teams or managers" in text) == (job.experience_level == EXEC), job.title
        assert ("A degree in a quantitative field" in text) == (job.experience_level == ENTRY)


@pytest.mark.parametrize(
    "data", SEED_JOBS + EMPLOYER_POSTINGS, ids=lambda data: data.get("slug") or data["title"]
)
def test_the_demo_s_own_postings_agree_with_their_titles(data):
    job = Job(
        title=data["title"],
        experience_level=data["experience_level"],
        employment_type=data.get("employment_type", EmploymentType.FULL_TIME),
    )
    assert incoherence(job) is None


def test_the_check_finds_incoherent_postings():
    def job(title, level, kind=EmploymentType.FULL_TIME):
        return Job(title=title, experience_level=level, employment_type=kind)

    assert incoherence(job("Data Science Intern", EXEC, INTERN))
    assert incoherence(job("Data Science Intern", ENTRY))
    assert incoherence(job("Director of Data Science", MID))
    assert incoherence(job("Senior Data Scientist", ENTRY))
    assert incoherence(job("Junior Data Scientist", SENIOR))
    assert incoherence(job("Data Scientist", ENTRY, INTERN))
    assert incoherence(job("Data Scientist I (Contract)", ENTRY, EmploymentType.CONTRACT)) is None


@pytest.mark.django_db
def test_generate_jobs_saves_coherent_postings():
    call_command("generate_jobs", count=1500, seed=9, stdout=io.StringIO())
    saved = list(Job.objects.only("title", "experience_level", "employment_type"))
    assert len(saved) == 1500
    assert [j.title for j in saved if incoherence(j)] == []
