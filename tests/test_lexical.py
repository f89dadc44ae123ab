"""The lexical layer: computed once per document, equal to what each extractor computed by itself."""

from __future__ import annotations

import random

from qpextract.extractors.numbers import _window_spans
from qpextract.text.lexical import TOKEN, Lexical, literal_alternation, same_length_lower, word_alternation

TEXT = (
    "Năm 2023, x1.5 thanh niên (12,5%) nhập ngũ; a12,3.4 và 1.200.000 đồng.\n"
    "Quân khu 7: 3 đơn vị, İstanbul 20h30, 16/10/2020... Đại tá Lã Văn Hào"
)


def test_lower_keeps_every_offset() -> None:
    assert len(same_length_lower(TEXT)) == len(TEXT)
    assert Lexical(TEXT).lower == same_length_lower(TEXT)
    assert same_length_lower("ĐẠI TÁ") == "đại tá"


def test_window_tokens_equal_tokenizing_the_window_alone() -> None:
    lex = Lexical(TEXT)
    rng = random.Random(0)
    for _ in range(3000):
        a = rng.randrange(len(TEXT))
        b = min(len(TEXT), a + rng.randrange(1, 90))
        want = [(m.start() + a, m.end() + a) for m in TOKEN.finditer(TEXT[a:b])]
        assert _window_spans(lex, a, b) == want, (a, b, TEXT[a:b])


def test_syllable_classes() -> None:
    lex = Lexical("Đại tá UBND 12 ,\n")
    classes = [lex.syllable_class(i) for i in range(len(lex.token_starts))]
    assert classes == ["capitalized", "lower", "upper", "digits", "sign", "newline"]
    assert lex.is_capitalized(0) and not lex.is_capitalized(1)


def test_word_alternation_longest_whole_word() -> None:
    """The longest phrase wins where one holds another, and a phrase inside a longer word is no match."""
    pattern = word_alternation(["mười", "mười hai", "ba", "mười"])
    assert [m.group() for m in pattern.finditer("tháng mười hai, tháng mười, bao")] == ["mười hai", "mười"]


def test_alternation_is_the_same_from_run_to_run() -> None:
    """Words of one length keep one order whatever the input order or the string hash seed of the process."""
    import os
    import subprocess
    import sys

    words = [f"{a}{b}" for a in "abcdefgh" for b in "xyzw"] + ["mười hai", "ba", "mười"]
    rng = random.Random(1)
    built = set()
    for _ in range(20):
        rng.shuffle(words)
        built.add(literal_alternation(words))
        assert word_alternation(words).pattern == rf"(?<!\w)(?:{literal_alternation(words)})(?!\w)"
    assert built == {literal_alternation(sorted(words))}
    assert literal_alternation(["ba", "ab", "mười", "a.b"]) == r"mười|a\.b|ab|ba"
    code = f"from qpextract.text.lexical import literal_alternation as f; print(f({words!r}))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert runs == {literal_alternation(words) + "\n"}
