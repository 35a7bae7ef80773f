"""The demo's companies and job postings, loaded idempotently: rerunning refreshes them in place.

Five featured postings from real employers lead the list; a fixed-seed generator adds a few
hundred more so the lists, filters, closed pages and moderation queues all have something to
show. Every date is relative to the load time, so the demo never goes stale. The demo's postings
are known by their slugs; no other posting is touched.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.page_cache import pages_changed
from demo.job_generator import JobGenerator, ensure_companies, published_roles
from demo.job_vocabulary import CURATED_COMPANIES
from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, Workplace
from jobs.models import Company, Job, StatusChange

DEMO_SEED = 2025
GENERATED_JOBS = 230
# Positions among the generated postings that are not simply open: closed pages and the queues.
SPECIAL_STATUSES = {
    11: JobStatus.FILLED, 37: JobStatus.FILLED, 64: JobStatus.EXPIRED, 88: JobStatus.FILLED,
    109: JobStatus.EXPIRED, 131: JobStatus.PENDING, 152: JobStatus.PENDING,
    173: JobStatus.DRAFT, 191: JobStatus.REJECTED, 207: JobStatus.PENDING,
    219: JobStatus.DRAFT, 226: JobStatus.REJECTED,
}  # fmt: skip
FEATURED_POSITIONS = {4, 58, 121, 186}
FEATURED_DAYS = 30

SEED_COMPANIES = [
    {
        "slug": "murmuration",
        "name": "murmuration",
        "website": "https://murmuration.org",
        "description": (
            "murmuration is a nonprofit that gives civic organizations the data, research and "
            "tools they need to reach more people and measure what works."
        ),
    },
    {
        "slug": "mckesson",
        "name": "McKesson",
        "website": "https://www.mckesson.com",
        "description": (
            "McKesson is a healthcare company that distributes medicines and medical supplies "
            "and builds technology for pharmacies, providers and drug makers. It is based in "
            "Irving, Texas."
        ),
    },
    {
        "slug": "brookhaven-national-laboratory",
        "name": "Brookhaven National Laboratory",
        "website": "https://www.bnl.gov",
        "description": (
            "Brookhaven National Laboratory is a U.S. Department of Energy laboratory on Long "
            "Island, New York, with research in nuclear and particle physics, energy, materials "
            "and computing, and large facilities used by scientists from around the world."
        ),
    },
]

MURMURATION_REMOTE = {
    "workplace": Workplace.REMOTE,
    "remote_region": "anywhere in the U.S.",
    "country": "US",
}
BNL_SITE = {"workplace": Workplace.ONSITE, "city": "Upton", "region": "NY", "country": "US"}

SEED_JOBS = [
    {
        "title": "Data Engineer",
        "company": "murmuration",
        "role": "data-engineer",
        **MURMURATION_REMOTE,
        "experience_level": ExperienceLevel.MID,
        "salary": (100_000, 130_000),
        "apply_url": "https://murmuration.org/careers/data-engineer",
        "skills": "Python, SQL, dbt, Airflow, BigQuery, Data modeling",
        "hours_ago": 5,
        "description": """\
murmuration's data team builds the infrastructure that our partner organizations rely on to
plan their outreach, understand the communities they serve and learn from every campaign. We are
a small, mission-driven team, and the pipelines you build will be used by organizers across the
country.

### What you'll do

- Build and maintain dependable pipelines that bring public, partner and survey data into our
  warehouse
- Model that data in SQL and dbt so analysts and partners can use it with confidence
- Automate checks for quality, freshness and our privacy rules
- Work with data scientists to move their models and scores into production
- Keep our cloud data platform fast and its costs predictable
- Document what you build so the next person can pick it up

### What you bring

- Two or more years building data pipelines in Python and SQL
- Experience with a cloud warehouse such as BigQuery, Redshift or Snowflake
- Familiarity with an orchestration tool like Airflow or Prefect
- Care in handling sensitive personal data responsibly
- Curiosity about civic life and a collaborative way of working

### Pay and benefits

The salary range is $100,000 to $130,000 a year, depending on experience. Benefits include
medical, dental and vision cover, a retirement plan with an employer contribution, generous
paid time off and a yearly budget for professional development.

### Location

Fully remote, open to candidates anywhere in the U.S., with occasional travel to team
gatherings.
""",
    },
    {
        "title": "Senior Data Scientist",
        "company": "murmuration",
        "role": "data-scientist",
        **MURMURATION_REMOTE,
        "experience_level": ExperienceLevel.SENIOR,
        "salary": (120_000, 150_000),
        "apply_url": "https://murmuration.org/careers/senior-data-scientist",
        "skills": "Python, R, Statistics, Survey research, Causal inference, SQL",
        "hours_ago": 29,
        "description": """\
Our research and data science team helps partner organizations understand the people they want
to reach and which efforts actually make a difference. As a senior data scientist you will lead
analyses from the first question to the final recommendation, and help shape how the team
works.

### What you'll do

- Build and maintain predictive models that help partners prioritize their outreach
- Design experiments and survey studies, and measure the effect of real programs
- Turn results into clear briefs and presentations for non-technical audiences
- Review teammates' methods and code, and mentor junior analysts
- Work with data engineers to keep models reproducible and running on schedule
- Keep an eye on fairness and privacy in every model we ship

### What you bring

- Five or more years of applied statistics or data science experience
- Strong Python or R, and solid SQL
- Experience with experimental design, survey data or causal inference
- The ability to explain uncertainty honestly and simply
- A commitment to the civic mission behind our work

### Pay and benefits

The salary range is $120,000 to $150,000 a year. We offer comprehensive health cover, a
retirement plan with an employer contribution, flexible hours and a learning budget.

### Location

Fully remote, anywhere in the U.S.
""",
    },
    {
        "title": "Director, Data Platform Engineering",
        "company": "mckesson",
        "role": None,
        "workplace": Workplace.ONSITE,
        "street_address": "1110 Sanctuary Parkway",
        "city": "Alpharetta",
        "region": "GA",
        "postal_code": "30009",
        "country": "US",
        "experience_level": ExperienceLevel.EXECUTIVE,
        "salary": (142_000, 237_000),
        "apply_url": (
            "https://careers.mckesson.com/en/job/alpharetta/director-data-platform-engineering"
        ),
        "skills": "Data platforms, Cloud architecture, Data governance, Spark, Snowflake, "
        "Engineering leadership",
        "hours_ago": 52,
        "description": """\
McKesson's data platform supports the teams that keep medicines moving to pharmacies, hospitals
and clinics every day. We are looking for a director to lead the engineers who build and run
that platform, and to set its direction for the next several years.

### What you'll do

- Lead several engineering teams that own data ingestion, storage, processing and access
- Set the platform strategy and roadmap with architecture, security and business leaders
- Guide the move of legacy workloads to a modern cloud data platform
- Establish standards for data quality, governance and cost management
- Hire, develop and retain strong engineers and engineering managers
- Report on platform health, delivery and spending to senior leadership

### What you bring

- Ten or more years in data engineering, with at least five leading teams and managers
- Hands-on depth in cloud data platforms, distributed processing and warehousing
- Experience running platforms in a regulated industry such as healthcare or finance
- A record of delivering large, multi-team programs
- Clear communication with both engineers and executives

### Pay and benefits

The base pay range is $142,000 to $237,000 a year, set by experience and location. The role
may also be eligible for an annual bonus, alongside health, retirement and paid time off
benefits.

### Location

On site at our Alpharetta office, 1110 Sanctuary Parkway, Alpharetta, GA 30009.
""",
    },
    {
        "title": "Postdoctoral Research Associate – Detector and Data Acquisition System",
        "company": "brookhaven-national-laboratory",
        "role": None,
        **BNL_SITE,
        "postal_code": "11973",
        "experience_level": ExperienceLevel.MID,
        "salary": (70_000, 90_000),
        "apply_url": (
            "https://jobs.bnl.gov/job/upton/"
            "postdoctoral-research-associate-detector-and-data-acquisition-system"
        ),
        "skills": "Data acquisition, FPGA, C++, Python, Particle detectors, Linux",
        "hours_ago": 75,
        "description": """\
The laboratory's physics groups build and operate detectors for nuclear and particle physics
experiments. This postdoctoral position joins the team developing detector readout and the data
acquisition system that records collisions, from the front-end electronics to the software that
stores every event.

### What you'll do

- Develop and test data acquisition software and firmware for detector readout
- Characterize detector prototypes in the lab and at test beams
- Build tools to monitor data quality while the experiment runs
- Analyze performance data and feed the results back into the design
- Present your work at collaboration meetings and conferences, and publish it
- Work closely with engineers, technicians and physicists across the laboratory

### What you bring

- A PhD in physics, electrical engineering or a related field, awarded within the last few
  years or expected soon
- Experience with particle or radiation detectors and their readout
- Programming skills in C++ and Python on Linux
- Familiarity with FPGAs or DAQ frameworks is a strong plus
- Enjoyment of hands-on lab work as well as analysis

### Pay and benefits

The salary range is $70,000 to $90,000 a year. Benefits include medical and dental cover, a
retirement plan, paid time off and support for conference travel.

### Location

On site at the laboratory in Upton, NY 11973.
""",
    },
    {
        "title": "Electronics Engineer – Electronics",
        "company": "brookhaven-national-laboratory",
        "role": None,
        **BNL_SITE,
        "experience_level": ExperienceLevel.SENIOR,
        "salary": (78_000, 82_000),
        "apply_url": "https://jobs.bnl.gov/job/upton/electronics-engineer-electronics",
        "skills": "Analog design, Digital design, PCB layout, FPGA, VHDL, Test and measurement",
        "hours_ago": 120,
        "description": """\
The electronics group designs the instruments that let the laboratory's experiments see what
happens inside a detector, from low-noise amplifiers to high-speed digital boards. We are
looking for an experienced engineer to take designs from a sketch to a working, documented
system.

### What you'll do

- Design analog and mixed-signal circuits for detector front ends
- Lay out and bring up printed circuit boards, working with fabrication vendors
- Write FPGA firmware for control, triggering and data readout
- Test prototypes, measure noise and timing, and chase down problems
- Produce clear schematics, test reports and documentation
- Support installation and commissioning at the experiments

### What you bring

- A degree in electrical engineering and several years of design experience
- Confidence with analog and digital design and with PCB layout tools
- Experience with FPGAs and a hardware description language such as VHDL
- Comfort with oscilloscopes, spectrum analyzers and other lab equipment
- Careful, methodical work habits and good written communication

### Pay and benefits

The salary range is $78,000 to $82,000 a year. Benefits include medical and dental cover, a
retirement plan and paid time off.

### Location

On site at the laboratory in Upton, NY.
""",
    },
]

# What a reload rewrites: everything except the identity and the creation time.
UPDATED_FIELDS = [
    f.name for f in Job._meta.concrete_fields if f.name not in ("id", "slug", "created_at")
]


def seed_slug(data: dict) -> str:
    company = next(c for c in SEED_COMPANIES if c["slug"] == data["company"])
    return slugify(f"{data['title']} {company['name']}")


@transaction.atomic
def load_jobs(now: datetime | None = None) -> tuple[int, int]:
    """Create or refresh the demo companies and postings; return how many of each."""
    now = now or timezone.now()
    companies = [_load_company(data) for data in SEED_COMPANIES]
    generated_companies, _ = ensure_companies(len(CURATED_COMPANIES))
    roles = published_roles()
    by_slug = {company.slug: company for company in companies}
    for data in SEED_JOBS:
        _load_seed_job(data, by_slug[data["company"]], roles, now)
    jobs = _generated_jobs(generated_companies, roles, now)
    _save_in_bulk(jobs, now)
    return len(companies) + len(generated_companies), len(SEED_JOBS) + len(jobs)


def _load_company(data: dict) -> Company:
    company = Company.objects.filter(slug=data["slug"]).first() or Company(slug=data["slug"])
    for name, value in data.items():
        setattr(company, name, value)
    company.full_clean()
    company.save()
    return company


def _load_seed_job(data: dict, company: Company, roles: dict, now: datetime) -> Job:
    slug = seed_slug(data)
    job = Job.objects.filter(slug=slug).first() or Job(slug=slug)
    posted_at = now - timedelta(hours=data["hours_ago"])
    fields = {
        "company": company,
        "role": roles.get(data["role"]) if data["role"] else None,
        "employment_type": EmploymentType.FULL_TIME,
        "salary_min": data["salary"][0],
        "salary_max": data["salary"][1],
        "salary_currency": "USD",
        "status": JobStatus.PUBLISHED,
        "posted_at": posted_at,
        "expires_at": posted_at + timedelta(days=45),
        "featured_until": now + timedelta(days=FEATURED_DAYS),
        **{k: v for k, v in data.items() if k not in ("company", "role", "salary", "hours_ago")},
    }
    for name, value in fields.items():
        setattr(job, name, value)
    job.full_clean()
    job.save()
    return job


def _generated_jobs(companies: list[Company], roles: dict, now: datetime) -> list[Job]:
    generator = JobGenerator(DEMO_SEED, companies, roles, now)
    taken = {seed_slug(data) for data in SEED_JOBS}
    jobs = []
    for position in range(GENERATED_JOBS):
        job = generator.job(
            status=SPECIAL_STATUSES.get(position, JobStatus.PUBLISHED),
            featured=position in FEATURED_POSITIONS,
        )
        # Natural slugs, numbered like Job.unique_slug() does when a title repeats.
        base = generator.slug_base(job)
        job.slug, n = base, 1
        while job.slug in taken:
            n += 1
            job.slug = f"{base}-{n}"
        taken.add(job.slug)
        jobs.append(job)
    return jobs


def _save_in_bulk(jobs: list[Job], now: datetime) -> None:
    """Update the postings a previous load made, in place; create the rest."""
    existing = dict(
        Job.objects.filter(slug__in=[job.slug for job in jobs]).values_list("slug", "pk")
    )
    Job.objects.bulk_create([job for job in jobs if job.slug not in existing])
    # One UPDATE per posting: for a few hundred rows, faster than bulk_update's CASE per column.
    for job in jobs:
        if job.slug in existing:
            job.updated_at = now
            values = {name: getattr(job, name) for name in UPDATED_FIELDS}
            Job.objects.filter(pk=existing[job.slug]).update(**values)
    pages_changed()


# Two postings of the demo employer that are not live, so the dashboard shows a draft and a
# reviewer's message from the first visit on.
EMPLOYER_POSTINGS = [
    {
        "slug": "demo-applied-scientist-retrieval",
        "title": "Applied Scientist, Retrieval",
        "status": JobStatus.CHANGES,
        "experience_level": ExperienceLevel.SENIOR,
        "workplace": Workplace.HYBRID,
        "city": "Berlin",
        "country": "DE",
        "description": (
            "Tessellate AI builds search for technical documentation. You will design and "
            "evaluate retrieval models that find the right passage among millions.\n\n"
            "### What you bring\n\n- Experience training dense retrievers or rerankers\n"
            "- Python and PyTorch\n- Care for offline and online evaluation"
        ),
        "skills": "Information retrieval, PyTorch, Python, Evaluation",
        "apply_url": "https://tessellate-ai.example.com/careers/applied-scientist-retrieval",
        "review_note": (
            "Thanks for the posting. Please state the salary range (postings on this board show "
            "pay), then submit it again."
        ),
    },
    {
        "slug": "demo-data-engineer-streaming",
        "title": "Data Engineer, Streaming",
        "status": JobStatus.DRAFT,
        "experience_level": ExperienceLevel.MID,
        "workplace": Workplace.REMOTE,
        "country": "DE",
        "remote_region": "anywhere in the EU",
        "description": "Build the pipelines that feed our search index in real time.",
        "skills": "Kafka, Flink, SQL",
        "apply_url": "",
        "review_note": "",
    },
]


@transaction.atomic
def load_employer_postings(employer, reviewer) -> None:
    """The demo employer's draft and its posting sent back for changes, with their history."""
    now = timezone.now()
    for data in EMPLOYER_POSTINGS:
        data = dict(data)
        note = data.pop("review_note")
        job = Job.objects.filter(slug=data["slug"]).first() or Job(slug=data["slug"])
        for name, value in data.items():
            setattr(job, name, value)
        job.company, job.created_by = employer.company, employer.user
        job.submitted_at = now - timedelta(days=1) if note else None
        job.full_clean(exclude=["slug"])
        job.save()
        job.status_changes.all().delete()
        StatusChange.objects.create(
            job=job,
            actor=employer.user,
            to_status=JobStatus.DRAFT,
            created_at=now - timedelta(days=2),
        )
        if note:
            StatusChange.objects.create(
                job=job,
                actor=employer.user,
                from_status=JobStatus.DRAFT,
                to_status=JobStatus.PENDING,
                created_at=job.submitted_at,
            )
            StatusChange.objects.create(
                job=job,
                actor=reviewer,
                from_status=JobStatus.PENDING,
                to_status=JobStatus.CHANGES,
                note=note,
                created_at=now - timedelta(hours=5),
            )
