"""Periodic jobs for the schedule's tests: each run writes when it started and ended."""

import os
import time


def record_run() -> str:
    started = time.time()
    time.sleep(float(os.environ.get("RUN_SECONDS", "0")))
    with open(os.environ["RUN_LOG"], "a") as log:
        log.write(f"{os.getpid()} {started} {time.time()}\n")
    return "recorded"


def fail() -> str:
    raise RuntimeError("the job broke")
