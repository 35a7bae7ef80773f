"""Data of every kind the apps split moves, made with the code of before the split (commit 7ca7679).

Run inside that commit's tree as `manage.py shell -c "$(cat before_split_data.py)"`, on a database
its own `migrate` built: the imports name the modules of then (the salary models in `roles`,
employers and API tokens in `jobs`). The API token's key, which is stored nowhere, and a few
names go to the JSON file named by UPGRADE_STATE for the checks after the upgrade.
"""

import json
import os
from datetime import timedelta

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

# isort: split
# Modules of commit 7ca7679: the salary models in `roles`, Employer and ApiToken in `jobs` (ruff
# would sort roles.salary_* among the third-party modules, finding no such files here).
from jobs.models import ApiToken, Employer  # noqa: I001
from roles.salary_demo import survey_csv_lines
from roles.salary_import import import_survey
from roles.salary_models import SalaryTitle, TitleAlias
from roles.salary_stats import refresh_stats, refresh_unmatched
from tests.factories import make_company, make_job, make_role

User = get_user_model()
now = timezone.now()

# Salary titles, aliases, survey and posting records, their figures and the unmatched titles.
engineer = SalaryTitle.objects.create(name="Machine Learning Engineer")
scientist = SalaryTitle.objects.create(name="Data Scientist")
data_engineer = SalaryTitle.objects.create(name="Data Engineer")
TitleAlias.objects.create(alias="ML Engineer", title=engineer)
TitleAlias.objects.create(alias="AI Engineer", title=engineer)
TitleAlias.objects.create(alias="Lead Data Scientist", title=scientist)


def bad_row(line, reason):
    raise ValueError(f"survey line {line}: {reason}")


import_survey(survey_csv_lines(400, seed=11), dataset="before-split", on_bad_row=bad_row)
role = make_role(name="Data Engineer", slug="data-engineer", broader_titles="Engineer")
company = make_company(name="Tessellate AI", slug="tessellate-ai")
make_job(
    company=company, role=role, title="Senior Data Engineer", salary_min=120_000, salary_max=140_000
)
make_job(company=company, title="Staff ML Engineer", salary_min=150_000, salary_max=190_000)
refresh_unmatched()
refresh_stats()
SalaryTitle.objects.filter(pk=scientist.pk).update(needs_refresh=True)

# An employer with two API tokens, one of them used once.
owner = User.objects.create_user(
    username="hiring@tessellate.example", email="hiring@tessellate.example"
)
employer = Employer.objects.create(
    user=owner, company=company, created_company=True, verified_at=now - timedelta(days=2)
)
token, key = ApiToken.issue(user=owner, name="Careers page sync")
token.note_use()
ApiToken.issue(user=owner, name="Greenhouse sync")
joiner = User.objects.create_user(username="new@tessellate.example")
Employer.objects.create(user=joiner, company=company)  # not verified yet

# Staff: an editor, a moderator, one with a permission of their own, and a superuser.
editor = User.objects.create_user(username="editor", is_staff=True)
editor.groups.add(Group.objects.get(name="Editors"))
moderator = User.objects.create_user(username="moderator", is_staff=True)
moderator.groups.add(Group.objects.get(name="Moderators"))
auditor = User.objects.create_user(username="auditor", is_staff=True)
auditor.user_permissions.add(
    Permission.objects.get(content_type__app_label="jobs", codename="view_apitoken"),
    Permission.objects.get(content_type__app_label="roles", codename="view_salarystat"),
)
admin = User.objects.create_superuser(username="admin")

# The admin's history points at objects by content type.
for obj, flag in [(employer, CHANGE), (engineer, CHANGE), (token, ADDITION)]:
    LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=flag,
    )

with open(os.environ["UPGRADE_STATE"], "w") as state:
    json.dump(
        {"token_key": key, "title_slug": data_engineer.slug, "superuser": admin.username}, state
    )
