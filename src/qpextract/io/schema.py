"""The JSON Schema of one output line of ``qpextract extract``: an Article or an error line (``oneOf``)."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from qpextract.models import SCHEMA_VERSION, Article, ErrorLine


def output_line_schema() -> dict[str, Any]:
    """Draft 2020-12 schema; field descriptions come from the models (written from SPEC.md)."""
    refs, top = models_json_schema([(Article, "serialization"), (ErrorLine, "serialization")],
                                   ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"qpextract output line (schema version {SCHEMA_VERSION})",
        "description": "One JSON object per input: an Article, or an error line for an input that could not "
                       "become one (SPEC.md, \"Errors (batch)\").",
        "oneOf": [refs[(Article, "serialization")], refs[(ErrorLine, "serialization")]],
        "$defs": top["$defs"],
    }
