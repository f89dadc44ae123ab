"""The main text and metadata of a news page: trafilatura, with a small lxml fallback.

trafilatura drops navigation, footers and comments and finds title, date and
author. When it cannot be imported (it needs ``lxml_html_clean`` with lxml >= 5.2)
a plain lxml reader takes the ``<article>`` (or the body) without its
``nav``/``header``/``footer``/``aside``/scripts, so HTML input still works.

Before any of it, :func:`bound_html` takes out what makes libxml2 quadratic in C
(where no time limit reaches): the attributes of a tag that has hundreds, and
tags nested deeper than any page needs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional

_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
)
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "template", "svg")
MAX_ATTRIBUTES = 128  # a tag with more loses its attributes (libxml2 checks each new one against all)
MAX_DEPTH = 256  # open tags past this depth are dropped, their text kept
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,63})([^<>]*)>")
_BIG_TAG = re.compile(r"<()([A-Za-z][A-Za-z0-9:_-]{0,63})([^<>]{%d,})>" % (2 * MAX_ATTRIBUTES))
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SELF_CLOSING = frozenset("p li dt dd tr td th option thead tbody tfoot colgroup".split())  # closed by the parser
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "figcaption")


@lru_cache(maxsize=1)
def _trafilatura() -> Any:
    try:
        import trafilatura

        return trafilatura
    except Exception:  # ImportError, or lxml.html.clean missing inside justext
        return None


def bound_html(html: str) -> tuple[str, list[str]]:
    """``html`` without what makes the parser quadratic (one linear pass), and what was taken out."""
    cut_attrs = 0
    dropped = 0
    depth = 0
    deep = html.count("<") - 2 * html.count("</") > MAX_DEPTH  # else no tag can be nested that deep

    def tag(m: re.Match[str]) -> str:
        nonlocal cut_attrs, dropped, depth
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if depth and name not in _VOID and name not in _SELF_CLOSING:
                depth -= 1
            return m.group(0)
        whole = m.group(0)
        if len(attrs) > 2 * MAX_ATTRIBUTES and len(attrs.split()) > MAX_ATTRIBUTES:
            cut_attrs += 1
            attrs = "/" if attrs.rstrip().endswith("/") else ""
            whole = f"<{name}{attrs}>"
        if deep and name not in _VOID and name not in _SELF_CLOSING and not attrs.endswith("/"):
            depth += 1
            if depth > MAX_DEPTH:
                dropped += 1
                return ""
        return whole

    if deep:
        out = _TAG.sub(tag, html)
    else:
        out = _BIG_TAG.sub(tag, html)  # only tags long enough to hold too many attributes
    notes = []
    if cut_attrs:
        notes.append(f"HTML: {cut_attrs} tag(s) with over {MAX_ATTRIBUTES} attributes lost their attributes")
    if dropped:
        notes.append(f"HTML: {dropped} tag(s) nested deeper than {MAX_DEPTH} were dropped (their text kept)")
    return out, notes


def html_article(html: str, url: Optional[str] = None) -> dict[str, Any]:
    """``{text, title, published, authors, notes}`` of a page; ``text`` is "" when there is none."""
    from lxml import html as lxml_html

    html, notes = bound_html(html)

    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # lxml raises ParserError on empty or hopeless documents
        tree = None
    published = _meta_date(tree) if tree is not None else None
    traf = _trafilatura()
    if traf is not None:
        doc = traf.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # dates from the page's markup only: a date guessed from the body text is the
            # temporal extractor's business, and a crawl's WARC-Date is the better fallback
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        if doc is not None:
            data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
            authors = [a.strip() for a in re.split(r"[;|]", data.get("author") or "") if a.strip()]
            return {
                "text": data.get("text") or "",
                "title": data.get("title"),
                "published": published or _iso(data.get("date") or ""),
                "authors": authors,
                "notes": notes,
            }
    if tree is None:
        return {"text": "", "notes": notes}
    return {**_fallback(tree, published), "notes": notes}


def _meta_date(tree: Any) -> Optional[str]:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META:
            found = _iso(meta.get("content") or "")
            if found:
                return found
    for node in tree.iter("time"):
        found = _iso(node.get("datetime") or "")
        if found:
            return found
    return None


def _iso(value: str) -> Optional[str]:
    m = _ISO.search(value)
    if not m:
        return None
    return f"{m.group(1)}T{m.group(2)}" if m.group(2) else m.group(1)


def _fallback(tree: Any, published: Optional[str]) -> dict[str, Any]:
    title = None
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").lower() == "og:title" and meta.get("content"):
            title = meta.get("content").strip()
            break
    author = None
    for meta in tree.iter("meta"):
        if (meta.get("name") or "").lower() == "author" and meta.get("content"):
            author = meta.get("content").strip()
    if title is None:
        node = tree.find(".//title")
        title = node.text_content().strip() if node is not None and node.text_content().strip() else None
    for bad in list(tree.iter(*_DROP)):
        if bad.getparent() is not None:
            bad.drop_tree()
    articles = list(tree.iter("article"))
    root = max(articles, key=lambda a: len(a.text_content())) if articles else tree
    lines = []
    for node in root.iter(*_BLOCKS):
        if any(parent.tag in _BLOCKS for parent in node.iterancestors()):
            continue
        text = " ".join(node.text_content().split())
        if text:
            lines.append(text)
    if not lines:
        lines = [" ".join(root.text_content().split())]
    return {"text": "\n".join(line for line in lines if line), "title": title, "published": published,
            "authors": [author] if author else []}
