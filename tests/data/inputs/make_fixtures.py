"""Regenerate the input fixtures of tests/test_io_*.py: one file per format, encoding and bad case.

Run: python tests/data/inputs/make_fixtures.py  (writes next to itself; the files are committed).
``EXPECTED`` (id -> error kind, None for an Article) is what a run over this folder with
``--max-bytes 50000`` must give; the WARC records are checked by URL instead.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import tarfile
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "mixed"

ARTICLE = (
    "Hội nghị tổng kết công tác quốc phòng, quân sự địa phương năm 2023\n"
    "Sáng ngày 16/12/2023, Ban Chỉ huy quân sự huyện Bảo Thắng tổ chức hội nghị tổng kết công tác "
    "quốc phòng, quân sự địa phương năm 2023, triển khai nhiệm vụ năm 2024. Dự hội nghị có đồng chí "
    "Nguyễn Văn An, Bí thư Huyện ủy; Thượng tá Lê Minh Đức, Chỉ huy trưởng Ban CHQS huyện. "
    "Năm 2023, huyện đã giao 76 công dân nhập ngũ, đạt 100% chỉ tiêu.\n"
    "Minh Cường\n"
)

EXPECTED: dict[str, str | None] = {
    "plain": None,
    "bom": None,
    "utf16": None,
    "cp1258": None,
    "nfd": None,
    "tcvn3": None,  # converted to Unicode, with a warning
    "vni": "decode",
    "latin1": "decode",
    "binary": "decode",
    "empty": "empty",
    "big": "too_large",
    "page": None,
    "json-ok": None,
    "json-empty": "empty",
    "broken": "parse",  # malformed JSON line (its id is still found)
    "json-notext": "parse",
    "zip-member": None,
    "zip-page": None,
    "evil": "parse",  # zip-slip member ../../evil.txt
    "bomb": "too_large",
    "tar-member": None,
    "tar-json": None,
}


def to_cp1258(s: str) -> bytes:
    """Windows-1258 bytes: base letters with their vowel marks, tone marks as combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", s):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        for k in range(len(marks), -1, -1):
            for keep in itertools.combinations(range(len(marks)), k):
                head = unicodedata.normalize("NFC", base + "".join(marks[i] for i in keep))
                rest = "".join(m for i, m in enumerate(marks) if i not in keep)
                try:
                    out += head.encode("cp1258") + rest.encode("cp1258")
                    break
                except UnicodeEncodeError:
                    continue
            else:
                continue
            break
    return bytes(out)


def to_tcvn3(s: str) -> bytes:
    from qpextract.text.decode import _TCVN3_CODES, _TCVN3_UNICODE

    return s.translate(str.maketrans(_TCVN3_UNICODE, _TCVN3_CODES)).encode("latin-1")


# "Việt Nam đã tổ chức hội nghị tổng kết công tác quốc phòng địa phương năm 2023" in VNI-Windows.
VNI = (
    "Vieät Nam ñaõ toå chöùc hoäi nghò toång keát coâng taùc quoác phoøng ñòa phöông naêm 2023. "
    "Ban Chæ huy quaân söï huyeän ñaõ giao 76 coâng daân nhaäp nguõ.\n"
)

PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>Hội nghị tổng kết công tác QP-QSĐP năm 2023 - Báo Lào Cai</title>
<meta property="og:title" content="Hội nghị tổng kết công tác QP-QSĐP năm 2023">
<meta property="article:published_time" content="2023-12-16T20:54:00+07:00">
<meta name="author" content="Minh Cường">
</head><body>
<nav><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a> | <a href="/quoc-phong">Quốc phòng</a></nav>
<header><div class="menu">Đăng nhập | Đăng ký | Liên hệ quảng cáo</div></header>
<article>
<h1>Hội nghị tổng kết công tác QP-QSĐP năm 2023</h1>
<p>Sáng ngày 16/12/2023, Ban Chỉ huy quân sự huyện Bảo Thắng tổ chức hội nghị tổng kết công tác quốc phòng,
quân sự địa phương năm 2023, triển khai nhiệm vụ năm 2024.</p>
<p>Dự hội nghị có đồng chí Nguyễn Văn An, Bí thư Huyện ủy; Thượng tá Lê Minh Đức, Chỉ huy trưởng Ban CHQS huyện.</p>
<p>Năm 2023, huyện đã giao 76 công dân nhập ngũ, đạt 100% chỉ tiêu; tổ chức diễn tập khu vực phòng thủ đạt loại giỏi.</p>
</article>
<aside>Tin liên quan: Giá vàng hôm nay tăng mạnh</aside>
<footer>© Bản quyền thuộc Báo Lào Cai. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</footer>
</body></html>
"""


def jsonl(*objs: object) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objs)


def warc_bytes() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    pages = [
        ("https://example.vn/tin/hoi-nghi-tong-ket.html", "text/html; charset=utf-8", PAGE.encode(), "2023-12-17T01:02:03Z"),
        ("https://example.vn/anh/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64), "2023-12-17T01:02:04Z"),
        (
            "https://example.vn/tin/giao-quan.html",
            "text/html",
            PAGE.replace("2023-12-16T20:54:00+07:00", "").encode(),
            "2023-12-18T08:00:00Z",
        ),
    ]
    for url, ctype, body, date in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}
        )
        writer.write_record(record)
    return buf.getvalue()


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    for old in HERE.iterdir():
        old.unlink()
    w = lambda name, data: (HERE / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))  # noqa: E731
    w("plain.txt", ARTICLE)
    w("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    w("utf16.txt", ARTICLE.encode("utf-16"))
    w("cp1258.txt", to_cp1258(ARTICLE))
    w("nfd.txt", unicodedata.normalize("NFD", ARTICLE))
    w("tcvn3.txt", to_tcvn3(ARTICLE))
    w("vni.txt", VNI.encode("cp1252"))
    w("latin1.txt", "Le conseil municipal s'est réuni à Besançon; déjà prévu, très attendu.\n".encode("latin-1"))
    w("binary.txt", bytes(range(256)) * 4)
    w("empty.txt", b"")
    w("big.txt", ARTICLE * 120)  # about 60 KB: over --max-bytes 50000
    w("page.html", PAGE)
    w(
        "lines.jsonl",
        jsonl(
            {"id": "json-ok", "title": "Giao nhận quân năm 2024", "published": "2024-02-20", "text": ARTICLE},
            '{"id": "broken", "text": "no closing brace"',
            {"id": "json-empty", "text": "   "},
            {"id": "json-notext", "text": 42},
        ),
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("docs/zip-member.txt", ARTICLE)
        zf.writestr("docs/zip-page.html", PAGE)
        zf.writestr("docs/readme.md", "not an input")
    w("bundle.zip", buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../../evil.txt", ARTICLE)
    w("zipslip.zip", buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("bomb.txt", b"\x20" * (20 * 1024 * 1024))
    w("bomb.zip", buf.getvalue())
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in (
            ("tar-member.txt", ARTICLE.encode()),
            ("sub/tar-lines.jsonl", jsonl({"id": "tar-json", "text": ARTICLE}).encode()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    w("bundle.tar.gz", buf.getvalue())
    w("crawl.warc.gz", warc_bytes())
    w("notes.md", "not an input: unknown suffixes in a folder are left alone\n")


if __name__ == "__main__":
    main()
