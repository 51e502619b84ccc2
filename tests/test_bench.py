"""Throughput and memory benchmarks (``make bench``; not part of ``make test``).

Memory is the peak of the summed resident memory of the run and all its worker processes,
sampled from /proc every 0.1 s (``/usr/bin/time -v`` reports only the largest single process).
Figures are printed; run with ``-s`` to see them. Results are recorded in docs/performance.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench

SRC = Path(__file__).resolve().parents[1] / "src"
REUTERS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "raw_news_reuters21578" / "docs.jsonl"


def _tree_rss_kb(root: int) -> int:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def measure(cmd: list[str], timeout: float = 3600) -> tuple[float, int, str]:
    """Run a command; return (seconds, peak summed RSS of its process tree in MB, stderr)."""
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    start = time.monotonic()
    # stderr goes to a file: a pipe read only at the end fills up (64 KB of rejection lines)
    # and blocks the run.
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err, text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            if time.monotonic() - start > timeout:
                proc.kill()
                raise TimeoutError(cmd)
            time.sleep(0.1)
        err.seek(0)
        return time.monotonic() - start, peak // 1024, err.read()


def sample(path: Path, n: int) -> Path:
    with open(REUTERS) as src, open(path, "w") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return path


FAKE_DRIVER = textwrap.dedent("""
    import sys
    from eventwire.engines.fake import FakePipeline
    from eventwire.runner import RunOptions, run

    if __name__ == "__main__":
        run(RunOptions([sys.argv[1]], output=sys.argv[2], workers=2, resume=False),
            pipeline=FakePipeline, say=lambda m: None)
""")


@pytest.fixture(scope="module")
def reuters():
    if not REUTERS.exists():
        pytest.skip(f"{REUTERS} is absent (../shared is not beside the checkout)")
    return REUTERS


def test_run_loop_memory_is_flat_in_input_size(reuters, tmp_path):
    """The machinery (ingest, 2 workers, journal, writers) with the fake pipeline: memory must not
    grow with the number of documents (2,000 vs all 21,578)."""
    driver = tmp_path / "driver.py"
    driver.write_text(FAKE_DRIVER)
    small = sample(tmp_path / "small.jsonl", 2000)
    s_secs, s_peak, _ = measure([sys.executable, str(driver), str(small), str(tmp_path / "s.jsonl")])
    f_secs, f_peak, _ = measure([sys.executable, str(driver), str(reuters), str(tmp_path / "f.jsonl")])
    print(f"\nfake pipeline, 2 workers: 2,000 docs {s_secs:.1f} s peak {s_peak} MB; "
          f"21,578 docs {f_secs:.1f} s peak {f_peak} MB ({21578 / f_secs:.0f} docs/s)")
    assert f_peak <= s_peak * 1.3 + 30, "memory grows with the input"


def test_real_pipeline_throughput_and_memory(reuters, tmp_path):
    try:
        from eventwire import load_pipeline

        load_pipeline()
    except Exception as exc:
        pytest.skip(f"the real pipeline cannot be built here: {type(exc).__name__}: {exc}")
    n = int(os.environ.get("EVENTWIRE_BENCH_DOCS", "500"))
    workers = os.environ.get("EVENTWIRE_BENCH_WORKERS", str(os.cpu_count() or 1))
    docs = sample(tmp_path / "sample.jsonl", n)
    out = tmp_path / "events.jsonl"
    cmd = [sys.executable, "-c", "import sys; from eventwire.cli import main; main()", "code", str(docs),
           "-o", str(out), "--workers", workers, "--no-resume"]
    secs, peak, stderr = measure(cmd)
    articles = sum(1 for _ in open(out))
    events = sum(len(json.loads(line)["events"]) for line in open(out))
    print(f"\nreal pipeline, {workers} workers, {n} Reuters docs: {secs:.1f} s, {n / secs:.1f} docs/s, "
          f"peak {peak} MB, {articles} articles, {events} events\n{stderr}")
    # Reuters-21578 repeats some stories word for word (coded once) and has title-only records
    assert articles > 0.5 * n
    assert peak < 1500 * (int(workers) + 1)
