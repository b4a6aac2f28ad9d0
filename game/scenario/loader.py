"""Untrusted YAML scenario file -> immutable `game.core.model.Scenario`, or every problem at once.

Four stages, each reporting located `Problem`s: a safe YAML pass (size, syntax,
anchors, tags, depth, duplicate keys) that keeps every node's line and column;
pydantic validation against `schema.ScenarioFile`, with error locations mapped
back to the nodes; cross-reference checks (managers, ids, origins...) run on
whatever parts of the file are valid; and the build of the core records,
including generated people and the informal network.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import hashlib
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from game.core import model as core
from game.core.errors import Problem, ScenarioError
from game.core.text import Text
from game.scenario import i18n
from game.scenario import schema as sc

MAX_FILE_BYTES = 2 * 1024 * 1024  # bytes
MAX_DEPTH = 40  # nested mappings and lists
MAX_REPORTED = 100  # problems reported by the YAML pass before it gives up
MAX_SUGGESTIONS = 200  # problems after which unknown references get no did-you-mean (it is slow)
GENERAL_DEPARTMENT = "general"  # department of a top person who names none

ALIAS_MESSAGE = "YAML anchors and aliases are not allowed in scenarios; write the value out in full"
STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
) | {"!"}
START_HINT = (
    "a scenario must start with `format: 1` followed by keys such as id, title, turns, organization and signals"
)

_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: same nodes, faster
Path_ = tuple  # a location in the data: keys and list indices, e.g. ("signals", 0, "id")


# --------------------------------------------------------------------------- public API


def load_scenario(path: str | Path) -> core.Scenario:
    """Load a scenario file; raise `ScenarioError` listing every problem."""
    scenario, problems = _load_path(path)
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def load_scenario_text(text: str, filename: str = "<string>") -> core.Scenario:
    """Load a scenario from text; raise `ScenarioError` listing every problem."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    scenario, problems = _load_text(text, filename, digest)
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def check_files(paths: Iterable[str | Path]) -> list[Problem]:
    """Every error and warning of each file (a valid file yields warnings or nothing)."""
    problems: list[Problem] = []
    for path in paths:
        problems.extend(sorted(_load_path(path)[1], key=lambda p: (p.line, p.column)))
    return problems


def _load_path(path: str | Path) -> tuple[core.Scenario | None, list[Problem]]:
    """Read a file safely (size first) and load it."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, [Problem(name, 0, 0, "", f"cannot read the file: {reason}")]
    if len(raw) > MAX_FILE_BYTES:
        message = (
            f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; a scenario that big is "
            "refused, use `generate:` blocks instead of writing every person out"
        )
        return None, [Problem(name, 0, 0, "", message)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = "the file is not valid UTF-8 text; save it with the UTF-8 encoding"
        return None, [Problem(name, line, 1, "", message)]
    return _load_text(text, name, hashlib.sha256(raw).hexdigest())


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cycle collector: it rescans the many fresh YAML nodes again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_text(text: str, filename: str, digest: str) -> tuple[core.Scenario | None, list[Problem]]:
    """All the stages; returns the scenario (None on errors) and every problem."""
    with _gc_paused():
        return _stages(text, filename, digest)


def _stages(text: str, filename: str, digest: str) -> tuple[core.Scenario | None, list[Problem]]:
    """The stages in order, stopping where later ones would only add noise."""
    report = _Report(filename)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        report.add(0, 0, "", f"the text is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
        return None, report.problems
    safe, data = _read_yaml(text, report)
    if not safe:
        return None, report.problems
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"{_show(data)}"
        report.at((), f"{START_HINT}; found {found}")
        return None, report.problems
    validated = _validate(data, report)
    parts = _salvage(data)
    context = _check(parts, report)
    if report.has_errors or validated is None:
        return None, report.problems
    scenario = _Builder(validated, context, report).build(filename, digest)
    return (None if report.has_errors else scenario), report.problems


# --------------------------------------------------------------------------- problems


@dataclass
class _Report:
    """Collects problems and knows where every value of the file sits."""

    file: str
    nodes: dict[Path_, yaml.Node] = field(default_factory=dict)
    keys: dict[Path_, yaml.Node] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[Path_] = field(default_factory=set)  # values already reported by the YAML pass

    @property
    def has_errors(self) -> bool:
        return any(not p.warning for p in self.problems)

    def add(self, line: int, column: int, where: str, message: str, warning: bool = False) -> None:
        """Record a problem at a position."""
        self.problems.append(Problem(self.file, line, column, where, message, warning))

    def at_mark(self, mark: Any, message: str) -> None:
        """Record a problem at a YAML mark."""
        self.add(mark.line + 1, mark.column + 1, "", message)

    def node(self, path: Path_, on_key: bool = False) -> yaml.Node | None:
        """The node at `path` (its key's node if `on_key`), else the nearest enclosing one."""
        if on_key and path in self.keys:
            return self.keys[path]
        while path not in self.nodes and path:
            path = path[:-1]
        return self.nodes.get(path)

    def line_of(self, path: Path_) -> int:
        """Line of the value at `path`."""
        node = self.node(path)
        return node.start_mark.line + 1 if node is not None else 0

    def at(self, path: Path_, message: str, on_key: bool = False, warning: bool = False) -> None:
        """Record a problem located at the value (or key) at `path`."""
        node = self.node(path, on_key)
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        self.add(line, column, _where(path), message, warning)


def _where(path: Path_) -> str:
    """A dotted path such as organization.people[3].manager."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _show(value: Any) -> str:
    """How a found value is named in a message."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value[:60]}…'" if len(value) > 60 else f"'{value}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """'; did you mean 'x'?' when a candidate is close, else ''."""
    close = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


# --------------------------------------------------------------------------- safe YAML


def _read_yaml(text: str, report: _Report) -> tuple[bool, Any]:
    """(safe, plain data) from YAML text; unsafe or unparsable text gives (False, None).

    Duplicate keys and unreadable numbers are reported but do not stop the
    later stages, so their problems come together with the rest.
    """
    if not _scan_events(text, report):
        return False, None
    loader = _PARSER(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:  # already caught by the scan; kept as a safety net
        _yaml_error(exc, text, report)
        return False, None
    finally:
        loader.dispose()
    if root is None:
        report.add(1, 1, "", f"the file is empty; {START_HINT}")
        return False, None
    return True, _to_data(root, (), report, yaml.SafeLoader(""))


def _scan_events(text: str, report: _Report) -> bool:
    """Check the event stream (no construction, so no alias expansion); True when safe."""
    depth, documents, too_deep, loader = 0, 0, False, None
    aliases: list[Any] = []  # marks of anchors and aliases
    try:
        loader = _PARSER(text)
        while loader.check_event() and len(report.problems) < MAX_REPORTED:
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                aliases.append(event.start_mark)
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in STANDARD_TAGS:
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                report.at_mark(
                    event.start_mark,
                    f"YAML tag '{shown}' is refused: scenarios may not use tags; remove it and write a plain value",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH and not too_deep:
                    too_deep = True
                    report.at_mark(
                        event.start_mark,
                        f"values are nested more than {MAX_DEPTH} levels deep; flatten the file",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    report.at_mark(
                        event.start_mark,
                        "a scenario file holds a single YAML document; remove the second '---'",
                    )
    except yaml.YAMLError as exc:
        _yaml_error(exc, text, report)
    finally:
        if loader is not None:
            loader.dispose()
    if aliases:
        more = f" ({len(aliases) - 1} more after this one)" if len(aliases) > 1 else ""
        report.at_mark(aliases[0], ALIAS_MESSAGE + more)
    return not report.problems


def _yaml_error(exc: yaml.YAMLError, text: str, report: _Report) -> None:
    """A YAML syntax error as a problem at the position YAML reports."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None and mark is not None and context_mark.line != mark.line:
        context += f" that starts at line {context_mark.line + 1}"
    detail = f"{problem} ({context})" if context else problem
    message = f"YAML syntax error: {detail}; check the indentation and quoting here"
    if mark is not None:
        report.at_mark(mark, message)
    elif isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        report.add(line, 1, "", f"the file holds a character YAML does not accept ({exc.reason})")
    else:
        report.add(1, 1, "", message)


def _to_data(node: yaml.Node, path: Path_, report: _Report, constructor: yaml.SafeLoader) -> Any:
    """Python data for a node (already checked: no aliases, no odd tags), recording nodes."""
    report.nodes[path] = node
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                report.at_mark(key_node.start_mark, "keys must be plain names, not lists or mappings")
                continue
            key = key_node.value
            if key in result:
                first = report.keys[path + (key,)].start_mark.line + 1
                report.add(
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    _where(path + (key,)),
                    f"duplicate key '{key}' (first at line {first}); keep only one",
                )
                continue
            report.keys[path + (key,)] = key_node
            result[key] = _to_data(value_node, path + (key,), report, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, path + (i,), report, constructor) for i, item in enumerate(node.value)]
    return _scalar(node, path, report, constructor)


def _scalar(node: yaml.ScalarNode, path: Path_, report: _Report, constructor: yaml.SafeLoader) -> Any:
    """A scalar's value: null, bool, int and float typed, anything else a string."""
    kind = node.tag.rsplit(":", 1)[-1]
    if kind not in ("null", "bool", "int", "float"):
        return node.value
    try:
        return constructor.construct_object(node)
    except (ValueError, yaml.YAMLError):
        what = {"int": "an integer", "float": "a number"}.get(kind, kind)
        report.at(path, f"cannot read {_show(node.value[:40])} as {what}; write a smaller value")
        report.unreadable.add(path)
        return None


# --------------------------------------------------------------------------- schema errors


def _validate(data: dict, report: _Report) -> sc.ScenarioFile | None:
    """The validated file, or None after reporting every schema error."""
    try:
        return sc.ScenarioFile.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _schema_problem(error, report)
        return None


def _schema_problem(error: dict, report: _Report) -> None:
    """Report one pydantic error at the right node, in plain words."""
    path = tuple(p for p in error["loc"] if not (isinstance(p, str) and p in sc.UNION_TAGS))
    if path in report.unreadable:
        return
    kind, found = error["type"], _show(error.get("input"))
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
        hint = _did_you_mean(path[-1], allowed) or (f"; allowed keys here: {', '.join(allowed)}" if allowed else "")
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


# --------------------------------------------------------------------------- salvage


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
class _Parts:
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


def _salvage(data: dict) -> _Parts:
    """Validate what can be validated, item by item."""
    org = _dict(data.get("organization"))
    network = _dict(org.get("network"))
    turns = data.get("turns")
    dropped: list[set] = []
    people = _many(sc.Person, org.get("people"), dropped)
    harmless = set(sc.Person.model_fields) - {"id", "manager"}  # a bad trait hides no root
    departments = org.get("departments")
    return _Parts(
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


# --------------------------------------------------------------------------- cross-references


PEOPLE = ("organization", "people")
GENERATE = ("organization", "generate")
NETWORK = ("organization", "network")


@dataclass
class _Context:
    """What the checks resolved, for the build."""

    person: dict[str, int] = field(default_factory=dict)  # explicit id -> row
    department_of: dict[str, str] = field(default_factory=dict)  # explicit id -> department id
    department_ids: list[str] = field(default_factory=list)  # final order
    gate: dict[str, int] = field(default_factory=dict)
    signal: dict[str, int] = field(default_factory=dict)


class _Checker:
    """Cross-reference checks over the valid parts of the file."""

    def __init__(self, parts: _Parts, report: _Report):
        self.parts, self.report, self.ctx = parts, report, _Context()

    def unique(self, items: list, base: Path_, what: str) -> dict[str, int]:
        """Id -> position of valid items; duplicates reported."""
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item is None:
                continue
            if item.id in seen:
                first = self.report.line_of(base + (seen[item.id], "id"))
                self.report.at(
                    base + (i, "id"),
                    f"duplicate {what} id '{item.id}' (first at line {first}); ids must be unique",
                )
            else:
                seen[item.id] = i
        return seen

    def ref(
        self,
        value: str,
        known: dict[str, int] | list[str],
        raw: set[str],
        path: Path_,
        role: str,
        kind: str,
        on_key: bool = False,
    ) -> bool:
        """True when `value` is known; reports it unless it names an invalid item."""
        if value in known:
            return True
        if value not in raw:
            hint = ""
            if len(self.report.problems) < MAX_SUGGESTIONS:  # suggestions cost O(known) each
                candidates = list(dict.fromkeys([*known, *sorted(raw)]))
                hint = _did_you_mean(value, candidates)
                if not hint and 0 < len(candidates) <= 12:
                    hint = f"; known: {', '.join(candidates)}"
            message = f"{role} '{value}' is not {kind} in this scenario{hint}"
            self.report.at(path, message, on_key=on_key)
        return False

    def person_ref(self, value: str, path: Path_, role: str) -> bool:
        return self.ref(value, self.ctx.person, self.parts.raw_people, path, role, "a person")

    # -- organisation -------------------------------------------------------

    def organisation(self) -> dict[str, str | None]:
        """Check people and departments; returns id -> manager for a sound hierarchy."""
        parts = self.parts
        self.ctx.person = self.unique(parts.people, PEOPLE, "person")
        declared = None
        if parts.departments is not None:
            declared = self.unique(parts.departments, ("organization", "departments"), "department")
        managers: dict[str, str | None] = {}
        bad_reference = False
        for i, person in enumerate(parts.people):
            if person is None or self.ctx.person.get(person.id) != i:
                continue
            self.traits_once(person, PEOPLE + (i,))
            if declared is not None and person.department is not None:
                self.ref(
                    person.department, declared, parts.raw_departments,
                    PEOPLE + (i, "department"), "department", "a department",
                )  # fmt: skip
            manager = person.manager
            checked = manager is None or manager == person.id
            if not checked and not self.person_ref(manager, PEOPLE + (i, "manager"), "manager"):
                bad_reference = True
                continue
            managers[person.id] = manager
        cyclic = self.cycles(managers)
        sound = not cyclic and not bad_reference and parts.people_complete
        if sound and not self.one_root(managers):
            sound = False
        self.departments(declared, managers if sound else None)
        return managers if sound else {}

    def traits_once(self, person: sc.Person, path: Path_) -> None:
        """A trait given both directly and under traits: is an error."""
        for name in sc.TRAIT_DEFAULTS:
            if getattr(person, name) is not None and getattr(person.traits, name) is not None:
                self.report.at(
                    path + ("traits", name),
                    f"trait '{name}' is given twice, directly on the person and under `traits:`; keep only one",
                    on_key=True,
                )

    def cycles(self, managers: dict[str, str | None]) -> bool:
        """Report every cycle of manager links; True if there was one."""
        state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
        found = False
        for start in managers:
            walk: list[str] = []
            node: str | None = start
            while node is not None and node in managers and state.get(node) is None:
                state[node] = 1
                walk.append(node)
                node = managers[node]
            if node is not None and state.get(node) == 1:
                loop = walk[walk.index(node) :]
                found = True
                first = min(loop, key=lambda pid: self.ctx.person[pid])
                at = loop.index(first)
                chain = " -> ".join(loop[at:] + loop[:at] + [first])
                self.report.at(
                    PEOPLE + (self.ctx.person[first], "manager"),
                    f"people form a cycle: {chain}; one of them must report to someone outside the cycle",
                )
            for pid in walk:
                state[pid] = 2
        return found

    def one_root(self, managers: dict[str, str | None]) -> bool:
        """Exactly one person without a manager; reports otherwise."""
        roots = [pid for pid, manager in managers.items() if manager is None]
        if len(roots) == 1:
            return True
        if not roots:
            self.report.at(
                PEOPLE,
                "everybody has a manager; exactly one person (the top of the organisation) must have no manager",
            )
            return False
        shown = ", ".join(roots[:5]) + (", ..." if len(roots) > 5 else "")
        self.report.at(
            PEOPLE + (self.ctx.person[roots[1]],),
            f"{len(roots)} people have no manager ({shown}); exactly one person (the top of "
            "the organisation) must have no manager",
        )
        return False

    def departments(self, declared: dict[str, int] | None, managers: dict | None) -> None:
        """Resolve every person's department and the final list of departments."""
        people = {p.id: p for p in self.parts.people if p is not None}
        ids = list(declared) if declared is not None else []
        resolved = self.ctx.department_of
        for pid in managers or {}:
            chain = [pid]  # climb until a written or already resolved department
            while chain[-1] not in resolved and people[chain[-1]].department is None:
                if people[chain[-1]].manager is None:
                    resolved[chain[-1]] = GENERAL_DEPARTMENT
                    break
                chain.append(people[chain[-1]].manager)
            top = chain[-1]
            department = resolved.get(top) or people[top].department
            for member in chain:
                resolved[member] = department
        if declared is None:
            used = [p.department for p in self.parts.people if p is not None and p.department]
            used += [g.department for g in self.parts.generate if g is not None and g.department]
            ids = list(dict.fromkeys(used))
        if GENERAL_DEPARTMENT in self.ctx.department_of.values() and GENERAL_DEPARTMENT not in ids:
            ids.append(GENERAL_DEPARTMENT)
        self.ctx.department_ids = ids

    def department_known(self) -> list[str]:
        """Department ids a reference may use."""
        declared = self.parts.departments
        if declared is not None:
            return [d.id for d in declared if d is not None] + [GENERAL_DEPARTMENT]
        return self.ctx.department_ids + [GENERAL_DEPARTMENT]

    def generate(self) -> None:
        """Generate blocks: who they go under, their department, the people count."""
        total = sum(1 for p in self.parts.people if p is not None)
        reported = False
        departments = self.department_known()
        for i, block in enumerate(self.parts.generate):
            if block is None:
                continue
            self.person_ref(block.under, GENERATE + (i, "under"), "generate under")
            if block.department is not None and self.parts.departments is not None:
                self.ref(
                    block.department, departments, self.parts.raw_departments,
                    GENERATE + (i, "department"), "department", "a department",
                )  # fmt: skip
            total += block.count
            if total > sc.MAX_PEOPLE and not reported:
                reported = True
                self.report.at(
                    GENERATE + (i, "count"),
                    f"the organisation would have more than {sc.MAX_PEOPLE:,} people "
                    f"({total:,} so far); lower the counts",
                )

    def network(self) -> None:
        """Explicit ties and communities."""
        for i, tie in enumerate(self.parts.ties):
            if tie is None:
                continue
            ok = [self.person_ref(tie[k], NETWORK + ("ties", i, k), "tie end") for k in (0, 1)]
            if all(ok) and tie[0] == tie[1]:
                self.report.at(NETWORK + ("ties", i), f"a tie links '{tie[0]}' to themselves; name two people")
        base = NETWORK + ("communities",)
        self.unique(self.parts.communities, base, "community")
        departments = self.department_known()
        for i, community in enumerate(self.parts.communities):
            if community is None:
                continue
            for k, dep in enumerate(community.members.departments):
                self.ref(
                    dep, departments, self.parts.raw_departments,
                    base + (i, "members", "departments", k), "department", "a department",
                )  # fmt: skip
            for k, pid in enumerate(community.members.people):
                self.person_ref(pid, base + (i, "members", "people", k), "member")

    def gates(self) -> None:
        """Validation gates approve by a person or a department."""
        self.ctx.gate = self.unique(self.parts.gates, ("validation",), "validation gate")
        departments = self.department_known()
        for i, gate in enumerate(self.parts.gates):
            if gate is None or gate.by in self.ctx.person or gate.by in departments:
                continue
            if gate.by not in self.parts.raw_people | self.parts.raw_departments:
                hint = ""
                if len(self.report.problems) < MAX_SUGGESTIONS:
                    hint = _did_you_mean(gate.by, list(self.ctx.person) + departments)
                self.report.at(
                    ("validation", i, "by"),
                    f"'{gate.by}' is neither a person nor a department in this scenario{hint}",
                )

    def channels(self) -> None:
        """Audiences, publishers and gates of channels."""
        self.unique(self.parts.channels, ("channels",), "channel")
        departments = self.department_known()
        for i, channel in enumerate(self.parts.channels):
            if channel is None:
                continue
            base = ("channels", i)
            audience = channel.audience
            if audience is not None and channel.kind == "team_meeting":
                self.report.at(
                    base + ("audience",),
                    "`audience` is only for broadcast channels; a team meeting always reaches a "
                    "manager and their direct reports, so remove it",
                    on_key=True,
                )
            elif isinstance(audience, sc.AudienceSpec):
                if audience.department is not None:
                    self.ref(
                        audience.department, departments, self.parts.raw_departments,
                        base + ("audience", "department"), "department", "a department",
                    )  # fmt: skip
                if audience.subtree is not None:
                    self.person_ref(audience.subtree, base + ("audience", "subtree"), "subtree")
            for k, pid in enumerate(channel.publishers):
                self.person_ref(pid, base + ("publishers", k), "publisher")
            if channel.validation is not None:
                self.ref(
                    channel.validation, self.ctx.gate, self.parts.raw_gates,
                    base + ("validation",), "validation gate", "a validation gate",
                )  # fmt: skip

    def signals(self) -> None:
        """Signal origins and turns; competitor reactions."""
        self.ctx.signal = self.unique(self.parts.signals, ("signals",), "signal")
        turns = self.parts.turns
        for i, signal in enumerate(self.parts.signals):
            if signal is None:
                continue
            self.person_ref(signal.appears.at, ("signals", i, "appears", "at"), "signal origin")
            if turns is not None and signal.appears.turn > turns:
                self.report.at(
                    ("signals", i, "appears", "turn"),
                    f"the signal appears at turn {signal.appears.turn} but the game lasts "
                    f"{turns} turns; choose a turn between 1 and {turns}",
                )
        if self.parts.competitor is not None:
            for sid in self.parts.competitor.reaction:
                self.ref(
                    sid, self.ctx.signal, self.parts.raw_signals,
                    ("competitor", "reaction", sid), "reaction to signal", "a signal", on_key=True,
                )  # fmt: skip

    def events(self, managers: dict[str, str | None]) -> None:
        """Scripted events: turn, people concerned, re-organisations without cycles."""
        turns, hierarchy = self.parts.turns, dict(managers)
        order = sorted(
            (e.turn, i) for i, e in enumerate(self.parts.events) if e is not None
        )  # reorgs apply in turn order
        for _, i in order:
            event, base = self.parts.events[i], ("events", i)
            if turns is not None and event.turn > turns:
                self.report.at(
                    base + ("turn",),
                    f"the event happens at turn {event.turn} but the game lasts {turns} turns",
                )
            needs_person = event.kind in ("absence", "reorg")
            self.allowed_only(event.person, needs_person, base, "person", "absence and reorg")
            self.allowed_only(event.duration, event.kind == "absence", base, "duration", "absence")
            self.allowed_only(event.manager, event.kind == "reorg", base, "manager", "reorg")
            if needs_person and event.person is None:
                self.report.at(base, f"a {event.kind} event needs `person:` (who is concerned)")
            if event.kind == "reorg" and event.manager is None:
                self.report.at(base, "a reorg event needs `manager:` (the person's new manager)")
            person_ok = event.person is not None and self.person_ref(event.person, base + ("person",), "person")
            manager_ok = event.manager is not None and self.person_ref(
                event.manager, base + ("manager",), "new manager"
            )
            if event.kind == "reorg" and person_ok and manager_ok and hierarchy:
                self.reorg(event.person, event.manager, hierarchy, base + ("manager",))

    def allowed_only(self, value: Any, allowed: bool, base: Path_, key: str, kinds: str) -> None:
        if value is not None and not allowed:
            self.report.at(base + (key,), f"`{key}` only applies to {kinds} events; remove it", on_key=True)

    def reorg(self, person: str, manager: str, hierarchy: dict, path: Path_) -> None:
        """The new manager must not be the person or in their team; applies the change."""
        chain, node = [manager], hierarchy.get(manager)
        while chain[-1] != person and node is not None:
            chain.append(node)
            node = hierarchy.get(node)
        if chain[-1] == person:
            shown = " -> ".join(chain)
            self.report.at(
                path,
                f"'{manager}' is in the team of '{person}' ({shown}), so this reorg would make a "
                "cycle; choose a manager outside their team",
            )
        else:
            hierarchy[person] = manager


def _check(parts: _Parts, report: _Report) -> _Context:
    """Run every cross-reference check; returns what they resolved."""
    checker = _Checker(parts, report)
    managers = checker.organisation()
    checker.generate()
    checker.network()
    checker.gates()
    checker.channels()
    checker.signals()
    checker.events(managers)
    return checker.ctx


# --------------------------------------------------------------------------- build


class _Builder:
    """Core records from a valid file whose cross-references hold."""

    def __init__(self, spec: sc.ScenarioFile, ctx: _Context, report: _Report):
        self.spec, self.ctx, self.report = spec, ctx, report
        self.lang = spec.language

    def text(self, value: Any, default: Text | str | None = None) -> Text:
        if isinstance(default, str):
            default = Text.plain(default, self.lang)
        return i18n.to_text(value, self.lang, default)

    def build(self, source: str, digest: str) -> core.Scenario:
        """The whole scenario."""
        spec = self.spec
        rng = np.random.default_rng(spec.seed)
        self.people(rng)
        self.tags = self.collect_tags()
        org = self.org()
        self.levels = self.compute_levels(org.manager)
        network = self.network(org, rng)
        gates = tuple(core.ValidationGate(g.id, self.approver(g, i), g.delay) for i, g in enumerate(spec.validation))
        scenario = core.Scenario(
            id=spec.id,
            title=self.text(spec.title),
            summary=self.text(spec.summary),
            language=spec.language,
            turns=spec.turns,
            turn_unit=spec.turn_unit,
            action_points=spec.action_points,
            seed=spec.seed,
            visibility=core.Visibility(
                network_hidden=spec.visibility.network == "hidden",
                skills_hidden=spec.visibility.skills == "hidden",
            ),
            tags=tuple(self.tags),
            org=org,
            network=network,
            communities=tuple(self.community(c, org) for c in spec.organization.network.communities),
            gates=gates,
            channels=tuple(self.channel(c) for c in spec.channels),
            signals=tuple(self.signal(s) for s in spec.signals),
            competitor=self.competitor(),
            events=tuple(self.event(e) for e in spec.events),
            source=source,
            digest=digest,
            extras={
                "objectives": [self.text(t) for t in spec.objectives],
                "debrief_questions": [self.text(t) for t in spec.debrief_questions],
            },
        )
        _warnings(scenario, spec, self.report)
        return scenario

    def people(self, rng: np.random.Generator) -> None:
        """Rows of explicit then generated people (ids, names, ... as lists)."""
        from game.scenario.generate import generate_people

        explicit = self.spec.organization.people
        self.ids = [p.id for p in explicit]
        self.names = [Text.plain(p.name or p.id, self.lang) for p in explicit]
        self.titles = [self.text(p.title) for p in explicit]
        self.dept_ids = [self.ctx.department_of[p.id] for p in explicit]
        self.managers = [p.manager for p in explicit]
        self.skill_lists = [list(p.skills) for p in explicit]
        self.traits = {name: [_trait(p, name) for p in explicit] for name in sc.TRAIT_DEFAULTS}
        self.spokes = [p.spokesperson for p in explicit]
        taken = set(self.ids)
        departments = list(self.ctx.department_ids)
        for block in self.spec.organization.generate:
            department = block.department or self.ctx.department_of[block.under]
            if department not in departments:
                departments.append(department)
            made = generate_people(
                under=block.under,
                count=block.count,
                span=block.span,
                department=department,
                title=self.text(block.title, i18n.EMPLOYEE_TITLE),
                skill_shares=dict(block.skills),
                id_prefix=block.id_prefix if block.id_prefix is not None else f"{block.under}_",
                taken_ids=taken,
                rng=rng,
            )
            self.ids += [g.id for g in made]
            self.names += [Text.plain(g.name, self.lang) for g in made]
            self.titles += [g.title for g in made]
            self.dept_ids += [g.department for g in made]
            self.managers += [g.manager for g in made]
            self.skill_lists += [list(g.skills) for g in made]
            for name, default in sc.TRAIT_DEFAULTS.items():
                self.traits[name] += [default] * len(made)
            self.spokes += [False] * len(made)
        self.ctx.department_ids = departments
        self.explicit_count = len(explicit)

    def collect_tags(self) -> list[str]:
        """Every tag in order of first appearance."""
        spec = self.spec
        tags: list[str] = []
        for person in spec.organization.people:
            tags += person.skills
        for block in spec.organization.generate:
            tags += list(block.skills)
        for community in spec.organization.network.communities:
            tags += community.topics
        for signal in spec.signals:
            tags += signal.topics
        for signal in spec.signals:
            tags += signal.exploit.skills
        return list(dict.fromkeys(tags))

    def org(self) -> core.Org:
        """The Org record."""
        n, spec = len(self.ids), self.spec
        declared = {d.id: d for d in spec.organization.departments or []}
        departments = tuple(
            core.Department(
                d,
                self.text(declared[d].name, d)
                if d in declared
                else (i18n.GENERAL_DEPARTMENT if d == GENERAL_DEPARTMENT else Text.plain(d, self.lang)),
            )
            for d in self.ctx.department_ids
        )
        dept_index = {d: i for i, d in enumerate(self.ctx.department_ids)}
        row = {pid: i for i, pid in enumerate(self.ids)}
        tag_index = {t: i for i, t in enumerate(self.tags)}
        skills = np.zeros((n, len(self.tags)), dtype=bool)
        rows = np.repeat(np.arange(n), [len(k) for k in self.skill_lists])
        cols = [tag_index[t] for person_skills in self.skill_lists for t in person_skills]
        skills[rows, np.array(cols, dtype=np.int64)] = True
        generated = np.zeros(n, dtype=bool)
        generated[self.explicit_count :] = True
        self.row = row
        return core.Org(
            ids=tuple(self.ids),
            names=tuple(self.names),
            titles=tuple(self.titles),
            departments=departments,
            department=np.array([dept_index[d] for d in self.dept_ids], dtype=np.int32),
            manager=np.array([core.NO_PERSON if m is None else row[m] for m in self.managers], dtype=np.int32),
            skills=skills,
            availability=np.array(self.traits["availability"], dtype=np.float64),
            openness=np.array(self.traits["openness"], dtype=np.float64),
            scepticism=np.array(self.traits["scepticism"], dtype=np.float64),
            spokesperson=np.array(self.spokes, dtype=bool),
            generated=generated,
        )

    def compute_levels(self, manager: np.ndarray) -> np.ndarray:
        """Depth of everyone in the hierarchy (root 0)."""
        level = np.full(len(manager), -1, dtype=np.int64)
        for start in range(len(manager)):
            chain = []
            node = start
            while node != core.NO_PERSON and level[node] < 0:
                chain.append(node)
                node = manager[node]
            depth = -1 if node == core.NO_PERSON else level[node]
            for person in reversed(chain):
                depth += 1
                level[person] = depth
        return level

    def network(self, org: core.Org, rng: np.random.Generator) -> core.Network:
        """Generated and explicit informal ties."""
        from game.scenario.generate import build_network

        spec = self.spec.organization.network
        ties = [(self.row[t[0]], self.row[t[1]], float(t[2]) if len(t) == 3 else 1.0) for t in spec.ties]
        return build_network(
            model=spec.model,
            department=org.department,
            mean_degree=spec.mean_degree,
            rewire=spec.rewire,
            homophily=spec.homophily,
            explicit_ties=ties,
            rng=rng,
        )

    def tag_array(self, tags: list[str]) -> np.ndarray:
        index = {t: i for i, t in enumerate(self.tags)}
        return np.array([index[t] for t in tags], dtype=np.int32)

    def community(self, spec: sc.Community, org: core.Org) -> core.Community:
        dept_index = {d: i for i, d in enumerate(self.ctx.department_ids)}
        wanted = [dept_index[d] for d in spec.members.departments if d in dept_index]
        members = set(np.flatnonzero(np.isin(org.department, wanted)).tolist())
        members |= {self.row[p] for p in spec.members.people}
        return core.Community(
            id=spec.id,
            name=self.text(spec.name, spec.id),
            topics=self.tag_array(spec.topics),
            members=np.array(sorted(members), dtype=np.int32),
        )

    def approver(self, gate: sc.Gate, i: int) -> int:
        """A gate's person, or its department's highest-ranked person."""
        if gate.by in self.row and self.row[gate.by] < self.explicit_count:
            return self.row[gate.by]
        ids = self.ctx.department_ids
        in_dept = np.flatnonzero(np.array(self.dept_ids) == gate.by) if gate.by in ids else np.array([])
        if len(in_dept) == 0:
            self.report.at(
                ("validation", i, "by"),
                f"department '{gate.by}' has nobody in it, so nobody can approve; name a person",
            )
            return core.NO_PERSON
        return int(in_dept[np.argmin(self.levels[in_dept])])

    def channel(self, spec: sc.Channel) -> core.Channel:
        gates = {g.id: i for i, g in enumerate(self.spec.validation)}
        return core.Channel(
            id=spec.id,
            name=self.text(spec.name, spec.id),
            kind=spec.kind,
            audience=self.audience(spec.audience),
            every=spec.every if spec.every is not None else (5 if spec.kind == "team_meeting" else 7),
            offset=spec.offset,
            attention=spec.attention,
            publishers=np.array([self.row[p] for p in spec.publishers], dtype=np.int32),
            validation=gates[spec.validation] if spec.validation is not None else core.NO_PERSON,
        )

    def audience(self, spec: Any) -> core.Audience:
        if not isinstance(spec, sc.AudienceSpec):
            return core.Audience("all")
        if spec.max_level is not None:
            return core.Audience("max_level", spec.max_level)
        if spec.min_level is not None:
            return core.Audience("min_level", spec.min_level)
        if spec.department is not None:
            return core.Audience("department", self.ctx.department_ids.index(spec.department))
        return core.Audience("subtree", self.row[spec.subtree])

    def signal(self, spec: sc.Signal) -> core.Signal:
        exploit = spec.exploit
        return core.Signal(
            id=spec.id,
            title=self.text(spec.title, spec.id),
            appears_turn=spec.appears.turn,
            origin=self.row[spec.appears.at],
            topics=self.tag_array(spec.topics),
            value=float(spec.value),
            decay=float(spec.decay),
            virality=float(spec.virality),
            distortion=float(spec.distortion),
            sensitivity=float(spec.sensitivity),
            genuine=spec.genuine,
            exploit=core.Exploit(
                skills=self.tag_array(exploit.skills),
                min_fidelity=float(exploit.min_fidelity),
                approval_level=exploit.approval.level if exploit.approval else None,
                effort=exploit.effort,
            ),
        )

    def competitor(self) -> core.Competitor:
        spec = self.spec.competitor
        mean, spread = sc.STYLE_REACTIONS[spec.style]
        reactions = []
        for signal in self.spec.signals:
            given = spec.reaction.get(signal.id)
            reactions.append(
                core.Reaction(float(given.mean), float(given.spread)) if given else core.Reaction(mean, spread)
            )
        return core.Competitor(
            name=self.text(spec.name, i18n.COMPETITOR_NAME),
            style=spec.style,
            reactions=tuple(reactions),
            leak_gain=float(spec.leak_gain),
        )

    def event(self, spec: sc.Event) -> core.Event:
        return core.Event(
            turn=spec.turn,
            kind=spec.kind,
            text=self.text(spec.text),
            person=self.row[spec.person] if spec.person else core.NO_PERSON,
            duration=(spec.duration or 1) if spec.kind == "absence" else 0,
            new_manager=self.row[spec.manager] if spec.manager else core.NO_PERSON,
        )


def _trait(person: sc.Person, name: str) -> float:
    """A person's trait, written directly, under traits:, or the default."""
    value = getattr(person, name)
    if value is None:
        value = getattr(person.traits, name)
    return float(sc.TRAIT_DEFAULTS[name] if value is None else value)


def _warnings(scenario: core.Scenario, spec: sc.ScenarioFile, report: _Report) -> None:
    """Cheap, certain signs of a scenario that cannot play as intended."""
    org = scenario.org
    for i, signal in enumerate(scenario.signals):
        need = signal.exploit.skills
        if len(need) and not org.skills[:, need].all(axis=1).any():
            names = ", ".join(scenario.tags[t] for t in need)
            report.at(
                ("signals", i, "exploit", "skills"),
                f"nobody has all of these skills ({names}), so the signal can never be exploited",
                warning=True,
            )
    for i, channel in enumerate(scenario.channels):
        if channel.kind == "broadcast" and not len(channel.publishers) and not org.spokesperson.any():
            report.at(
                ("channels", i),
                "nobody may publish on this broadcast channel: it lists no publishers and nobody "
                "is a spokesperson; add `publishers:` or make someone `spokesperson: true`",
                warning=True,
            )
    used = {c.validation for c in scenario.channels}
    for i, gate in enumerate(spec.validation):
        if i not in used:
            report.at(
                ("validation", i, "id"),
                f"validation gate '{gate.id}' is not used by any channel",
                warning=True,
            )
