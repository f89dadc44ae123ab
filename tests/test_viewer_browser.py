"""Rendered article pages opened in a real headless Chromium, as a reader would open them.

Five seeds and three real development articles: every record's span is highlighted with
exactly the text at its offsets, hovering each date shows its value, the page logs no
console error and asks for nothing over the network. Screenshots go to the test's tmp dir.
Chromium is Debian's (``.ci/run`` installs it); without it the tests skip, except on CI.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, load_jsonl
from qpextract.models import Article

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright (the browser-test extra) is not installed")


def _chromium() -> str:
    for name in (os.environ.get("QPEXTRACT_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("no chromium on CI: .ci/run installs Debian's chromium package")
    pytest.skip("no chromium found (apt-get install chromium, or set QPEXTRACT_CHROMIUM)")


def _articles() -> list[tuple[str, str, dict[str, Any]]]:
    """(id, original text, extra fields) of the five seeds and three real development articles."""
    seeds = [(p.stem, p.read_text(encoding="utf-8"), {}) for p in sorted((CORPUS / "seeds").glob("*.txt"))]
    real = [
        (r["id"], r["text"], {k: r[k] for k in ("title", "published") if r.get(k)})
        for r in load_jsonl(CORPUS / "gold" / "real-inputs.jsonl")[:3]
    ]
    return seeds + real


ARTICLES = _articles()


@pytest.fixture(scope="module")
def browser():
    exe = _chromium()
    with playwright_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield b
        finally:
            b.close()


def expected_spans(article: Article) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every record with a span, read from the Article itself."""
    out = [("person", m.start, m.end) for o in article.officials for m in o.mentions]
    for kind, records in (
        ("rank", article.ranks), ("date", article.dates), ("number", article.numbers), ("event", article.events),
        ("abbreviation", article.abbreviations), ("place", article.locations), ("body", article.organizations),
        ("document", article.documents), ("decoration", article.decorations),
    ):
        out += [(kind, r.start, r.end) for r in records]
    return out


# every highlight of the page: its record (from the page's data) and the text its pieces show, in order
_HIGHLIGHTS_JS = """() => {
  const records = JSON.parse(document.getElementById("records").textContent);
  return Object.entries(records).map(([rid, r]) => {
    const pieces = Array.from(document.querySelectorAll(`#text mark[data-rid="${rid}"]`));
    const colours = pieces.map(p => getComputedStyle(p).borderBottomColor);
    return {rid, kind: r.kind, start: r.start, end: r.end, text: r.text,
            shown: pieces.map(p => p.textContent).join(""), pieces: pieces.length, colours};
  });
}"""


@pytest.mark.parametrize("aid,original,extra", ARTICLES, ids=[a[0] for a in ARTICLES])
def test_page_in_chromium(browser, pipeline, tmp_path: Path, aid: str, original: str, extra: dict) -> None:
    from qpextract.viewer import page_html
    from qpextract.viewer.spans import same_surface

    article = pipeline.extract(original, id=aid, **extra)
    page_file = tmp_path / f"{aid}.html"
    page_file.write_text(page_html(article, original), encoding="utf-8")

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")

    highlights = page.evaluate(_HIGHLIGHTS_JS)
    by_span = {(h["kind"], h["start"], h["end"]): h for h in highlights}
    missing = [s for s in expected_spans(article) if s not in by_span]
    assert not missing, f"records with no highlight: {missing[:5]}"
    for h in highlights:
        want = original[h["start"] : h["end"]]
        assert h["pieces"] >= 1, f"{h['kind']} {want!r} is not in the page text"
        assert h["shown"] == want, f"{h['kind']} highlight shows {h['shown']!r}, the record's span reads {want!r}"
        assert same_surface(h["shown"], h["text"]), f"{h['kind']} highlight {h['shown']!r} vs record text {h['text']!r}"
        assert all(c not in ("rgba(0, 0, 0, 0)", "transparent") for c in h["colours"]), f"{h['kind']} {want!r} not coloured"

    dates = [h for h in highlights if h["kind"] == "date"]
    for d, record in zip(sorted(dates, key=lambda h: h["start"]), sorted(article.dates, key=lambda r: r.start)):
        page.mouse.move(0, 0)  # away: the open tooltip hides and covers nothing
        page.locator(f'#text mark[data-rid="{d["rid"]}"]').first.hover()
        tip = page.locator("#tip")
        assert tip.is_visible()
        assert record.value is None or record.value in tip.inner_text(), f"hovering {d['shown']!r} does not show {record.value}"
    if dates:
        page.locator(f'#text mark[data-rid="{dates[0]["rid"]}"]').first.hover()
    page.screenshot(path=str(tmp_path / f"{aid}.png"))
    page.close()

    assert not errors, f"console errors: {errors}"
    external = [u for u in requests if not u.startswith(("file:", "data:", "about:"))]
    assert not external, f"the page asked the network for {external}"
    assert (tmp_path / f"{aid}.png").stat().st_size > 10_000
