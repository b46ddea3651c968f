"""Interpret a page's declared metadata (meta tags, JSON-LD, canonical link): outlet, date, URL."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from factdesk.sources.dates import iso_date
from factdesk.sources.html_parse import PageScan, collapse

_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
)
_OUTLET_KEYS = ("og:site_name", "application-name")
_MAX_URL = 2048
_URL_EDGES = "".join(map(chr, range(0x21)))  # C0 controls and space
_NOT_IN_URL = re.compile("[\x00-\x20\x7f-\x9f]")
# JSON can spell a lone surrogate ("\ud800"), which no UTF-8 file or database can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_ld_objects(scan: PageScan) -> list[dict[str, Any]]:
    """Every JSON object in the page's ld+json scripts, @graph flattened; bad JSON is skipped."""
    objects: list[dict[str, Any]] = []
    for raw in scan.json_ld:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # broken or absurdly nested JSON-LD is the page's problem, not an import error
        objects.extend(_objects(data))
    return objects


def _objects(data: object, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 3:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"), depth + 1)


def page_url(scan: PageScan) -> str | None:
    """The canonical URL the page declares (link rel=canonical, else og:url), if absolute.

    Control characters and spaces at its ends are dropped, as the URL standard does (urlsplit
    does too, so "\x02https://…" passed the check and was kept as written: found by fuzzing);
    a URL with any inside is not one.
    """
    for candidate in (scan.canonical, scan.meta.get("og:url")):
        url = (candidate or "").strip(_URL_EDGES)
        if url and len(url) <= _MAX_URL and not _NOT_IN_URL.search(url) and _host(url):
            return url
    return None


def outlet(scan: PageScan, objects: list[dict[str, Any]], url: str | None) -> str | None:
    """Who published it: og:site_name, application-name, JSON-LD publisher, else the URL's host."""
    for key in _OUTLET_KEYS:
        if scan.meta.get(key):
            return scan.meta[key]
    for obj in objects:
        name = _name(obj.get("publisher"))
        if name:
            return name
    host = _host(url) if url else None
    return host.removeprefix("www.") if host else None


def published(scan: PageScan, objects: list[dict[str, Any]], article: int | None) -> str | None:
    """The publication date as YYYY-MM-DD from meta tags, JSON-LD, or the article's <time>."""
    candidates = [scan.meta.get(key) for key in _DATE_KEYS]
    candidates += [obj.get("datePublished") for obj in objects]
    candidates += [value for owner, value in scan.times if owner == article]
    for value in candidates:
        if isinstance(value, str):
            date = iso_date(value)
            if date:
                return date
    return None


def _name(publisher: object) -> str | None:
    """The name of a JSON-LD publisher given as an object, a list of them, or a plain string."""
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict):
        publisher = publisher.get("name")
    if isinstance(publisher, str) and publisher.strip():
        return _SURROGATE.sub("\ufffd", collapse(publisher))
    return None


def _host(url: str) -> str | None:
    """The host of an absolute http(s) URL, else None (relative or odd URLs say nothing)."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not host:
        return None
    return host
