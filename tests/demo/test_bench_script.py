"""The judging logic of scripts/bench.py (make bench): ratios to the floor and the targets."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(bench, target, rps, *, p99_ms=20.0, non_2xx=0, socket_errors=0):
    page = bench.Page("page", "/", target)
    return bench.Run(page, int(rps * 10), 10.0, 5.0, 10.0, p99_ms, socket_errors, non_2xx, 0)


def test_parse_wrk_reads_the_scripts_result_line(bench):
    output = 'Running 10s test\nBENCH {"requests": 12, "duration_us": 1000000}\n'
    assert bench.parse_wrk(output) == {"requests": 12, "duration_us": 1000000}
    with pytest.raises(RuntimeError):
        bench.parse_wrk("Running 10s test\n")


def test_targets_at_sixteen_connections(bench):
    runs = [
        run(bench, 0.5, 600),  # met
        run(bench, 0.5, 400),  # ratio 0.40 missed
        run(bench, 0.15, 200, p99_ms=150),  # p99 missed
        run(bench, None, 1000, non_2xx=3, socket_errors=1),  # errors missed
    ]
    bench.judge(runs, 1000.0, connections=16)
    assert runs[0].ratio == pytest.approx(0.6)
    assert runs[0].misses == []
    assert runs[1].misses == ["ratio 0.40 < 0.50"]
    assert runs[2].misses == ["p99 150 ms"]
    assert runs[3].misses == ["4 errors"]


def test_other_loads_judge_errors_only(bench):
    runs = [run(bench, 0.5, 100, p99_ms=900), run(bench, 0.5, 100, non_2xx=1)]
    bench.judge(runs, 1000.0, connections=64)
    assert runs[0].misses == []
    assert runs[1].misses == ["1 errors"]
    rows = bench.table(runs, 64)
    assert rows[1][-1] == "met" and rows[2][-1].startswith("MISSED")
