"""Stage: clean. A raw news page (plain text or HTML) -> headline, standfirst, timestamp, dateline, body.

The rules are general page-furniture rules (reading-time lines, captions, credits, teasers), kept as
regular expressions in ``data/clean/boilerplate.yaml``. Every removed line is kept in
``CleanPage.removed`` so that clean-up never loses text silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from .data import load_yaml
from .errors import InputError
from .model import Document

SECTION_SEP = "\n\n"

# "BEIJING -", "WASHINGTON (Reuters) -", "KABUL, Afghanistan —", "UNITED NATIONS, June 5 (Reuters) -"
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’ ]{1,40}?))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}))?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?"
    r"\s*(?:[-–—]{1,2}|:)\s+(?=\S)"
)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
DATE_SHAPE = re.compile(
    r"^(?:\w+day,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+\d{4}|^\d{4}-\d{2}-\d{2}|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|^(?:\w+day,?\s+)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}",
    re.IGNORECASE,
)
QUOTES = "\"'“”‘’«»"
# Function words that are frequent in any English text and rare in other languages' text.
ENGLISH_MARKERS = frozenset(
    "the of and to is was that for with by from has have are were said it its will would this "
    "which at be as not been their they he she his her who after but had an on or".split()
)

# A text with none of the marker words and none of another language's is still English when this
# share of min_english of its words are English stop words: one sentence of names and nouns
# ("X, Algeria's leading rights activist, staged a hunger strike in prison") has two in fourteen.
SHORT_ITEM_SHARE = 0.3
# ... or when this share of its longer words are English words (the parser's lemmatizer tables).
VOCABULARY_SHARE = 0.5

# Frequent function words of other languages written in Latin script (none of them English words;
# not "al", which English writes in Arabic names: "Bab al Yemen").
FOREIGN_MARKERS = frozenset(
    "der das und ist nicht mit von den dem des ein eine einer sich auch nach wird sind "
    "le la les et est une du pour pas dans sur qui avec aux ces sont "
    "el los las y del por para con una es lo se como "
    "il che di della per non sono gli nel alla "
    "uma com não os das nos pelo pela são "
    "het een van ik zijn niet ook voor met "
    "och att som för med inte av på "
    "yang dengan untuk dari pada ini itu ang mga ng sa kwa katika wa bir ve için ile".split()
)


@dataclass
class CleanPage:
    headline: str | None
    standfirst: str | None
    published: datetime | None
    dateline: str | None
    body: str
    text: str
    sections: list[tuple[int, int, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    dateline_span: tuple[int, int] | None = None

    def section_at(self, offset: int) -> str:
        for start, end, name in self.sections:
            if start <= offset < end:
                return name
        return "body"


@lru_cache(maxsize=1)
def _rules() -> tuple[list[re.Pattern], list[re.Pattern]]:
    data = load_yaml("clean/boilerplate.yaml")
    drop = [re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in data["drop_lines"]]
    cut = [re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in data["cut_from"]]
    return drop, cut


def check_text(text: str, *, max_chars: int, min_words: int) -> None:
    """Reject what cannot be news text: empty, binary or oversized input."""
    if len(text) > max_chars:
        raise InputError("too-large", f"{len(text):,} characters, over the limit of {max_chars:,}")
    if "\x00" in text:
        raise InputError("binary", "the input contains NUL bytes: it is binary, not text")
    controls = sum(1 for ch in text[:20000] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(5, len(text[:20000]) // 50):
        raise InputError("binary", f"{controls} control characters: the input looks binary")
    if "\ufffd" in text and text.count("\ufffd") > max(3, len(text) // 200):
        raise InputError("encoding", "the text is full of undecodable characters (not valid UTF-8)")
    if len(re.findall(r"\w+", text)) < min_words:
        raise InputError("empty", "no text to code (fewer than %d words)" % min_words)


def _english_words(words: list[str]) -> float:
    """The share of words that are in spaCy's English stop-word list and in no other language's
    marker list: a broader second look at a text the marker words say little about."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return sum(1 for w in words if w in STOP_WORDS and w not in FOREIGN_MARKERS) / len(words)


def _vocabulary_share(words: list[str], vocabulary) -> float:
    """The share of words (three letters or more) that are English content words, as given by the
    parser's lemmatizer tables; a plural or past form counts by its stem."""
    long = [w for w in words if len(w) > 2]
    if not long:
        return 0.0

    def known(w: str) -> bool:
        if w in vocabulary:
            return True
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                             ("ing", "e")):
            if w.endswith(suffix) and w[:-len(suffix)] + repl in vocabulary:
                return True
        return False

    return sum(1 for w in long if known(w)) / len(long)


def check_english(text: str, min_share: float, vocabulary=None) -> None:
    """Reject text that is not English: by script, then by the share of English function words.
    ``vocabulary`` (English words, e.g. from the parser's lemmatizer tables) lets a terse item
    with hardly any function words pass when most of its words are English ones."""
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if letters:
        latin = sum(1 for ch in letters if ch < "\u0250")
        if latin / len(letters) < 0.6:
            raise InputError("not-english", "the text is mostly in a non-Latin script")
    # a hyphenated compound is one word: "Sharm el-Sheikh" holds no Spanish "el"
    cased = re.findall(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*", text[:20000])
    words = [w.lower() for w in cased]
    if len(words) >= 12:
        english = sum(1 for w in words if w in ENGLISH_MARKERS)
        # another language's function words are written in lower case; capitalised, they are
        # parts of names in English text ("Al Fath", "El Paso", "De Klerk")
        foreign = sum(1 for w in cased if w in FOREIGN_MARKERS)
        share = english / len(words)
        terse = share < min_share * 0.2
        # Headlines and one-sentence wire items are thin on function words, so the share alone
        # decides only when it is very low; otherwise other languages' function words must outnumber
        # English ones.
        if terse and not foreign and _english_words(words) >= min_share * SHORT_ITEM_SHARE:
            return  # a short wire item without those words ("Serb forces killed three ... in a ...")
        # (a stray "el" of an Arabic name is no Spanish text: one such word in twenty is let pass)
        if terse and foreign <= len(words) // 20 and vocabulary and \
                _vocabulary_share(words, vocabulary) >= VOCABULARY_SHARE:
            return  # a terse note: "2 coalition strikes hit Marib fuel depot, destroying tankers"
        if terse or (share < min_share and foreign > english):
            raise InputError("not-english", f"{share:.0%} English function words, {foreign} of other "
                                            "languages': not English text")


def _parse_timestamp(line: str) -> datetime | None:
    if len(line.split()) > 9 or not DATE_SHAPE.search(line.strip()):
        return None
    import dateparser

    value = dateparser.parse(line.strip(), languages=["en"],
                             settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return value


def parse_published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        import dateparser

        return dateparser.parse(value, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})


def _strip_quotes(line: str) -> str:
    line = line.strip()
    if len(line) > 2 and line[0] in QUOTES and line[-1] in QUOTES:
        return line[1:-1].strip()
    return line


def _is_paragraph(line: str) -> bool:
    return bool(SENTENCE_END.search(line)) and len(line.split()) >= 6


def _html_to_text(html: str) -> tuple[str, str | None, str | None]:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    if result is None:
        raise InputError("malformed", "no article text could be extracted from the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError("empty", "the HTML page has no article text")
    return text, data.get("title"), data.get("date")


def clean_document(document: Document, *, max_chars: int = 1_000_000, min_words: int = 3) -> CleanPage:
    text = document.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    check_text(text, max_chars=max_chars, min_words=min_words)
    title, published = document.title, document.published
    is_html = document.is_html or bool(re.match(r"\s*(<!doctype html|<html|<head|<body)", text[:500], re.I))
    if is_html:
        text, html_title, html_date = _html_to_text(text)
        title = title or html_title
        published = published or html_date
    return clean_text(text, title=title, published=parse_published(published))


def clean_text(text: str, *, title: str | None = None, published: datetime | None = None) -> CleanPage:
    drop, cut = _rules()
    removed: list[str] = []
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]

    kept: list[str] = []
    for i, line in enumerate(lines):
        if i > 0 and any(p.match(line) for p in cut) and len(line.split()) <= 12:
            removed.extend(lines[i:])
            break
        if any(p.match(line) for p in drop):
            removed.append(line)
            continue
        kept.append(line)

    headline = _strip_quotes(title) if title else None
    if kept and headline and _strip_quotes(kept[0]).lower() == headline.lower():
        kept.pop(0)
    elif kept and headline is None and not _is_paragraph(kept[0]) and len(kept[0].split()) <= 25 and len(kept) > 1:
        headline = _strip_quotes(kept.pop(0))

    # Timestamps in the header zone (the lines before the body starts).
    header_end = next((i for i, ln in enumerate(kept) if DATELINE.match(ln)), None)
    zone = header_end if header_end is not None else min(len(kept), 6)
    standfirst = None
    body_start = header_end
    stamp_at = None
    for i in range(zone):
        stamp = _parse_timestamp(kept[i])
        if stamp is not None:
            stamp_at = i
            published = published or stamp
            break
    if body_start is None:
        # No dateline: the body starts after the timestamp, or at the first paragraph.
        after = (stamp_at + 1) if stamp_at is not None else 0
        body_start = next((i for i in range(after, len(kept)) if _is_paragraph(kept[i])), after)
        if stamp_at is not None and stamp_at > 0 and _is_paragraph(kept[0]):
            standfirst = kept[0]
    else:
        for i in range(body_start):
            if i == stamp_at:
                continue
            if standfirst is None and _is_paragraph(kept[i]):
                standfirst = kept[i]
            else:
                removed.append(kept[i])  # captions and other furniture above the dateline
    if stamp_at is not None:
        removed.append(kept[stamp_at])
    body_lines = [ln for i, ln in enumerate(kept) if i >= body_start and i != stamp_at]
    if standfirst in body_lines:
        body_lines.remove(standfirst)

    dateline = None
    m = DATELINE.match(body_lines[0]) if body_lines else None
    if m:
        dateline = m.group("place").strip().rstrip(",")

    sections: list[tuple[int, int, str]] = []
    parts: list[str] = []
    offset = 0
    for name, value in (("headline", headline), ("standfirst", standfirst),
                        ("body", "\n\n".join(body_lines))):
        if not value:
            continue
        if parts:
            offset += len(SECTION_SEP)
        sections.append((offset, offset + len(value), name))
        parts.append(value)
        offset += len(value)
    full = SECTION_SEP.join(parts)
    body = "\n\n".join(body_lines)
    dateline_span = None
    if m:
        start = next(s for s, _, n in sections if n == "body")
        dateline_span = (start, start + m.end())
    return CleanPage(headline=headline, standfirst=standfirst, published=published,
                     dateline=dateline, body=body, text=full, sections=sections, removed=removed,
                     dateline_span=dateline_span)
