"""Engines: every keyed document comes back exactly once, in order, whatever the pipeline does."""

from __future__ import annotations

import pytest

from eventwire.engines import EngineError, ENGINES, as_factory, get_engine, match_results
from eventwire.engines.base import code_chunk
from eventwire.engines.fake import FakePipeline
from eventwire.engines.inprocess import InProcessEngine
from eventwire.engines.local import LocalEngine
from eventwire.model import Article, Document, Rejected, content_hash


def keyed(texts: list[str]) -> list[tuple[str, Document]]:
    return [(content_hash(t), Document(id=f"d{i}", text=t)) for i, t in enumerate(texts)]


TEXTS = [f"Paris met Berlin on day {i}. Rome accused Oslo of delay." for i in range(60)] + ["", "x"]


def summarise(outcomes):
    return [(k, type(r).__name__, r.id, getattr(r, "reason", None), len(getattr(r, "events", [])))
            for k, r in outcomes]


def test_inprocess_and_local_give_the_same_outcomes_in_input_order():
    items = keyed(TEXTS)
    with InProcessEngine(FakePipeline()) as engine:
        one = summarise(engine.code(items))
    with LocalEngine(FakePipeline, workers=2, chunk_size=7) as engine:
        two = summarise(engine.code(items))
    assert one == two
    assert [k for k, *_ in one] == [k for k, _ in items]
    assert one[0][1:] == ("Article", "d0", None, 2)
    assert [r[3] for r in one[-2:]] == ["empty", "empty"]


class DropsOne(FakePipeline):
    def code_many(self, documents):
        for result in super().code_many(documents):
            if result.id != "d3":
                yield result


class Reorders(FakePipeline):
    def code_many(self, documents):
        yield from reversed(list(super().code_many(documents)))


def test_a_result_the_pipeline_loses_becomes_a_rejected_error():
    outcomes = list(InProcessEngine(DropsOne()).code(keyed(TEXTS[:5])))
    assert len(outcomes) == 5
    assert outcomes[3][1].reason == "error" and "no result" in outcomes[3][1].detail


def test_reordered_results_are_matched_back_to_their_inputs():
    items = keyed(TEXTS[:5])
    outcomes = list(InProcessEngine(Reorders()).code(items))
    assert [r.id for _, r in outcomes] == ["d0", "d1", "d2", "d3", "d4"]
    assert all(r.content_hash == k for k, r in outcomes)


def test_a_crashing_document_is_isolated_from_its_chunk():
    texts = TEXTS[:10]
    texts[4] = "Paris met Berlin. POISON document here."
    outcomes = list(InProcessEngine(FakePipeline(fail_on="POISON")).code(keyed(texts)))
    reasons = [getattr(r, "reason", "ok") for _, r in outcomes]
    assert reasons == ["ok"] * 4 + ["error"] + ["ok"] * 5
    assert "fake failure" in outcomes[4][1].detail


def test_duplicate_ids_match_by_content_hash():
    a, b = "Paris met Berlin at noon today.", "Rome met Oslo at dawn today."
    items = [(content_hash(a), Document("same", a)), (content_hash(b), Document("same", b))]
    results = list(FakePipeline().code_many([d for _, d in items]))
    outcomes = match_results(items, list(reversed(results)))
    assert [(k, r.content_hash) for k, r in outcomes] == [(items[0][0], items[0][0]), (items[1][0], items[1][0])]


def test_stray_results_are_ignored_and_missing_ones_rejected():
    items = keyed(TEXTS[:2])
    outcomes = match_results(items, [Rejected("nobody", "empty", "x")])
    assert [r.reason for _, r in outcomes] == ["error", "error"]


def test_local_engine_reports_a_pipeline_that_cannot_be_built():
    with LocalEngine(_broken_factory, workers=1) as engine:
        with pytest.raises(EngineError, match="could not build the pipeline: RuntimeError: no model here"):
            list(engine.code(keyed(TEXTS[:3])))


def _broken_factory():
    raise RuntimeError("no model here")


def test_local_engine_keeps_a_bounded_number_of_documents_in_flight():
    pulled = 0

    def items():
        nonlocal pulled
        for item in keyed([f"Paris met Berlin {i} times." for i in range(400)]):
            pulled += 1
            yield item

    with LocalEngine(FakePipeline, workers=2, chunk_size=5, inflight=3) as engine:
        stream = engine.code(items())
        seen = 0
        for _ in stream:
            seen += 1
            # never more than `inflight` chunks ahead of what has been handed back
            assert pulled - seen <= 3 * 5
        assert seen == 400


def test_inprocess_engine_builds_the_pipeline_once_and_lazily():
    built = []

    def factory():
        built.append(1)
        return FakePipeline()

    engine = InProcessEngine(factory, chunk_size=4)
    assert built == []
    assert len(list(engine.code(keyed(TEXTS[:20])))) == 20
    assert built == [1]


def test_registry_and_factories():
    assert set(ENGINES) == {"inprocess", "local"}  # Ray will register here; no stub meanwhile
    with pytest.raises(EngineError, match="unknown engine 'ray'"):
        get_engine("ray", FakePipeline)
    pipeline = FakePipeline()
    assert as_factory(pipeline)() is pipeline
    assert isinstance(as_factory(FakePipeline)(), FakePipeline)
    with pytest.raises(TypeError):
        as_factory(42)
    assert isinstance(get_engine("inprocess", pipeline), InProcessEngine)


def test_code_chunk_returns_articles_with_events():
    [(key, article)] = code_chunk(FakePipeline(), keyed(["Paris met Berlin and Rome praised Oslo."]))
    assert isinstance(article, Article) and [e.cameo for e in article.events] == ["040", "051"]


def test_a_document_that_hangs_is_rejected_as_timeout_and_the_rest_coded():
    import functools
    texts = TEXTS[:6]
    texts[2] = "Paris met Berlin. LOOP forever here."
    for engine in (InProcessEngine(FakePipeline(hang_on="LOOP"), chunk_size=3, timeout=0.3),
                   LocalEngine(functools.partial(FakePipeline, hang_on="LOOP"), workers=2, chunk_size=3,
                               timeout=0.3)):
        with engine:
            outcomes = list(engine.code(keyed(texts)))
        reasons = [getattr(r, "reason", "ok") for _, r in outcomes]
        assert reasons == ["ok", "ok", "timeout", "ok", "ok", "ok"], engine
        assert "longer than 0.3 s" in outcomes[2][1].detail


class SwallowsErrors(FakePipeline):
    """Like the real pipeline: a failing document becomes a Rejected("error") inside code_many."""

    def code_many(self, documents):
        for document in documents:
            try:
                yield from super().code_many([document])
            except Exception as exc:
                yield Rejected(document.id, "error", str(exc), document.source)


def test_timeout_is_not_swallowed_by_the_pipelines_own_error_handling():
    texts = TEXTS[:3]
    texts[1] = "Paris met Berlin. LOOP forever here."
    outcomes = list(InProcessEngine(SwallowsErrors(hang_on="LOOP"), timeout=0.3).code(keyed(texts)))
    assert [getattr(r, "reason", "ok") for _, r in outcomes] == ["ok", "timeout", "ok"]
