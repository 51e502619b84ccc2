"""Source: RSS and Atom feeds, by URL or file; each item's page is fetched and coded as HTML.

A URL that serves an HTML page rather than a feed is coded as that one page. An item whose page
cannot be fetched is rejected as ``unreachable`` (the run goes on); an item without a link is
coded from the content the feed carries.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from ..model import Rejected
from .base import IngestOptions, Item, MissingDependency, bytes_id, decode, document, open_binary, read_capped
from .warc import _charset

FEED_SUFFIXES = (".rss", ".atom", ".xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json")


def _feedparser():
    try:
        import feedparser
    except ImportError as exc:
        raise MissingDependency("feedparser", "RSS/Atom input") from exc
    return feedparser


def fetch(url: str, options: IngestOptions) -> tuple[bytes, str, str | None, bool]:
    """GET a URL: (body, final URL, charset, truncated). Raises OSError on failure."""
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent,
                                                   "Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=options.fetch_timeout) as response:
        body, more = read_capped(response, options.max_bytes)
        content_type = response.headers.get("Content-Type", "")
        return body, response.geturl(), content_type, more


def read_url(url: str, options: IngestOptions) -> Iterator[Item]:
    try:
        body, final, content_type, more = fetch(url, options)
    except (OSError, ValueError) as exc:
        yield Rejected(bytes_id(url.encode()), "unreachable", _why(exc), url)
        return
    if more:
        yield Rejected(bytes_id(url.encode()), "too-large",
                       f"over the limit of {options.max_bytes:,} bytes", url)
        return
    mime = content_type.split(";")[0].strip().lower()
    if mime in FEED_TYPES or (mime not in ("text/html", "text/plain") and _is_feed(body)):
        yield from _entries(body, url, options)
        return
    text = decode(body, source=url, options=options, charset=_charset(content_type.lower()))
    if isinstance(text, Rejected):
        yield text
        return
    yield document(text, source=url, url=final, is_html=mime != "text/plain")


def read(path: str, options: IngestOptions) -> Iterator[Item]:
    if path.startswith(("http://", "https://")):
        yield from read_url(path, options)
        return
    with open_binary(path) as stream:
        body, more = read_capped(stream, 256 << 20)
    if more:
        yield Rejected(bytes_id(path.encode()), "too-large", "a feed file over 256 MB", path)
        return
    yield from _entries(body, path, options)


def _is_feed(body: bytes) -> bool:
    head = body[:2000].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _entries(body: bytes, where: str, options: IngestOptions) -> Iterator[Item]:
    parsed = _feedparser().parse(body)
    entries = list(parsed.entries)
    if not entries:
        if parsed.get("bozo"):
            detail = f"not a valid RSS/Atom feed: {parsed.get('bozo_exception')}"
            yield Rejected(bytes_id(body), "malformed", detail, where)
        return  # a valid feed with no items has no documents
    with ThreadPoolExecutor(max_workers=max(1, options.fetch_workers)) as pool:
        # map() keeps the feed's order; a feed has at most a few hundred items, so the
        # futures list stays small.
        yield from pool.map(lambda entry: _entry_item(entry, where, options), entries)


def _entry_item(entry, where: str, options: IngestOptions) -> Item:
    link = entry.get("link")
    entry_id = entry.get("id") or None
    title = entry.get("title")
    published = entry.get("published") or entry.get("updated")
    if link and link.startswith(("http://", "https://")):
        try:
            body, final, content_type, more = fetch(link, options)
        except (OSError, ValueError) as exc:
            return Rejected(entry_id or bytes_id(link.encode()), "unreachable", _why(exc), link)
        if more:
            return Rejected(entry_id or bytes_id(link.encode()), "too-large",
                            f"over the limit of {options.max_bytes:,} bytes", link)
        text = decode(body, source=link, options=options, id=entry_id,
                      charset=_charset(content_type.lower()))
        if isinstance(text, Rejected):
            return text
        mime = content_type.split(";")[0].strip().lower()
        return document(text, source=link, id=entry_id, title=title, published=published,
                        url=final, is_html=mime != "text/plain")
    content = entry.get("content") or []
    text = content[0].get("value") if content else entry.get("summary")
    source = f"{where}#{entry_id or title or '?'}"
    if not text:
        return Rejected(entry_id or bytes_id(repr(entry).encode()), "empty",
                        "the feed item has neither a link nor content", source)
    return document(text, source=source, id=entry_id, title=title, published=published, url=link)


def _why(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return f"cannot fetch: {exc.reason}"
    return f"cannot fetch: {exc}"


def count(path: str, options: IngestOptions) -> int | None:
    return None
