"""The small exception hierarchy of qpextract, each with a stable error kind."""

from __future__ import annotations


class QpextractError(Exception):
    """Base of every error qpextract raises on purpose."""

    kind = "internal"


class DataFileError(QpextractError):
    """A bundled data file has a malformed line (names file and line)."""


class InputError(QpextractError):
    """An input cannot become an Article; ``kind`` is the SPEC error kind."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class DecodeError(InputError):
    def __init__(self, message: str) -> None:
        super().__init__("decode", message)


class EmptyInputError(InputError):
    def __init__(self, message: str = "the input has no text") -> None:
        super().__init__("empty", message)
