"""Bytes to text, and a guard against legacy Vietnamese encodings read as Latin-1.

Accepted: UTF-8 (with or without BOM; a few bad bytes in otherwise valid UTF-8 become U+FFFD
with a warning, and a legacy encoding is taken only when its evidence outweighs the valid UTF-8), UTF-16/UTF-32 with BOM (UTF-16 without
BOM when its zero bytes make it plain), Windows-1258 (``cp1258``, whose tone
marks are combining characters: the normalizer composes them, NFC), and any
charset an HTML page declares. Text in TCVN3 (ABC) — bytes or text already
mis-read as Latin-1 ("B¶o Th¾ng") — is converted character for character, so
offsets into the converted text stay those of the input. VNI text ("Vieät Nam")
cannot be converted one character for one and is refused with a ``decode`` error
naming VNI. Binary data and bytes no encoding explains are ``decode`` errors:
we never extract from garbage.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from qpextract.errors import DecodeError

# TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts): one byte per Vietnamese letter.
# The two strings are aligned: TCVN3 code (as read by Latin-1) -> Unicode letter.
# Capitals with a tone mark live in a separate capitals-only font in TCVN3 and
# share the lower-case codes, so they come back lower-case.
_TCVN3_CODES = (
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦"
)
_TCVN3_UNICODE = (
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
)
assert len(_TCVN3_CODES) == len(_TCVN3_UNICODE)
_TCVN3_TABLE = str.maketrans(_TCVN3_CODES, _TCVN3_UNICODE)

# Characters that are symbols in Latin-1 but letters in TCVN3: a page of real
# Vietnamese (or any Latin text) has almost none of them.
_TCVN3_MARKERS = re.compile("[¸µ¶·¹»¾¼½¨©ª«¬®\xad¡¢£¤¥¦§]")
# VNI writes a base letter followed by a mark byte: "aù" (á), "eâ" (ê), "ñ" (đ).
# Neither "ñ" nor a vowel followed by ù ø û õ ï occurs in Unicode Vietnamese.
# (the mark byte first, its base letter checked behind it, all in one leading class: ``re`` skips ahead
# only on a pattern that starts with one class; "[ñÑ]|[…](?<=…)" was tried at every position, 3x slower)
_VNI_MARKERS = re.compile(r"[ñÑùøûõïÙØÛÕÏâêÂÊ](?:(?<=[ñÑ])|(?<=[aeiouyAEIOUYôöÔÖ][ùøûõïÙØÛÕÏ]|[aeoAEO][âêÂÊ]))")
# Letters only Vietnamese (in Unicode) uses, and the combining tone marks of cp1258.
_VIETNAMESE = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")
_COMBINING = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_WORD = re.compile(r"\w+")
_BINARY = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", re.I)

_SAMPLE = 65536  # characters looked at by the detectors (enough to decide, cheap on 5 MB)


@dataclass(frozen=True)
class Decoded:
    """Text of an input, the encoding it was read with, and a note when it was repaired."""

    text: str
    encoding: str
    note: str | None = None


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode an input's bytes, or raise :class:`DecodeError` saying why not."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(_strict(data, enc, "after its byte-order mark"), enc)
    if b"\x00" in data[:_SAMPLE]:
        enc = _utf16_without_bom(data)
        if enc is None:
            raise DecodeError("binary data (NUL bytes), not text")
        return _checked(_strict(data, enc, "(guessed from its zero bytes)"), enc)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    mostly = _mostly_utf8(data, utf8_error.start)
    if mostly is not None:
        return mostly
    if html:
        declared = _declared_charset(data)
        if declared and declared not in {"utf-8", "utf8"}:
            try:
                enc = codecs.lookup(declared).name
            except LookupError:
                enc = None
            if enc is not None:
                return _checked(_strict(data, enc, "as its page declares"), enc)
    return _legacy(data, utf8_error)


def _mostly_utf8(data: bytes, first_bad: int) -> Decoded | None:
    """UTF-8 with a few bad bytes (a truncated last character, one stray byte): the valid text kept,
    each bad sequence replaced by U+FFFD, and a warning; None when the bytes look like another
    encoding (bad sequences are not rare next to the valid multi-byte ones)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if bad <= 0 or bad > max(2, multibyte // 20):
        return None
    if legacy_encoding(data.decode("latin-1")) is not None and multibyte < 4 * bad:
        return None
    decoded = _checked(text, "utf-8")
    note = f"{bad} byte sequence(s) that are not UTF-8 (the first at byte {first_bad}) were replaced by U+FFFD"
    return Decoded(decoded.text, decoded.encoding, "; ".join(x for x in (decoded.note, note) if x))


def check_text(text: str) -> Decoded:
    """Text already decoded (a JSON string, an HTML page's main text): repair TCVN3, refuse VNI/binary."""
    return _checked(text, "unicode")


def _strict(data: bytes, enc: str, why: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {enc} {why}: {exc.reason} at byte {exc.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 when nearly every zero byte sits on the same parity (ASCII letters in UTF-16)."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def _legacy(data: bytes, utf8_error: UnicodeDecodeError) -> Decoded:
    """Not UTF-8: TCVN3 or VNI bytes, or Windows-1258; anything else is refused."""
    latin = data.decode("latin-1")
    kind = legacy_encoding(latin)
    if kind == "TCVN3":
        return _checked(latin, "tcvn3")
    if kind == "VNI":
        raise _vni_error()
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_cp1258(text[:_SAMPLE]):
        return _checked(text, "cp1258")
    raise DecodeError(
        f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and not a recognised "
        "Vietnamese encoding (UTF-16 with BOM, Windows-1258, TCVN3)"
    )


def _plausible_cp1258(sample: str) -> bool:
    """Vietnamese letters present, and the combining tone marks sit on vowels."""
    viet = len(_VIETNAMESE.findall(sample))
    words = max(1, len(_WORD.findall(sample)))
    marks = [m.start() for m in _COMBINING.finditer(sample)]
    misplaced = sum(1 for i in marks if i == 0 or sample[i - 1] not in _VOWELS)
    return viet >= max(1, 0.02 * words) and misplaced <= 0.1 * len(marks)


def legacy_encoding(text: str) -> str | None:
    """``"TCVN3"`` or ``"VNI"`` when ``text`` reads like that legacy encoding seen through Latin-1."""
    sample = text[:_SAMPLE]
    tcvn = len(_TCVN3_MARKERS.findall(sample))
    vni = len(_VNI_MARKERS.findall(sample))
    if tcvn < 2 and vni < 2:
        return None  # neither can be (the common case: skip counting letters and words)
    viet = len(_VIETNAMESE.findall(sample))
    words = max(1, len(_WORD.findall(sample)))
    if tcvn >= 2 and tcvn >= 0.05 * words and viet <= 0.05 * tcvn and tcvn >= vni:
        return "TCVN3"
    if vni >= 2 and vni >= 0.05 * words and viet <= 0.05 * vni:
        return "VNI"
    return None


def _vni_error() -> DecodeError:
    return DecodeError(
        "text is in the legacy VNI encoding (e.g. 'Vieät Nam' for 'Việt Nam'); convert it to Unicode first"
    )


def _checked(text: str, encoding: str) -> Decoded:
    """Refuse binary-looking text and VNI; convert TCVN3 (one character for one)."""
    sample = text[:_SAMPLE]
    if sample and len(_BINARY.findall(sample)) > max(2, 0.01 * len(sample)):
        raise DecodeError(f"binary data (control characters) read as {encoding}, not text")
    kind = legacy_encoding(text)
    if kind == "VNI":
        raise _vni_error()
    if kind == "TCVN3":
        return Decoded(
            text.translate(_TCVN3_TABLE),
            "tcvn3",
            "input was in the legacy TCVN3 (ABC) encoding and was converted to Unicode",
        )
    return Decoded(text, encoding)
