"""Readers and decoding: every format and encoding, every bad case gives exactly one item of the right kind."""

from __future__ import annotations

import io
import os
import json
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "data" / "inputs"))
import make_fixtures  # noqa: E402

from qpextract.errors import DecodeError  # noqa: E402
from qpextract.text.decode import check_text, decode_bytes, legacy_encoding  # noqa: E402
from qpextract.io.readers import Limits, iter_inputs, prepare  # noqa: E402

MIXED = ROOT / "tests" / "data" / "inputs" / "mixed"
NFC_ARTICLE = unicodedata.normalize("NFC", make_fixtures.ARTICLE)


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    extra = os.environ.get("PYTHONPATH", "")
    env = {"PYTHONPATH": f"{ROOT / 'src'}:{ROOT / 'tests'}:{extra}", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "qpextract", *args], input=stdin, capture_output=True, text=True, timeout=300, env=env
    )


def items_of(*paths: Path, **limits: int) -> list[dict]:
    return list(iter_inputs([str(p) for p in paths], Limits(**limits)))


# -- the mixed folder, end to end -----------------------------------------------------------------


def test_mixed_folder_gives_one_line_per_input_with_the_right_kind(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    r = run_cli("extract", str(MIXED), "-o", str(out), "--max-bytes", "50000", "--workers", "2")
    assert r.returncode == 1, r.stderr  # some inputs failed
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    warc = [line for line in lines if line["source"].startswith("https://example.vn/")]
    got = {line["id"]: (line["error"]["kind"] if "error" in line else None) for line in lines if line not in warc}
    assert got == make_fixtures.EXPECTED
    assert len(lines) == len(make_fixtures.EXPECTED) + 2, "one line per input, the WARC image record skipped"
    assert len({line["id"] for line in lines}) == len(lines)
    # WARC: URL as source, metadata date first, WARC-Date as the fallback
    assert sorted((w["source"], w["published"]) for w in warc) == [
        ("https://example.vn/tin/giao-quan.html", "2023-12-18T08:00"),
        ("https://example.vn/tin/hoi-nghi-tong-ket.html", "2023-12-16T20:54"),
    ]
    articles = {line["id"]: line for line in lines if "error" not in line}
    # every encoding reads as the same article
    for aid in ("plain", "bom", "utf16", "cp1258", "nfd", "tcvn3", "zip-member", "tar-member", "json-ok"):
        assert articles[aid]["text"].startswith("Hội nghị tổng kết công tác quốc phòng"), aid
        assert "Bảo Thắng" in articles[aid]["text"], aid
    assert any("TCVN3" in w for w in articles["tcvn3"]["warnings"])
    assert articles["json-ok"]["title"] == "Giao nhận quân năm 2024" and articles["json-ok"]["published"] == "2024-02-20"
    # HTML: main text and metadata, boilerplate gone
    page = articles["page"]
    assert page["title"] == "Hội nghị tổng kết công tác QP-QSĐP năm 2023"
    assert page["published"] == "2023-12-16T20:54" and page["authors"] == ["Minh Cường"]
    assert "76 công dân nhập ngũ" in page["text"]
    for junk in ("Trang chủ", "Đăng nhập", "Giá vàng", "Bản quyền"):
        assert junk not in page["text"]
    assert "errors: 10" in r.stderr and "inputs: 24" in r.stderr


# -- decoding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        NFC_ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + NFC_ARTICLE.encode("utf-8"),
        NFC_ARTICLE.encode("utf-16"),
        NFC_ARTICLE.encode("utf-16-le"),  # no BOM: told by its zero bytes
        NFC_ARTICLE.encode("utf-32"),
        make_fixtures.to_cp1258(NFC_ARTICLE),
        unicodedata.normalize("NFD", NFC_ARTICLE).encode("utf-8"),
        make_fixtures.to_tcvn3(NFC_ARTICLE),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "utf32", "cp1258", "nfd", "tcvn3"],
)
def test_every_accepted_encoding_decodes_to_the_article(data: bytes) -> None:
    assert unicodedata.normalize("NFC", decode_bytes(data).text) == NFC_ARTICLE


def test_tcvn3_seen_through_latin1_is_converted_one_character_for_one() -> None:
    fixed = check_text("HuyÖn B¶o Th¾ng, M\xadêng Kh\xad¬ng")  # ư is the soft hyphen of Latin-1
    assert fixed.text == "Huyện Bảo Thắng, Mường Khương"
    assert check_text("B¶o Th¾ng").text == "Bảo Thắng"
    assert len(check_text("B¶o Th¾ng").text) == len("B¶o Th¾ng"), "offsets stay those of the input"


@pytest.mark.parametrize(
    "text",
    ["Vieät Nam ñaõ toå chöùc hoäi nghò", make_fixtures.VNI],
)
def test_vni_is_refused_naming_the_encoding(text: str) -> None:
    with pytest.raises(DecodeError, match="VNI"):
        check_text(text)
    with pytest.raises(DecodeError, match="VNI"):
        decode_bytes(text.encode("cp1252"))


@pytest.mark.parametrize(
    "data, why",
    [
        (bytes(range(256)) * 4, "binary"),
        (b"\x01\x02\x03\x04" * 50 + b"abc", "binary"),
        ("Déjà prévu à Besançon, très attendu.".encode("latin-1"), "not UTF-8"),
        (b"\xff\xfe" + b"\x00\xd8" * 3, "not valid utf-16"),
    ],
)
def test_undecodable_bytes_are_decode_errors(data: bytes, why: str) -> None:
    with pytest.raises(DecodeError, match=why):
        decode_bytes(data)


def test_unicode_vietnamese_is_never_taken_for_a_legacy_encoding() -> None:
    for text in (NFC_ARTICLE, "« Ủy ban » © 2023 · Báo Quân đội nhân dân", "Peña Nieto gặp Chủ tịch nước"):
        assert legacy_encoding(text) is None


def test_the_real_corpus_has_no_legacy_false_positive(shared: Path) -> None:
    with open(shared / "corpus-real" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            assert legacy_encoding(record["text"]) is None, record["id"]


def test_html_page_declaring_its_charset() -> None:
    page = make_fixtures.PAGE.replace('charset="utf-8"', 'charset="windows-1258"')
    decoded = decode_bytes(make_fixtures.to_cp1258(page), html=True)
    assert "Bảo Thắng" in unicodedata.normalize("NFC", decoded.text)


# -- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_line_over_the_limit_is_too_large_and_the_next_line_is_read(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "huge", "text": "x" * 5000}) + "\n" + json.dumps({"id": "ok", "text": "Chào"}) + "\n",
        encoding="utf-8",
    )
    items = items_of(src, max_bytes=1000)
    assert [(i["id"], i.get("error", (None,))[0]) for i in items] == [("huge", "too_large"), ("ok", None)]


def test_jsonl_without_ids_numbers_lines_and_skips_blank_lines(tmp_path: Path) -> None:
    src = tmp_path / "feed.jsonl"
    src.write_text('{"text": "một"}\n\n{"text": "hai"}\n', encoding="utf-8")
    assert [i["id"] for i in items_of(src)] == ["feed:1", "feed:3"]


def test_non_object_line_is_a_parse_error(tmp_path: Path) -> None:
    src = tmp_path / "x.jsonl"
    src.write_text('[1, 2]\n"text"\n', encoding="utf-8")
    assert [i["error"][0] for i in items_of(src)] == ["parse", "parse"]


# -- archives ---------------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_member_over_the_size_limit_is_too_large_without_being_read(tmp_path: Path) -> None:
    text = NFC_ARTICLE.encode()
    z = _zip(tmp_path / "a.zip", {"small.txt": text, "large.txt": text * 50})
    items = items_of(z, max_bytes=len(text) * 10)
    assert [(i["id"], i.get("error", (None,))[0]) for i in items] == [("small", None), ("large", "too_large")]


def test_zip_slip_names_are_refused(tmp_path: Path) -> None:
    z = _zip(tmp_path / "s.zip", {"../up.txt": b"a", "/etc/abs.txt": b"b", "C:/win.txt": b"c", "ok/fine.txt": b"Chao"})
    kinds = {i["id"]: i.get("error", (None, ""))[0] for i in items_of(z)}
    assert kinds == {"up": "parse", "abs": "parse", "win": "parse", "fine": None}


def test_archive_total_cap_stops_unpacking(tmp_path: Path) -> None:
    data = NFC_ARTICLE.encode() * 4
    z = _zip(tmp_path / "t.zip", {f"m{i}.txt": data for i in range(5)})
    items = items_of(z, max_total=len(data) * 3)
    # the archive stops at the cap: one too_large line stands for the members not read
    assert [(i["id"], i.get("error", (None,))[0]) for i in items] == [
        ("m0", None), ("m1", None), ("m2", None), ("t:rest", "too_large")]


def test_tar_bomb_stops_on_the_compression_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.tar.gz"
    with tarfile.open(path, "w:gz") as tf:
        for name, size in (("ok.txt", 0), ("bomb.txt", 64 * 1024 * 1024)):
            data = NFC_ARTICLE.encode() if size == 0 else b"\0" * size
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    items = items_of(path)
    assert items[0]["id"] == "ok" and "error" not in items[0]
    assert items[-1]["error"][0] == "too_large"
    assert "ratio" in items[-1]["error"][1] or "limit" in items[-1]["error"][1]


def test_tar_links_and_climbing_names_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "links.tar"
    with tarfile.open(path, "w") as tf:
        link = tarfile.TarInfo("passwd.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tf.addfile(link)
        up = tarfile.TarInfo("../../up.txt")
        up.size = 4
        tf.addfile(up, io.BytesIO(b"Chao"))
    assert [(i["id"], i["error"][0]) for i in items_of(path)] == [("passwd", "parse"), ("up", "parse")]


def test_broken_zip_is_one_parse_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert [(i["id"], i["error"][0]) for i in items_of(bad)] == [("bad", "parse")]


# -- files and folders ----------------------------------------------------------------------------


def test_same_stem_in_two_folders_gets_two_ids(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "bai.txt").write_text("Chào", encoding="utf-8")
    assert [i["id"] for i in items_of(tmp_path)] == ["bai", "bai#2"]


def test_prepare_turns_html_into_text_and_refuses_an_empty_page() -> None:
    item = prepare({"id": "p", "html": make_fixtures.PAGE})
    assert "76 công dân" in item["text"] and item["title"].startswith("Hội nghị")
    with pytest.raises(Exception, match="no main text"):
        prepare({"id": "q", "html": "<html><head><title></title></head><body><script>var x = 1;</script></body></html>"})


def test_gzipped_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "text": "Chào"}) + "\n" + json.dumps({"id": "g2", "text": "Hội nghị"}) + "\n")
    assert [i["id"] for i in items_of(path)] == ["g1", "g2"]


def test_the_runs_own_output_in_a_walked_folder_is_not_an_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Chào", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "x", "text": "old output"}\n', encoding="utf-8")
    assert [i["id"] for i in iter_inputs([str(tmp_path)], exclude=[str(out)])] == ["a"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.booleans())
def test_decoding_any_bytes_gives_text_or_a_decode_error(data: bytes, html: bool) -> None:
    try:
        decoded = decode_bytes(data, html=html)
    except DecodeError as exc:
        assert exc.kind == "decode" and exc.message
    else:
        assert isinstance(decoded.text, str)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_checking_any_text_keeps_its_length_or_refuses_it(text: str) -> None:
    try:
        fixed = check_text(text)
    except DecodeError:
        return
    assert len(fixed.text) == len(text), "offsets into the input stay valid"
