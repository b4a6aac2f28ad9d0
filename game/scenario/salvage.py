"""Each item of each section validated on its own, so cross-references of the valid parts can still be checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ConfigDict, TypeAdapter, ValidationError

from game.scenario import schema as sc

_STRICT = ConfigDict(strict=True)
_TIE = TypeAdapter(sc.Tie, config=_STRICT)


def _one(model: Any, value: Any, dropped: list[set] | None = None) -> Any:
    """`value` validated as `model`; if invalid, without its faulty keys; else None.

    Dropping faulty keys lets cross-references of the rest still be checked;
    `dropped` receives the keys that had to go.
    """
    result, bad = None, set()
    try:
        result = _validate_as(model, value)
    except ValidationError as exc:
        bad = {err["loc"][0] if err["loc"] else "" for err in exc.errors()}
        if isinstance(value, dict) and not isinstance(model, TypeAdapter):
            try:
                result = _validate_as(model, {k: v for k, v in value.items() if k not in bad})
            except ValidationError:
                result = None
    if dropped is not None:
        dropped.append(bad)
    return result


def _validate_as(model: Any, value: Any) -> Any:
    if isinstance(model, TypeAdapter):
        return model.validate_python(value)
    return model.model_validate(value)


def _many(model: Any, value: Any, dropped: list[set] | None = None) -> list:
    """Each item validated on its own (see `_one`); [] for a non-list."""
    return [_one(model, item, dropped) for item in value] if isinstance(value, list) else []


def _raw_ids(value: Any) -> set[str]:
    """Ids written in a list of mappings, valid or not (to avoid knock-on errors)."""
    if not isinstance(value, list):
        return set()
    return {str(item["id"]) for item in value if isinstance(item, dict) and "id" in item}


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


@dataclass
class Parts:
    """The file's sections, each item validated on its own (None where invalid)."""

    turns: int | None
    departments: list[sc.Department | None] | None
    people: list[sc.Person | None]
    generate: list[sc.Generate | None]
    ties: list[tuple | None]
    communities: list[sc.Community | None]
    gates: list[sc.Gate | None]
    channels: list[sc.Channel | None]
    signals: list[sc.Signal | None]
    competitor: sc.Competitor | None
    events: list[sc.Event | None]
    raw_people: set[str]
    raw_departments: set[str]
    raw_gates: set[str]
    raw_signals: set[str]
    people_complete: bool


def salvage(data: dict) -> Parts:
    """Validate what can be validated, item by item."""
    org = _dict(data.get("organization"))
    network = _dict(org.get("network"))
    turns = data.get("turns")
    dropped: list[set] = []
    people = _many(sc.Person, org.get("people"), dropped)
    harmless = set(sc.Person.model_fields) - {"id", "manager"}  # a bad trait hides no root
    departments = org.get("departments")
    return Parts(
        turns=turns if type(turns) is int and 1 <= turns <= 500 else None,
        departments=None if departments is None else _many(sc.Department, departments),
        people=people,
        generate=_many(sc.Generate, org.get("generate", [])),
        ties=_many(_TIE, network.get("ties", [])),
        communities=_many(sc.Community, network.get("communities", [])),
        gates=_many(sc.Gate, data.get("validation", [])),
        channels=_many(sc.Channel, data.get("channels", [])),
        signals=_many(sc.Signal, data.get("signals", [])),
        competitor=_one(sc.Competitor, data.get("competitor", {})),
        events=_many(sc.Event, data.get("events", [])),
        raw_people=_raw_ids(org.get("people")),
        raw_departments=_raw_ids(departments),
        raw_gates=_raw_ids(data.get("validation")),
        raw_signals=_raw_ids(data.get("signals")),
        people_complete=bool(people)
        and all(p is not None for p in people)
        and all(keys <= harmless for keys in dropped),
    )
