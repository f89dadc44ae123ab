"""The small exception hierarchy of qpextract, each with a stable error kind."""

from __future__ import annotations

from typing import Any


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


class TooLargeError(InputError):
    def __init__(self, message: str) -> None:
        super().__init__("too_large", message)


class ParseError(InputError):
    def __init__(self, message: str) -> None:
        super().__init__("parse", message)


class MissingExtra(QpextractError, ImportError):
    """An optional dependency is not installed; the message names the extra that brings it."""

    kind = "usage"

    def __init__(self, what: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{what}, which is not installed: pip install 'qpextract[{extra}]'")


class UsageError(QpextractError):
    """A command or call cannot run as asked (bad URL, unknown output kind, not a qpextract database)."""

    kind = "usage"


def require(module: str, what: str, extra: str) -> Any:
    """Import ``module`` or raise :class:`MissingExtra` naming ``extra``."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"{what} needs {module}", extra) from None
