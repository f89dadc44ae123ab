"""Credit labels ("Ảnh:", "Nguồn:", "Tác giả:"): one list in data/vi/credits.yaml for every rule that reads a credit.

Officials, abbreviations, numbers and the byline reader each take the labels the file names them for, so a label
is added or removed in one place.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ValidationError

from qpextract.data import read_yaml
from qpextract.errors import DataFileError

Reader = Literal["officials", "abbreviations", "numbers", "metadata"]


class _Credits(BaseModel):
    labels: dict[str, list[Reader]]


@lru_cache(maxsize=1)
def _credits() -> _Credits:
    try:
        return _Credits.model_validate(read_yaml("credits.yaml"))
    except ValidationError as exc:
        raise DataFileError(f"credits.yaml: {exc.errors()[0]['msg']} at {exc.errors()[0]['loc']}") from exc


def credit_labels(reader: Reader) -> list[str]:
    """The credit labels ``reader`` takes, as written in data/vi/credits.yaml, in file order."""
    return [label for label, readers in _credits().labels.items() if reader in readers]
