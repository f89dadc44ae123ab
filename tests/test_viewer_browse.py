"""`qpextract browse`: Datasette started on a database written by `extract`, fetched over loopback HTTP.

The real archive (2,000 articles of ../shared/corpus-real) when ../shared is there; a small fixed
set (the seeds and the development inputs) always. Every server a test starts is stopped.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import CORPUS

pytest.importorskip("datasette", reason="datasette (the browse extra) is not installed")


def qpx(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qpextract", *args], capture_output=True, text=True, timeout=timeout)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.status, r.read().decode("utf-8")


@contextmanager
def browsing(db: Path, *inputs: str):
    """``qpextract browse`` on a free loopback port; yields its base URL; always stops it."""
    port = _free_port()
    args = [sys.executable, "-m", "qpextract", "browse", str(db), "--port", str(port)]
    for p in inputs:
        args += ["--inputs", p]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                get(base + "/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"browse did not start: {out[-2000:]}")
                time.sleep(0.3)
        yield base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=20)
        if proc.stdout:
            proc.stdout.close()


def check_archive(base: str, name: str, some_id: str, *, exact: bool) -> None:
    status, home = get(base + "/")
    assert status == 200 and "qpextract archive" in home
    for path in ("", "/articles", "/events?_facet=type", "/officials", "/locations?kind=province"):
        status, page = get(f"{base}/{name}{path}")
        assert status == 200, path
    _, events = get(f"{base}/{name}/events")
    assert "qpx-page" in events  # the script that puts a page link by every article link
    _, found = get(f"{base}/{name}/events_filter?type=exercise&year=&province=&rank=")
    assert "/-/article?id=" in found  # query results: article_id cells link to the page
    assert "conferences_first_half_2023" in get(f"{base}/{name}")[1]  # canned queries are listed
    facets = json.loads(get(f"{base}/{name}/events.json")[1])["facet_results"]
    assert {"type", "first_day (year)"} <= set(facets)  # event type and year facets
    year = facets["first_day (year)"]["results"][0]
    _, rows = get(f"{base}/{name}/events.json?_shape=array&_size=max&first_day__startswith={year['value']}")
    assert len(json.loads(rows)) == year["count"]
    _, rows = get(f"{base}/{name}/enlisted_by_district.json?_shape=array")
    assert isinstance(json.loads(rows), list)
    _, rows = get(f"{base}/{name}/events_filter.json?_shape=array&type=exercise&year=&province=&rank=")
    found = json.loads(rows)
    assert found and all(r["type"] == "exercise" for r in found)
    _, rows = get(f"{base}/{name}/conference_chairs.json?_shape=array&period=")
    assert isinstance(json.loads(rows), list)
    status, page = get(f"{base}/-/article?id={quote(some_id, safe='')}")
    assert status == 200 and page.count("<mark") > 3
    assert ("Drawn over the stored normalized text" in page) != exact


@pytest.mark.shared
def test_browse_the_real_archive(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "real.sqlite"
    src = shared / "corpus-real" / "articles.jsonl"
    r = qpx("extract", str(src), "-o", str(db), "-q")
    assert r.returncode == 0, r.stderr
    first = json.loads(src.open(encoding="utf-8").readline())["id"]
    with browsing(db, str(src)) as base:
        _, articles = get(f"{base}/real/articles.json?_shape=array&_size=1&_col=id")
        assert articles
        _, count = get(f"{base}/real.json?sql=select+count(*)+as+n+from+articles&_shape=array")
        assert json.loads(count)[0]["n"] == 2000
        check_archive(base, "real", first, exact=True)


def test_browse_a_small_archive_with_and_without_inputs(tmp_path: Path) -> None:
    db = tmp_path / "small.sqlite"
    dev = CORPUS / "gold" / "real-inputs.jsonl"
    r = qpx("extract", str(CORPUS / "seeds"), str(dev), "-o", str(db), "-q")
    assert r.returncode == 0, r.stderr
    with browsing(db, str(CORPUS / "seeds"), str(dev)) as base:
        check_archive(base, "small", "002_f8d7a2f6e447c266", exact=True)
    with browsing(db) as base:  # no inputs: pages over the stored text, and they say so
        check_archive(base, "small", "002_f8d7a2f6e447c266", exact=False)
        click_through_in_chromium(base, "small", tmp_path)


def click_through_in_chromium(base: str, name: str, tmp_path: Path) -> None:
    """In a browser: the events table shows page links, and one opens a page with highlights."""
    import shutil

    sync_api = pytest.importorskip("playwright.sync_api")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("no chromium on CI")
        pytest.skip("no chromium")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{base}/{name}/events?_facet=type")
            links = page.locator("a.qpx-page")
            assert links.count() > 3
            page.screenshot(path=str(tmp_path / "events.png"))
            links.first.click()
            page.wait_for_load_state("load")
            assert page.locator("#text mark").count() > 3
            page.screenshot(path=str(tmp_path / "article.png"))
            assert not errors, errors
        finally:
            browser.close()
