"""Loaders for the word lists and tables in ``data/vi``.

Every vocabulary the extractors use lives here as TSV or YAML, one entry per
line. Each row is validated with a pydantic model; a mistake names the file
and line instead of surfacing later as a wrong extraction.
"""

from __future__ import annotations

from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from qpextract.errors import DataFileError

M = TypeVar("M", bound=BaseModel)
# libyaml's loader when PyYAML was built with it: ten times faster start-up for every worker
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LANG = "vi"


def data_text(name: str) -> str:
    """Read a bundled data file (``data/vi/NAME``) as text."""
    return resources.files(__package__).joinpath(LANG).joinpath(name).read_text(encoding="utf-8")


def read_tsv(name: str, model: type[M]) -> list[M]:
    """Rows of ``data/vi/NAME`` (header line first, ``#`` comments) as ``model``s."""
    return parse_tsv(data_text(name), name, model)


def parse_tsv(text: str, name: str, model: type[M]) -> list[M]:
    """Rows of a TSV text as ``model``s; a bad row raises naming ``name`` and the line."""
    rows: list[M] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{name}:{lineno}: {len(cells)} cells, header has {len(header)}")
        record: dict[str, Any] = {k: v for k, v in zip(header, cells) if v != ""}
        try:
            rows.append(model.model_validate(record))
        except ValidationError as exc:
            raise DataFileError(f"{name}:{lineno}: {exc.errors()[0]['msg']} in {record}") from exc
    return rows


def read_yaml(name: str) -> Any:
    """A bundled YAML file of ``data/vi``."""
    try:
        return yaml.load(data_text(name), Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: {exc}") from exc
