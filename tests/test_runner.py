"""The run loop: outputs, rejects, summary, exit code, and resume after a crash (kill -9)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from eventwire.engines.fake import FakePipeline
from eventwire.engines.inprocess import InProcessEngine
from eventwire.runner import Journal, RunError, RunOptions, events_table, run

SRC = Path(__file__).resolve().parents[1] / "src"


def make_inputs(root: Path, n: int = 300, bad: bool = True) -> Path:
    """n small JSONL records (some with events), a few bad records, and a duplicate."""
    root.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        verb = ("met", "accused", "visited", "said")[i % 4]
        lines.append(json.dumps({"id": f"doc{i}", "text": f"Paris {verb} Berlin about item {i}. Officials spoke."}))
    if bad:
        lines.insert(10, "{not json")
        lines.insert(20, json.dumps({"id": "empty1", "text": ""}))
        lines.append(json.dumps({"id": "dup", "text": "Paris met Berlin about item 0. Officials spoke."}))
    (root / "docs.jsonl").write_text("\n".join(lines) + "\n")
    (root / "a.txt").write_text("Rome praised Oslo for the deal. It was signed.")
    return root


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def quiet_run(options: RunOptions, pipeline=None, **kw):
    messages: list[str] = []
    summary = run(options, pipeline=pipeline or FakePipeline(), say=messages.append, **kw)
    return summary, messages


def test_articles_rejects_and_summary(tmp_path):
    inputs = make_inputs(tmp_path / "in", n=20)
    out = tmp_path / "out" / "articles.jsonl"
    summary, messages = quiet_run(RunOptions([str(inputs)], output=str(out), workers=1))
    articles = lines_of(out)
    assert len(articles) == 21 and len({a["id"] for a in articles}) == 21
    rejects = lines_of(tmp_path / "out" / "articles.rejects.jsonl")
    assert sorted(r["reason"] for r in rejects) == ["empty", "malformed"]
    assert summary.read == 24 and summary.this_run.coded == 21 and summary.this_run.duplicates == 1
    assert dict(summary.this_run.rejected) == {"malformed": 1, "empty": 1}
    assert summary.this_run.with_events == 16  # "said" gives no event in the fake
    assert summary.this_run.events_written == sum(len(a["events"]) for a in articles) == 16
    assert summary.exit_code == 1
    assert len(messages) == 2 and all(m.startswith("eventwire: rejected ") and "\n" not in m for m in messages)
    text = "\n".join(summary.lines())
    for needle in ("documents read      24", "coded               21", "with events         16",
                   "rejected            2 (empty 1, malformed 1)", "events written      16",
                   "duplicates skipped  1"):
        assert needle in text


def test_events_mode_writes_one_event_a_line(tmp_path):
    inputs = make_inputs(tmp_path / "in", n=8, bad=False)
    out = tmp_path / "events.jsonl"
    summary, _ = quiet_run(RunOptions([str(inputs)], output=str(out), events=True, workers=1))
    events = lines_of(out)
    assert len(events) == summary.this_run.events_written == 7
    for key in ("article_id", "sentence_index", "sentence", "type", "mode", "cameo", "goldstein",
                "quad_class", "actors", "recipients", "trigger", "date", "date_precision", "negated",
                "future", "explanation"):
        assert key in events[0]
    assert summary.exit_code == 0 and not (tmp_path / "events.rejects.jsonl").exists()


def test_stdout_output_and_limit(tmp_path, capfd):
    inputs = make_inputs(tmp_path / "in", n=50, bad=False)
    summary, _ = quiet_run(RunOptions([str(inputs)], output=None, limit=5, workers=1))
    out = capfd.readouterr().out.splitlines()
    assert len(out) == 5 and summary.read == 5
    assert not list(tmp_path.glob("**/*.journal"))


def test_rerunning_a_finished_run_writes_nothing(tmp_path):
    inputs = make_inputs(tmp_path / "in", n=30)
    out = tmp_path / "a.jsonl"
    first, _ = quiet_run(RunOptions([str(inputs)], output=str(out), workers=1))
    before = (out.read_bytes(), (tmp_path / "a.rejects.jsonl").read_bytes())
    again, messages = quiet_run(RunOptions([str(inputs)], output=str(out), workers=1))
    assert (out.read_bytes(), (tmp_path / "a.rejects.jsonl").read_bytes()) == before
    assert again.this_run.coded == 0 and sum(again.this_run.rejected.values()) == 0 and messages == []
    assert again.already_done == first.read  # the duplicate too: its content is done
    assert again.exit_code == first.exit_code == 1  # the output still holds rejects
    assert again.total.coded == first.this_run.coded


def test_resume_after_a_torn_write_equals_an_uninterrupted_run(tmp_path):
    inputs = make_inputs(tmp_path / "in", n=300)
    full = tmp_path / "full.jsonl"
    quiet_run(RunOptions([str(inputs)], output=str(full), workers=1))

    out = tmp_path / "cut.jsonl"
    quiet_run(RunOptions([str(inputs)], output=str(out), workers=1, checkpoint_seconds=0),
              engine=InProcessEngine(FakePipeline(), chunk_size=8))
    # Make it look like a kill -9 mid-run: the journal loses its last checkpoints and ends in a
    # torn line; the output has lines past the last checkpoint and a torn last line.
    journal = Path(str(out) + ".journal")
    kept = journal.read_text().splitlines(keepends=True)[:12]
    journal.write_text("".join(kept) + '{"out": 12, "ke')
    with open(out, "ab") as f:
        f.write(b'{"id": "torn", "text": "half a li')
    assert Journal(journal).load().output_size < out.stat().st_size

    resumed, _ = quiet_run(RunOptions([str(inputs)], output=str(out), workers=1))
    assert resumed.already_done > 0 and resumed.this_run.coded > 0
    got, want = lines_of(out), lines_of(full)
    assert len(got) == len({a["id"] for a in got})  # no duplicates
    assert {a["id"] for a in got} == {a["id"] for a in want}
    assert sorted(json.dumps(a, sort_keys=True) for a in got) == sorted(json.dumps(a, sort_keys=True) for a in want)
    assert sorted(r["id"] for r in lines_of(tmp_path / "cut.rejects.jsonl")) == \
        sorted(r["id"] for r in lines_of(tmp_path / "full.rejects.jsonl"))
    assert resumed.total.coded == len(want)


def test_resume_refuses_other_options_or_a_changed_output(tmp_path):
    inputs = make_inputs(tmp_path / "in", n=10)
    out = tmp_path / "a.jsonl"
    quiet_run(RunOptions([str(inputs)], output=str(out), workers=1))
    with pytest.raises(RunError, match="other options .*events"):
        quiet_run(RunOptions([str(inputs)], output=str(out), events=True, workers=1))
    out.write_text("")
    with pytest.raises(RunError, match="shorter"):
        quiet_run(RunOptions([str(inputs)], output=str(out), workers=1))
    # --no-resume starts over, whatever was there
    summary, _ = quiet_run(RunOptions([str(inputs)], output=str(out), events=True, resume=False, workers=1))
    assert summary.this_run.coded == 11 and summary.already_done == 0


def test_rejects_file_cannot_be_the_output(tmp_path):
    inputs = make_inputs(tmp_path / "in", n=3)
    with pytest.raises(RunError, match="same file"):
        quiet_run(RunOptions([str(inputs)], output=str(tmp_path / "a.jsonl"),
                             rejects=str(tmp_path / "a.jsonl"), workers=1))


def test_local_engine_output_equals_inprocess(tmp_path):
    inputs = make_inputs(tmp_path / "in", n=120)
    quiet_run(RunOptions([str(inputs)], output=str(tmp_path / "one.jsonl"), workers=1))
    quiet_run(RunOptions([str(inputs)], output=str(tmp_path / "two.jsonl"), workers=2), pipeline=FakePipeline)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


def test_table_lists_events(tmp_path):
    from rich.console import Console

    inputs = make_inputs(tmp_path / "in", n=4, bad=False)
    summary, _ = quiet_run(RunOptions([str(inputs)], table=True, workers=1))
    assert len(summary.table_rows) == summary.this_run.events_written == 4
    console = Console(width=200, record=True, file=open(os.devnull, "w"))
    console.print(events_table(summary.table_rows))
    text = console.export_text()
    for word in ("article", "CAMEO", "target", "trigger", "Paris", "Berlin", "040", "accused"):
        assert word in text


def test_store_receives_articles_and_rejects(tmp_path):
    try:
        from eventwire.store import EventStore
    except ImportError as exc:
        pytest.skip(f"eventwire.store is not available yet: {exc}")
    inputs = make_inputs(tmp_path / "in", n=12)
    db = tmp_path / "events.duckdb"
    summary, _ = quiet_run(RunOptions([str(inputs)], db=str(db), workers=1))
    with EventStore(db) as store:
        counts = store.counts()
        assert counts["articles"] == summary.this_run.coded == 13
        assert counts["rejected"] == 2
        runs = store.query("SELECT command, stats FROM runs")
        assert len(runs) == 1 and json.loads(runs[0]["stats"])["coded"] == 13
    # Without -o the store itself says what is done: a second run codes nothing again.
    again, _ = quiet_run(RunOptions([str(inputs)], db=str(db), workers=1))
    assert again.this_run.coded == 0 and again.already_done == 14  # 13 + the duplicate


DRIVER = textwrap.dedent("""
    import sys
    from eventwire.engines.fake import FakePipeline
    from eventwire.runner import RunOptions, run

    if __name__ == "__main__":
        inputs, output, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
        run(RunOptions([inputs], output=output, workers=2, checkpoint_seconds=0.05),
            pipeline=FakePipeline(delay=delay), say=lambda m: None)
""")


def test_sigkill_then_resume_equals_an_uninterrupted_run(tmp_path):
    """A real process running the run loop (2 worker processes) is killed with SIGKILL."""
    inputs = make_inputs(tmp_path / "in", n=400)
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))

    def start(output: Path, delay: float) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, str(driver), str(inputs), str(output), str(delay)],
                                env=env, start_new_session=True)

    full = tmp_path / "full.jsonl"
    assert start(full, 0).wait(timeout=60) == 0

    out = tmp_path / "killed.jsonl"
    proc = start(out, 0.01)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 60:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, as kill -9 would
    proc.wait(timeout=10)
    partial = out.read_bytes().count(b"\n")
    assert 60 <= partial < 400, "the kill should land mid-run"

    assert start(out, 0).wait(timeout=60) == 0
    got, want = lines_of(out), lines_of(full)
    assert len(got) == len({a["id"] for a in got}), "a document was coded twice"
    assert sorted(json.dumps(a, sort_keys=True) for a in got) == sorted(json.dumps(a, sort_keys=True) for a in want)
    assert sorted(map(json.dumps, lines_of(tmp_path / "killed.rejects.jsonl"))) == \
        sorted(map(json.dumps, lines_of(tmp_path / "full.rejects.jsonl")))
    # and a third run of the same command does nothing
    size = out.stat().st_size
    assert start(out, 0).wait(timeout=60) == 0 and out.stat().st_size == size


def test_a_small_run_without_workers_codes_in_process(tmp_path):
    inputs = make_inputs(tmp_path / "in", n=5, bad=False)
    pipeline = FakePipeline()
    pipeline.unpicklable = lambda: None  # would fail to reach a worker process
    summary, _ = quiet_run(RunOptions([str(inputs)], output=str(tmp_path / "o.jsonl")), pipeline=pipeline)
    assert summary.this_run.coded == 6
