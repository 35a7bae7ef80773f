from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.statistics import analyze
from demo.guides import load_roles_and_guides
from demo.images import give_hero_images, give_logos
from demo.jobs import load_employer_postings, load_jobs
from demo.pages import load_pages
from demo.salary_survey import load_salary_demo
from employers.models import Employer
from jobs import verification
from jobs.models import Company
from roles.models import Guide
from salaries.services import refresh_salaries

# Only ever created while DEBUG is on (the embedded demo), never in production.
DEMO_EDITOR = {"username": "editor", "password": "demo-editor-pass", "email": "editor@example.com"}
# The editor writes guides and also reviews job postings.
DEMO_EDITOR_GROUPS = ["Editors", "Moderators"]
# A verified employer account for one of the demo companies (DEBUG only, like the editor).
DEMO_EMPLOYER = {"company": "Tessellate AI", "mailbox": "hiring", "password": "demo-employer-pass"}


class Command(BaseCommand):
    help = (
        "Load the demo content (roles, guides, companies, jobs and a salary survey). "
        "Safe to run again: it updates in place."
    )

    def handle(self, *args, **options):
        editor = self.demo_editor() if settings.DEBUG else None
        roles, guides = load_roles_and_guides(editor=editor)
        companies, jobs = load_jobs()
        give_logos(Company.objects.all())
        give_hero_images(Guide.objects.all())
        survey = load_salary_demo()
        pages = load_pages()
        refresh_salaries()
        analyze()  # planner statistics for the tables just filled (PostgreSQL)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded: {roles} roles, {guides} guides, "
                f"{companies} companies, {jobs} jobs, {survey.imported:,} salary-survey records, "
                f"{pages} site pages."
            )
        )
        if editor:
            self.stdout.write(
                f"Editor account for the admin at /admin/: username “{DEMO_EDITOR['username']}”, "
                f"password “{DEMO_EDITOR['password']}” (demo only; not created when DEBUG is off)."
            )
            employer = self.demo_employer()
            load_employer_postings(employer, reviewer=editor)
            self.stdout.write(
                f"Employer account at /employers/log-in/: “{employer.user.email}”, password "
                f"“{DEMO_EMPLOYER['password']}” ({employer.company}; demo only)."
            )

    def demo_editor(self):
        user, _ = get_user_model().objects.update_or_create(
            username=DEMO_EDITOR["username"],
            defaults={
                "email": DEMO_EDITOR["email"],
                "first_name": "Maya",
                "last_name": "Okafor",
                "is_staff": True,
                "is_active": True,
            },
        )
        user.set_password(DEMO_EDITOR["password"])
        user.save()
        user.groups.add(*(Group.objects.get(name=name) for name in DEMO_EDITOR_GROUPS))
        return user

    def demo_employer(self) -> Employer:
        company = Company.objects.get(name=DEMO_EMPLOYER["company"])
        email = f"{DEMO_EMPLOYER['mailbox']}@{company.domain or 'example.com'}"
        user, _ = get_user_model().objects.update_or_create(
            username=email, defaults={"email": email, "first_name": "Jonas", "is_active": True}
        )
        user.set_password(DEMO_EMPLOYER["password"])
        user.save()
        employer, _ = Employer.objects.update_or_create(
            user=user, defaults={"company": company, "verified_at": timezone.now()}
        )
        # Its confirmed address is at the company's website domain: the company is verified,
        # as a real sign-up's confirmation would make it.
        verification.recheck(company, user)
        return employer
