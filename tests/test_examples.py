"""Every examples file of the package (qpextract.examples shape) run by the one harness.

One test per case; a failure says which way it went wrong ("nothing found for ...",
"competing readings ...", "found ... although the example says ... is not there").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qpextract.examples import PACKAGE, check, components_named, example_files, load

FILES = example_files()


def _cases() -> list:
    out = []
    for path in FILES:
        ex = load(path)
        where = path.relative_to(PACKAGE).as_posix()
        for n, case in enumerate(ex.cases):
            out.append(pytest.param(ex, case, id=f"{where}#{n}:{case.label}"))
    return out


@pytest.mark.parametrize("ex,case", _cases())
def test_example(ex, case) -> None:
    problems = check(case, components_named(ex.components))
    assert not problems, "\n".join(problems)


def test_every_converted_file_is_found() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in FILES}
    assert {
        "extractors/temporal/examples.yaml",
        "extractors/numbers/examples.yaml",
        "extractors/events/examples.yaml",
        "extractors/places/examples.yaml",
        "text/examples/normalize.yaml",
        "text/examples/segment.yaml",
        "text/examples/abbreviations.yaml",
        "text/examples/metadata.yaml",
    } <= names


def test_the_harness_can_fail(tmp_path: Path) -> None:
    """A wrong expectation, a competing reading and an unwanted record are each reported."""
    f = tmp_path / "examples.yaml"
    f.write_text(
        "shape: qpextract-examples/1\ncomponents: [temporal]\ncases:\n"
        "- text: 'ngày 16/10/2020 và ngày 17/10/2020'\n  exact: true\n"
        "  expect: {dates: [{text: 'ngày 16/10/2020', value: '2020-10-17'}]}\n"
        "- text: 'ngày 16/10/2020 và ngày 17/10/2020'\n  exact: true\n"
        "  expect: {dates: [{value: '2020-10-16'}]}\n"
        "- text: 'ngày 16/10/2020'\n  absent: {dates: [{value~: 2020}]}\n",
        encoding="utf-8",
    )
    ex = load(f)
    comps = components_named(ex.components)
    assert "nothing found" in check(ex.cases[0], comps)[0]
    assert "competing readings" in check(ex.cases[1], comps)[0]
    assert "not there" in check(ex.cases[2], comps)[0]
