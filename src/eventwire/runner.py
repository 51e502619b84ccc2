"""The run loop behind ``eventwire code``: sources -> engine -> writers, with progress and resume.

    summary = run(RunOptions(inputs=["news/"], output="events.jsonl", events=True))

Every input record ends up in exactly one place: an article (or its events) in the output, a
rejected record (with its reason) in the rejects file and/or the store, or a count in the
summary (a duplicate of a document already coded, a document a previous run already did).

Workers are started with the ``spawn`` method: a script that calls ``run`` with more than one
worker must guard its entry point with ``if __name__ == "__main__":``.

Resume. With an output file, a journal (``OUTPUT.journal``) records, at each checkpoint, the
content hashes of the documents whose lines are in the output and the byte sizes of the output
and rejects files at that point; the output is flushed before the journal line is written. A run
killed at any moment (even ``kill -9``) and started again with the same command truncates both
files to the last checkpoint, skips the documents the journal lists, and codes the rest: no
document twice, none missed. Re-running a finished run reads the inputs and writes nothing.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .config import Config
from .engines import Engine, PipelineFactory, PipelineLike, for_workers
from .engines.base import DEFAULT_TIMEOUT
from .errors import EventwireError
from .ingest import IngestOptions, check_inputs, estimate_total, read_inputs
from .model import Article, Document, Event, Rejected, content_hash

JOURNAL_VERSION = 1
CHECKPOINT_SECONDS = 1.0
CHECKPOINT_DOCUMENTS = 500
SMALL_RUN = 64  # with no --workers, fewer documents than this are coded in-process


class RunError(EventwireError):
    """A run cannot start or go on (conflicting resume state, a missing store, ...)."""


@dataclass
class RunOptions:
    """Everything ``eventwire code`` can be told. ``output=None`` (or '-') writes to stdout."""

    inputs: Sequence[str]
    output: str | None = None
    events: bool = False  # one event a line instead of one article a line
    rejects: str | None = None  # default: OUTPUT's name with .rejects.jsonl, next to it
    db: str | None = None  # DuckDB file for eventwire.store
    workers: int | None = None  # None: os.cpu_count()
    limit: int | None = None  # read at most this many input records
    resume: bool = True
    table: bool = False  # keep the events for a table (and write no JSONL to stdout)
    config: Config = field(default_factory=Config)
    ingest: IngestOptions | None = None
    progress: bool | None = None  # None: only when stderr is a terminal
    command: str | None = None  # recorded with the run in the store
    checkpoint_seconds: float = CHECKPOINT_SECONDS  # how much work a kill -9 can cost at most
    timeout: float | None = DEFAULT_TIMEOUT  # seconds a document may take; then "timeout"

    @property
    def output_path(self) -> Path | None:
        return None if self.output in (None, "-") else Path(self.output)

    @property
    def rejects_path(self) -> Path | None:
        if self.rejects:
            return Path(self.rejects)
        out = self.output_path
        if out is None:
            return None
        stem = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
        return out.with_name(stem + ".rejects.jsonl")

    @property
    def journal_path(self) -> Path | None:
        out = self.output_path
        return out.with_name(out.name + ".journal") if out else None

    def settings(self) -> dict[str, Any]:
        """What decides the content of the output: a resumed run must have the same."""
        ingest = self.ingest or IngestOptions(max_chars=self.config.max_chars)
        return {
            "events": self.events,
            "model": self.config.model,
            "dictionaries": [str(p) for p in self.config.user_dictionaries],
            "max_chars": self.config.max_chars,
            "fields": dict(ingest.fields),
            "rejects": str(self.rejects_path) if self.rejects_path else None,
        }


@dataclass
class Totals:
    """Counts that add up over a run and its resumptions (kept in the journal)."""

    coded: int = 0
    with_events: int = 0
    events_written: int = 0
    rejected: Counter = field(default_factory=Counter)
    duplicates: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"coded": self.coded, "with_events": self.with_events,
                "events_written": self.events_written, "rejected": dict(self.rejected),
                "duplicates": self.duplicates}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Totals":
        return cls(d.get("coded", 0), d.get("with_events", 0), d.get("events_written", 0),
                   Counter(d.get("rejected", {})), d.get("duplicates", 0))

    def __add__(self, other: "Totals") -> "Totals":
        return Totals(self.coded + other.coded, self.with_events + other.with_events,
                      self.events_written + other.events_written, self.rejected + other.rejected,
                      self.duplicates + other.duplicates)


@dataclass
class RunSummary:
    """What a run did. ``this_run`` counts this invocation; ``total`` adds resumed runs."""

    read: int = 0  # input records read (documents and records rejected on reading)
    already_done: int = 0  # skipped: coded or rejected by an earlier run into this output
    ignored: list[str] = field(default_factory=list)  # files no source reads (by type)
    this_run: Totals = field(default_factory=Totals)
    previous: Totals = field(default_factory=Totals)
    seconds: float = 0.0
    output: str | None = None
    rejects: str | None = None
    resumed: bool = False
    table_rows: list[tuple[Article, Event]] = field(default_factory=list)

    @property
    def total(self) -> Totals:
        return self.previous + self.this_run

    @property
    def exit_code(self) -> int:
        """0 when every document was coded, 1 when any was rejected (this run or resumed)."""
        return 1 if sum(self.total.rejected.values()) else 0

    def to_dict(self) -> dict[str, Any]:
        return {"read": self.read, "already_done": self.already_done, "ignored": len(self.ignored),
                "seconds": round(self.seconds, 3), **self.this_run.to_dict(),
                "total": self.total.to_dict(), "output": self.output, "rejects": self.rejects}

    def lines(self) -> list[str]:
        t = self.this_run
        rate = (t.coded + sum(t.rejected.values())) / self.seconds if self.seconds else 0.0
        rejected = sum(t.rejected.values())
        by_reason = ", ".join(f"{r} {n}" for r, n in sorted(t.rejected.items()))
        out = [
            f"documents read      {self.read:,}",
            f"coded               {t.coded:,}",
            f"with events         {t.with_events:,}",
            f"rejected            {rejected:,}" + (f" ({by_reason})" if by_reason else ""),
            f"events written      {t.events_written:,}",
        ]
        if t.duplicates:
            out.append(f"duplicates skipped  {t.duplicates:,} (same content as a document above)")
        if self.already_done:
            out.append(f"already done        {self.already_done:,} (by an earlier run; resumed)")
        if self.ignored:
            out.append(f"files ignored       {len(self.ignored):,} (no reader for their type, "
                       f"e.g. {self.ignored[0]})")
        out.append(f"time                {self.seconds:.1f} s ({rate:.1f} documents/s)")
        if self.resumed and self.previous.coded + sum(self.previous.rejected.values()):
            total = self.total
            out.append(f"in total (all runs) {total.coded:,} coded, "
                       f"{sum(total.rejected.values()):,} rejected, "
                       f"{total.events_written:,} events")
        if self.output:
            out.append(f"output              {self.output}")
        if self.rejects and sum(self.total.rejected.values()):
            out.append(f"rejects             {self.rejects}")
        return out


# -- journal --------------------------------------------------------------------------------------

@dataclass
class JournalState:
    settings: dict[str, Any]
    done: set[str]
    output_size: int
    rejects_size: int
    totals: Totals


class Journal:
    """Append-only checkpoints of a run: which documents are in the output, and its size."""

    def __init__(self, path: Path):
        self.path = path
        self._file: IO[bytes] | None = None

    def load(self) -> JournalState | None:
        """The last complete checkpoint; a torn last line (from a kill) is cut off."""
        if not self.path.exists():
            return None
        good_end = 0
        state: JournalState | None = None
        with open(self.path, "rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    break
                try:
                    record = json.loads(line)
                except ValueError:
                    break
                if state is None:
                    if record.get("eventwire_journal") != JOURNAL_VERSION:
                        raise RunError(f"{self.path} is not an eventwire journal (version "
                                       f"{JOURNAL_VERSION}); remove it or use --no-resume")
                    state = JournalState(record.get("settings", {}), set(), 0, 0, Totals())
                else:
                    state.done.update(record["keys"])
                    state.output_size = record["out"]
                    state.rejects_size = record["rej"]
                    state.totals = Totals.from_dict(record["totals"])
                good_end += len(line)
        if state is None:
            return None
        if good_end < self.path.stat().st_size:
            os.truncate(self.path, good_end)
        return state

    def start(self, settings: dict[str, Any]) -> None:
        self._file = open(self.path, "wb")  # noqa: SIM115 - closed in close()
        self._write({"eventwire_journal": JOURNAL_VERSION, "settings": settings,
                     "started": time.strftime("%Y-%m-%dT%H:%M:%S")})

    def reopen(self) -> None:
        self._file = open(self.path, "ab")  # noqa: SIM115

    def checkpoint(self, keys: list[str], output_size: int, rejects_size: int, totals: Totals) -> None:
        self._write({"out": output_size, "rej": rejects_size, "keys": keys, "totals": totals.to_dict()})

    def _write(self, record: dict[str, Any]) -> None:
        assert self._file is not None
        self._file.write(json.dumps(record, separators=(",", ":")).encode() + b"\n")
        self._file.flush()

    def close(self) -> None:
        if self._file:
            self._file.close()
            self._file = None


# -- writers --------------------------------------------------------------------------------------

class _LineFile:
    """A JSONL file opened for appending, created on first write; knows its size."""

    def __init__(self, path: Path | None, stream: IO[bytes] | None = None):
        self.path = path
        self._file = stream

    def write(self, record: dict[str, Any]) -> None:
        if self._file is None:
            assert self.path is not None
            self._file = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        self._file.write(json.dumps(record, ensure_ascii=False, default=str).encode("utf-8") + b"\n")

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def size(self) -> int:
        if self._file is not None and self.path is not None:
            return self._file.tell()
        if self.path is not None and self.path.exists():
            return self.path.stat().st_size
        return 0

    def close(self) -> None:
        if self._file is not None:
            self._file.flush()
            if self.path is not None:
                self._file.close()
            self._file = None


def _truncate(path: Path, size: int, what: str) -> None:
    actual = path.stat().st_size if path.exists() else 0
    if actual < size:
        raise RunError(f"{path} is shorter ({actual:,} bytes) than its journal says ({size:,}): it "
                       f"was changed after the {what} run; use --no-resume to start over")
    if actual > size:
        os.truncate(path, size)


def _store_class():
    try:
        from .store import EventStore
    except ImportError as exc:
        raise RunError(f"--db needs eventwire.store, which cannot be imported here ({exc})") from exc
    return EventStore


# -- the run ------------------------------------------------------------------------------------

def default_factory(config: Config) -> PipelineFactory:
    """A picklable factory of the real pipeline, built once per worker."""
    from .api import load_pipeline

    return functools.partial(load_pipeline, config)


def reject_key(rejected: Rejected) -> str:
    """Resume key of a record rejected while reading (it has no text to hash)."""
    return f"!{rejected.source or ''}|{rejected.id}"


def run(options: RunOptions, pipeline: PipelineLike | PipelineFactory | None = None,
        engine: Engine | None = None, say: Callable[[str], None] | None = None) -> RunSummary:
    """Code every input into the outputs named by ``options``; return what happened.

    ``pipeline`` (an object with ``code_many`` or a factory of one) defaults to the real
    pipeline built from ``options.config``; ``engine`` defaults to the one ``options.workers``
    implies. ``say`` receives one-line messages (rejections) for stderr.
    """
    return _Run(options, pipeline, engine, say).execute()


class _Run:
    def __init__(self, options: RunOptions, pipeline, engine, say):
        self.o = options
        self.pipeline = pipeline if pipeline is not None else default_factory(options.config)
        self.engine = engine
        self.external_say = say
        self.summary = RunSummary(output=str(options.output_path) if options.output_path else None,
                                  rejects=str(options.rejects_path) if options.rejects_path else None)
        self.done: set[str] = set()
        self.seen: set[str] = set()
        self.pending_keys: list[str] = []
        self.last_checkpoint = time.monotonic()
        self.journal: Journal | None = None
        self.store = None
        self.run_id = None
        self.skip_stored = False
        self.store_articles: list[Article] = []  # written to the store at each checkpoint
        self.progress = None
        self.task = None
        self._progress_stop = threading.Event()

    # -- set-up ----------------------------------------------------------------------------------
    def _open_outputs(self) -> None:
        o = self.o
        out, rej, jpath = o.output_path, o.rejects_path, o.journal_path
        if out is not None and rej is not None and out.resolve() == rej.resolve():
            raise RunError(f"the rejects file and the output are the same file ({out})")
        settings = o.settings()
        state = Journal(jpath).load() if (jpath and o.resume) else None
        if state is not None and state.settings != settings:
            changed = sorted(k for k in settings if settings.get(k) != state.settings.get(k))
            raise RunError(f"{out} was written with other options ({', '.join(changed)} differ); "
                           "run with the same options to resume, or use --no-resume to start over")
        if jpath is not None:
            self.journal = Journal(jpath)
        if state is not None:
            _truncate(out, state.output_size, "last")
            if rej is not None:
                _truncate(rej, state.rejects_size, "last")
            self.done = state.done
            self.summary.previous = state.totals
            self.summary.resumed = True
            self.journal.reopen()
        else:
            if out is not None:
                out.parent.mkdir(parents=True, exist_ok=True)
            # The new journal first: a kill right after it leaves a journal that vouches for
            # nothing, so the next run truncates whatever the old files still hold.
            if self.journal is not None:
                self.journal.start(settings)
            if out is not None:
                out.write_bytes(b"")
            if rej is not None and rej.exists():
                rej.write_bytes(b"")
        self.out = _LineFile(out) if out is not None else (
            None if o.table or o.db else _LineFile(None, sys.stdout.buffer))
        self.rej = _LineFile(rej) if rej is not None else None
        if o.db:
            EventStore = _store_class()
            # The store replaces an article it already holds (same content hash), so a resumed
            # run that codes a document again never duplicates it there.
            self.store = EventStore(o.db).__enter__()
            self.run_id = self.store.start_run(o.command or "eventwire code", list(o.inputs))
            # Without an output file there is no journal: the store itself says what is done.
            self.skip_stored = o.resume and out is None

    def _say(self, message: str) -> None:
        if self.external_say is not None:
            self.external_say(message)
        elif self.progress is not None:
            self.progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            print(message, file=sys.stderr)

    # -- records ---------------------------------------------------------------------------------
    def _record(self, key: str, result: Article | Rejected) -> None:
        t = self.summary.this_run
        if isinstance(result, Article):
            t.coded += 1
            n = len(result.events)
            if n:
                t.with_events += 1
            if self.out is not None:
                if self.o.events:
                    for event in result.events:
                        self.out.write(event.to_dict())
                else:
                    self.out.write(result.to_dict())
            t.events_written += n
            if self.o.table:
                self.summary.table_rows.extend((result, e) for e in result.events)
            if self.store is not None:
                self.store_articles.append(result)
            if self.progress is not None and n:
                self.progress.update(self.task, events=t.events_written)
        else:
            t.rejected[result.reason] += 1
            if self.rej is not None:
                self.rej.write(result.to_dict())
            if self.store is not None:
                self.store.add_rejected(result, run_id=self.run_id)
            detail = " ".join(result.detail.split())
            self._say(f"eventwire: rejected {result.source or result.id}: {result.reason}: {detail}")
        self.pending_keys.append(key)
        if self.progress is not None:
            self.progress.advance(self.task)
        if (len(self.pending_keys) >= CHECKPOINT_DOCUMENTS
                or time.monotonic() - self.last_checkpoint >= self.o.checkpoint_seconds):
            self._checkpoint()

    def _checkpoint(self) -> None:
        # Output first, then the journal line that vouches for it.
        if self.store is not None and self.store_articles:
            self.store.add_articles(self.store_articles, run_id=self.run_id)
            self.store_articles = []
        if self.out is not None:
            self.out.flush()
        if self.rej is not None:
            self.rej.flush()
        if self.journal is not None and self.pending_keys:
            self.journal.checkpoint(self.pending_keys, self.out.size() if self.out else 0,
                                    self.rej.size() if self.rej else 0, self.summary.total)
        self.pending_keys = []
        self.last_checkpoint = time.monotonic()

    def _documents(self) -> Iterator[tuple[str, Document]]:
        """Keyed documents for the engine; records rejected on reading are written here."""
        ingest = self.o.ingest or IngestOptions(max_chars=self.o.config.max_chars)
        items = read_inputs(self.o.inputs, ingest, ignored=self.summary.ignored.append)
        for item in items:
            if self.o.limit is not None and self.summary.read >= self.o.limit:
                break
            self.summary.read += 1
            if isinstance(item, Rejected):
                key = reject_key(item)
                if key in self.done:
                    self._skip()
                    continue
                self._record(key, item)
                continue
            key = content_hash(item.text)
            if key in self.done or (self.skip_stored and self.store.has_document(key)):
                self._skip()
            elif key in self.seen:
                self.summary.this_run.duplicates += 1
                if self.progress is not None:
                    self.progress.advance(self.task)
            else:
                self.seen.add(key)
                yield key, item

    def _skip(self) -> None:
        self.summary.already_done += 1
        if self.progress is not None:
            self.progress.advance(self.task)

    # -- progress --------------------------------------------------------------------------------
    def _start_progress(self) -> None:
        from rich.console import Console

        console = Console(stderr=True)
        show = self.o.progress if self.o.progress is not None else console.is_terminal
        if not show:
            return
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self.progress = Progress(
            TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[events]:,} events"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=console, transient=False, refresh_per_second=4)
        self.task = self.progress.add_task("coding", total=None, events=0, rate="")
        self.progress.start()
        progress, task, stop = self.progress, self.task, self._progress_stop
        started = time.monotonic()

        def rate() -> None:  # docs/s, refreshed beside rich's own refresh thread
            while not stop.wait(0.5):
                done = progress.tasks[0].completed
                speed = done / max(1e-9, time.monotonic() - started)
                progress.update(task, rate=f"{speed:.1f} docs/s")

        def total() -> None:  # counting a large input takes a moment: do it beside the run
            try:
                n = estimate_total(self.o.inputs, self.o.ingest or IngestOptions())
            except Exception:
                return
            if n is not None and not stop.is_set():
                if self.o.limit is not None:
                    n = min(n, self.o.limit)
                progress.update(task, total=n)

        threading.Thread(target=rate, daemon=True).start()
        threading.Thread(target=total, daemon=True).start()

    def _stop_progress(self) -> None:
        self._progress_stop.set()
        if self.progress is not None:
            progress, self.progress = self.progress, None
            progress.stop()

    # -- the loop --------------------------------------------------------------------------------
    def execute(self) -> RunSummary:
        check_inputs(self.o.inputs)
        started = time.monotonic()
        self._open_outputs()
        own_engine = self.engine is None
        documents = self._documents()
        workers = self.o.workers
        if own_engine and workers is None:
            # A handful of documents is coded faster here than by starting worker processes
            # that each load the model.
            head = list(itertools.islice(documents, SMALL_RUN))
            if len(head) < SMALL_RUN:
                workers = 1
            documents = itertools.chain(head, documents)
        engine = self.engine or for_workers(self.pipeline, workers, self.o.timeout)
        self._start_progress()
        try:
            for key, result in engine.code(documents):
                self._record(key, result)
        finally:
            self._stop_progress()
            # Whatever stopped the run (the end, Ctrl-C, an error), everything written so far
            # is vouched for, so a re-run resumes right after it.
            self._checkpoint()
            self.summary.seconds = time.monotonic() - started
            if own_engine:
                engine.close()
            self._close()
        return self.summary

    def _close(self) -> None:
        if self.out is not None:
            self.out.close()
        if self.rej is not None:
            self.rej.close()
        if self.journal is not None:
            self.journal.close()
        if self.store is not None:
            try:
                self.store.finish_run(self.run_id, self.summary.to_dict())
            finally:
                self.store.__exit__(None, None, None)


# -- presentation -------------------------------------------------------------------------------

def _actor_label(actors) -> str:
    if not actors:
        return ""
    a = actors[0]
    label = f"{a.code or a.root or '?'} {a.text}"
    return label + (f" +{len(actors) - 1}" if len(actors) > 1 else "")


def events_table(rows: list[tuple[Article, Event]], width: int | None = None):
    """A readable rich Table of coded events (``eventwire code --table``), one row an event.

    The article's headline (or id) is shown on its first event only (on a line of its own when
    the terminal is narrower than 120 columns); cells are cut with an ellipsis rather than
    wrapped, so that one event stays on one line.
    """
    from rich.text import Text

    narrow = width is not None and width < 120
    from rich.table import Table

    table = Table(title=f"{len(rows)} events", show_lines=False, expand=False, pad_edge=False)
    # (name, max width, min width): the short codes keep their width when the terminal is narrow
    columns = (("article", 24, 6), ("sent.", 5, 3), ("source", 26, 8), ("type/mode", 18, 8),
               ("CAMEO", 5, 4), ("target", 26, 8), ("date", 10, 7), ("trigger", 16, 6))
    for name, most, least in columns[1:] if narrow else columns:
        table.add_column(name, max_width=most, min_width=least, no_wrap=True, overflow="ellipsis",
                         justify="right" if name == "sent." else "left")
    previous = None
    for article, e in rows:
        flags = (" NEG" if e.negated else "") + (" FUT" if e.future else "")
        mode = f"/{e.mode}" if e.mode else ""
        label = "" if article is previous else (article.title or article.id)
        if article is not previous and previous is not None:
            table.add_section()
        if narrow and label:
            table.add_row("", Text(label, style="bold"), end_section=False)
        previous = article
        cells = [str(e.sentence_index), _actor_label(e.actors), f"{e.type or '-'}{mode}{flags}",
                 e.cameo, _actor_label(e.recipients), e.date or "", e.trigger]
        table.add_row(*cells if narrow else [label, *cells])
    return table
