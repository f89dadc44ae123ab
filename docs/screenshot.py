"""Remake docs/render-seed-002.png: seed 002 rendered by `qpextract render`, a date hovered, in headless Chromium.

    python docs/screenshot.py            # needs the browse + browser-test extras and Debian's chromium
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "seeds" / "002_f8d7a2f6e447c266.txt"
OUT = ROOT / "docs" / "render-seed-002.png"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "002.html"
        subprocess.run([sys.executable, "-m", "qpextract", "render", str(SEED.relative_to(ROOT)), "-o", str(page_file)],
                       check=True, cwd=ROOT)
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            page.goto(page_file.as_uri())
            page.locator("#text mark.k-date").nth(1).hover()  # "nhiệm kỳ 2020-2025": value, first and last day
            page.screenshot(path=str(OUT), full_page=False)
            browser.close()
    print(OUT)


if __name__ == "__main__":
    main()
