"""Write the hostile-input corpus of issue 15 into a folder (generated, never committed: some inputs are bombs).

    python tests/data/hostile/make_hostile.py OUT_DIR

Makes ``OUT_DIR/in`` (the folder a run reads) and ``OUT_DIR/outside.txt`` (a file a link
in it points to, which a run must not read). :data:`EXPECTED` maps each id the run must
write to its kind (None for an Article, else the error kind); ids starting with a name in
:data:`ARCHIVES` come from bombs and broken archives, whose line count depends on the caps.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zipfile
from pathlib import Path

ARTICLE = "Chiều 22/3, Đại tá Lã Văn Hào dự hội nghị tổng kết công tác quốc phòng năm 2023."
SECRET = "NỘI DUNG BÍ MẬT ngoài thư mục"

EXPECTED: dict[str, str | None] = {
    "\ufffdname": None,  # a file name that is not UTF-8
    "s\ufffd": None,  # a lone surrogate in a JSON id
    "ok": None,
    "x": "parse",  # 100,000 nested brackets
    "overflow": None,
    "digits": None,
    "badbyte": None,
    "dup": None,
    "dup#2": None,
    "dup#3": None,
    "feed:1": None,
    "feed:1#2": None,
    "pipe": "parse",  # a FIFO
    "zero": "parse",  # a link to /dev/zero
    "leak": "parse",  # a link out of the folder
    "marks": None,
    "attrs": None,
    "deep": None,
    "warcneg": "parse",
    "n\ufffd": None,
    "n\ufffd#2": None,
    "future": None,
    "empty": "empty",
}
ARCHIVES = ("gzbomb", "m", "manysmall")  # their lines: a few articles or errors, then one too_large line


def make(out: Path) -> Path:
    """Write the corpus; returns the input folder."""
    d = out / "in"
    (d / "x").mkdir(parents=True, exist_ok=True)
    (d / "y").mkdir(parents=True, exist_ok=True)
    (out / "outside.txt").write_text(SECRET, encoding="utf-8")
    (d / os.fsdecode(b"\xffname.txt")).write_text(ARTICLE, encoding="utf-8")
    lines = [
        '{"id":"s\\udc00","text":"Hội nghị."}',
        json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False),
        '{"id":"x","text":' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"id": "overflow", "text": "Tỉnh chi 1" + ".000" * 103 + " đồng."}, ensure_ascii=False),
        json.dumps({"id": "digits", "text": "Tỉnh chi " + "9" * 5000 + " đồng."}, ensure_ascii=False),
        json.dumps({"id": "dup", "text": ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "dup", "text": ARTICLE + " Hai."}, ensure_ascii=False),
        json.dumps({"id": "dup", "text": ARTICLE + " Ba."}, ensure_ascii=False),
        json.dumps({"id": "n\u0000", "text": ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "n\ufffd", "text": ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "future", "text": "Ngày 22/3, " + ARTICLE, "published": "9999-12-31"}, ensure_ascii=False),
    ]
    (d / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "badbyte.txt").write_bytes(ARTICLE.encode() + b"\xff")
    for sub in ("x", "y"):
        (d / sub / "feed.jsonl").write_text(json.dumps({"text": f"{ARTICLE} {sub}"}, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    (d / "zero.txt").symlink_to("/dev/zero")
    (d / "leak.txt").symlink_to(out / "outside.txt")
    (d / "marks.txt").write_text("a" + "\u0301\u0323\u0300\u0303" * 75_000, encoding="utf-8")
    (d / "attrs.html").write_text(
        "<html><body><p " + " ".join(f"a{i}=1" for i in range(300_000)) + f">{ARTICLE}</p></body></html>",
        encoding="utf-8")
    (d / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + ARTICLE + "</body></html>", encoding="utf-8")
    (d / "warcneg.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\n")
    (d / "empty.txt").write_bytes(b"")
    with zipfile.ZipFile(d / "gzbomb.zip", "w", zipfile.ZIP_STORED) as zf:  # a .jsonl.gz inside a zip
        zf.writestr("m.jsonl.gz", _gz_zeros(400 * 1024 * 1024))
    with zipfile.ZipFile(d / "manysmall.zip", "w", zipfile.ZIP_DEFLATED) as zf:  # members under 1 MiB each
        for i in range(300):
            zf.writestr(f"s{i:03d}.txt", b"\x00" * (1024 * 1024 - 1))
    return d


def _gz_zeros(n: int) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as g:
        block = b"0" * (1024 * 1024)
        for _ in range(n // len(block)):
            g.write(block)
    return buf.getvalue()


if __name__ == "__main__":
    print(make(Path(sys.argv[1])))
