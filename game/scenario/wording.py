"""Pydantic validation errors turned into located sentences: what was expected, what was found, did-you-mean."""

from __future__ import annotations

import types
import typing
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from game.scenario import schema as sc
from game.scenario.report import Path_, Report, did_you_mean, show


def validate(data: dict, report: Report) -> sc.ScenarioFile | None:
    """The validated file, or None after reporting every schema error."""
    try:
        return sc.ScenarioFile.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _schema_problem(error, report)
        return None


def _schema_problem(error: dict, report: Report) -> None:
    """Report one pydantic error at the right node, in plain words."""
    path = tuple(p for p in error["loc"] if not (isinstance(p, str) and p in sc.UNION_TAGS))
    if path in report.unreadable:
        return
    kind, found = error["type"], show(error.get("input"))
    if path and path[-1] == "[key]":
        path = path[:-1]
        report.at(path, f"key {found} is not allowed here: {_type_message(error, found)}", on_key=True)
    elif kind == "missing":
        name = path[-1]
        info = _field_info(path[:-1], name)
        hint = f" ({info.description.rstrip('.')})" if info is not None and info.description else ""
        report.at(path[:-1], f"missing required key '{name}'{hint}; add `{name}:` here")
    elif kind == "extra_forbidden":
        allowed = _allowed_keys(path[:-1])
        hint = did_you_mean(path[-1], allowed) or (f"; allowed keys here: {', '.join(allowed)}" if allowed else "")
        report.at(path, f"unknown key '{path[-1]}'{hint}", on_key=True)
    else:
        node = report.node(path)
        written = node.value if isinstance(node, yaml.ScalarNode) else None
        report.at(path, _type_message(error, found, written))


TYPE_WORDS = {
    "int_type": "an integer (a whole number)",
    "int_from_float": "an integer (a whole number)",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "a string",
    "list_type": "a list (lines starting with '- ', or [a, b])",
    "tuple_type": "a list",
    "dict_type": "a mapping (key: value lines, or {key: value})",
    "model_type": "a mapping (key: value lines, or {key: value})",
    "model_attributes_type": "a mapping (key: value lines, or {key: value})",
}


CUSTOM_WITH_FOUND = frozenset({"text_type", "audience_type", "tie_type"})
CUSTOM_AS_IS = frozenset({"out_of_range", "not_finite", "format_version", "audience_keys"})


def _type_message(error: dict, found: str, written: str | None = None) -> str:
    """What was expected and found, for errors other than missing and unknown keys."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind in TYPE_WORDS:
        quote = kind == "string_type" and isinstance(value, (bool, int, float))
        return f"expected {TYPE_WORDS[kind]}, found {found}" + ("; put it in quotes" if quote else "")
    if kind == "literal_error":
        return f"expected {ctx.get('expected', 'one of the allowed values')}, found {found}"
    if kind == "string_pattern_mismatch":
        return f"expected an identifier made of letters, digits, '_' and '-' (no spaces), found {found}"
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length', 1)} item(s), found an empty list"
    if kind in CUSTOM_WITH_FOUND:
        return f"{error['msg']}, found {found}"
    if kind == "out_of_range" and written is not None:
        return f"expected {ctx['expected']}, found {written}"
    if kind == "finite_number":
        return f"expected a finite number, found {written or found}"
    if kind in CUSTOM_AS_IS:
        return error["msg"]
    message = error["msg"]
    return f"{message[:1].lower()}{message[1:]}, found {found}"


def _flatten(tp: Any) -> list[Any]:
    """The alternatives of a type, with Annotated and unions unwrapped."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _flatten(typing.get_args(tp)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [alt for arg in typing.get_args(tp) for alt in _flatten(arg)]
    return [tp]


def _descend(tp: Any, part: Any) -> Any:
    """The type found one step down (a field, a list item or a dict value)."""
    for alt in _flatten(tp):
        if isinstance(alt, type) and issubclass(alt, BaseModel):
            if isinstance(part, str) and part in alt.model_fields:
                return alt.model_fields[part].annotation
        elif typing.get_origin(alt) is list and isinstance(part, int):
            return typing.get_args(alt)[0]
        elif typing.get_origin(alt) is dict and isinstance(part, str):
            return typing.get_args(alt)[1]
    return None


def _model_at(path: Path_) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at `path`."""
    tp: Any = sc.ScenarioFile
    for part in path:
        tp = _descend(tp, part)
    for alt in _flatten(tp):
        if isinstance(alt, type) and issubclass(alt, BaseModel):
            return alt
    return None


def _allowed_keys(path: Path_) -> list[str]:
    """Keys the mapping at `path` may hold."""
    found = _model_at(path)
    return list(found.model_fields) if found else []


def _field_info(path: Path_, name: str) -> Any:
    """The pydantic FieldInfo of key `name` in the mapping at `path`."""
    found = _model_at(path)
    return found.model_fields.get(name) if found else None
