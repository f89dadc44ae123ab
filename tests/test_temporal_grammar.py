"""The temporal grammar loader and the resolution step, piece by piece."""

from __future__ import annotations

import copy

import pytest

from qpextract.data import read_yaml
from qpextract.document import Reference
from qpextract.errors import DataFileError
from qpextract.extractors.temporal import TemporalExtractor, grammar
from qpextract.extractors.temporal.resolve import lunar_year, nearest_year


def _with_file(monkeypatch: pytest.MonkeyPatch, file: str, edit) -> None:
    """The grammar reads ``file`` as ``edit`` leaves a copy of it."""
    data = copy.deepcopy(read_yaml(file))
    edit(data)

    def fake(name: str):
        return data if name == file else read_yaml(name)

    monkeypatch.setattr(grammar, "read_yaml", fake)


def _with_rules(monkeypatch: pytest.MonkeyPatch, edit) -> None:
    _with_file(monkeypatch, "temporal_rules.yaml", edit)


def test_unknown_word_list_names_the_file_and_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_rules(monkeypatch, lambda r: r["rules"][0].update(pattern="{no_such_list}"))
    with pytest.raises(DataFileError, match=r"temporal_rules\.yaml.*no_such_list"):
        grammar.load_grammar()


def test_bad_kind_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_rules(monkeypatch, lambda r: r["rules"][0].update(kind="century"))
    with pytest.raises(DataFileError, match=r"temporal_rules\.yaml: rules\.0\.kind"):
        grammar.load_grammar()


def test_broken_regex_names_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_rules(monkeypatch, lambda r: r["rules"][0].update(pattern="(unclosed"))
    with pytest.raises(DataFileError, match=r"rule period\.\w+"):
        grammar.load_grammar()


def test_month_words_are_the_datelines_table_less_two() -> None:
    """month_word is datelines.yaml's Vietnamese month table without "năm" (months and years) and "bốn"."""
    datelines = read_yaml("datelines.yaml")["month_words"]["vi"]
    month_word = grammar._load_words()["month_word"]
    assert month_word == {w: n for w, n in datelines.items() if w not in ("năm", "bốn")}
    assert month_word["chạp"] == 12 and "năm" not in month_word


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"file": "datelines.yaml", "key": ["month_words", "vi"], "without": ["tháng mười ba"]}, "does not hold"),
        ({"file": "datelines.yaml", "key": ["month_words", "klingon"]}, "no such list"),
        ({"file": "datelines.yaml", "key": ["month_words", "vi"], "extra": 1}, "[Ee]xtra inputs"),
    ],
)
def test_a_bad_borrowed_list_names_the_file(monkeypatch: pytest.MonkeyPatch, spec: dict, message: str) -> None:
    _with_file(monkeypatch, "temporal_words.yaml", lambda w: w["borrowed"].update(month_word=spec))
    with pytest.raises(DataFileError, match=rf"temporal_words\.yaml: borrowed.*{message}"):
        grammar._load_words()


def test_a_list_both_borrowed_and_written_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_file(monkeypatch, "temporal_words.yaml", lambda w: w.update(month_word={"giêng": 1}))
    with pytest.raises(DataFileError, match="both borrowed and written"):
        grammar._load_words()


def test_quantifiers_are_not_templates() -> None:
    assert grammar.expand(r"\d{4}\d{1,2}", {}, {}) == r"\d{4}\d{1,2}"


def test_fragment_groups_are_renamed_for_spans() -> None:
    out = grammar.expand("{f:1}", {"f": "(?P<d>x)(?P=d)(?(d)y)"}, {})
    assert out == "(?P<d1>x)(?P=d1)(?(d1)y)"


@pytest.mark.parametrize(
    "ref, month, year",
    [
        (Reference(2023, 1, 5, "published"), 12, 2022),  # "ngày 28/12" read in January
        (Reference(2022, 12, 20, "published"), 1, 2023),  # "ngày 5/1" read in December
        (Reference(2022, 6, 1, "published"), 12, 2022),
        (Reference(2015, None, None, "title"), 12, 2015),
        (Reference(), 3, None),
    ],
)
def test_nearest_year(ref: Reference, month: int, year: int | None) -> None:
    assert nearest_year(ref, month) == year


def test_lunar_years() -> None:
    assert lunar_year(1, 5, None) == 2025  # Ất Tỵ
    assert lunar_year(4, 8, None) == 1968  # Mậu Thân: the remembered one, not 2028
    assert lunar_year(4, 10, 2017) == 2018  # Mậu Tuất, read late in 2017
    assert lunar_year(0, 1, None) is None  # Giáp Sửu does not exist


def test_invalid_days_yield_nothing() -> None:
    x = TemporalExtractor()
    for text in ["ngày 31/2/2020", "ngày 29/2/2021", "ngày 32/1", "tháng 13/2020", "quý V/2020"]:
        assert x.expressions(text, Reference()) == [], text


def test_a_span_over_new_year_starts_the_year_before() -> None:
    found = TemporalExtractor().expressions("từ ngày 5/12 đến ngày 1/3/2023", Reference())
    assert [f["value"] for *_, f in found] == ["2022-12-05/2023-03-01"]
