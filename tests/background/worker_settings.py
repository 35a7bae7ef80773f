"""The site's settings, with a one-second periodic job and mail written to files, for the tests
that run real worker processes (test_worker.py)."""

import os

from config.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PERIODIC_JOBS = {"record": {"call": "tests.background.periodic_jobs.record_run", "every": 1}}
SCHEDULE_TICK_SECONDS = 1
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": os.environ.get("MAIL_DIR", "/tmp")},
    }
}
