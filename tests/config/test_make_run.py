"""`make run` serves on PORT and tells the site so: e-mail links point where it is served."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_sets_site_url_from_port():
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS", "MFLAGS")}
    dry_run = subprocess.run(
        ["make", "--dry-run", "run", "PORT=8123"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert 'SITE_URL="${SITE_URL:-http://127.0.0.1:8123}"' in dry_run.stdout
    assert "runserver 127.0.0.1:8123" in dry_run.stdout
