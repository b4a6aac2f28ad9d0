"""Safe reading of untrusted YAML: refuses aliases, tags, deep nesting and extra documents, reports duplicate keys.

The event stream is checked before any node is built (so an alias bomb never
expands); then the node tree becomes plain data while `Report` records each
node's position.
"""

from __future__ import annotations

from typing import Any

import yaml

from game.scenario.report import Path_, Report, show, where

MAX_DEPTH = 40  # nested mappings and lists
DEPTH_MESSAGE = f"values are nested more than {MAX_DEPTH} levels deep; flatten the file"
MAX_REPORTED = 100  # problems reported by the YAML pass before it gives up

ALIAS_MESSAGE = "YAML anchors and aliases are not allowed in scenarios; write the value out in full"
STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
) | {"!"}
START_HINT = (
    "a scenario must start with `format: 1` followed by keys such as id, title, turns, organization and signals"
)

_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: same nodes, faster


def read_yaml(text: str, report: Report) -> tuple[bool, Any]:
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


def _scan_events(text: str, report: Report) -> bool:
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
                        DEPTH_MESSAGE,
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


def _yaml_error(exc: yaml.YAMLError, text: str, report: Report) -> None:
    """A YAML syntax error as a problem at the position YAML reports."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None and mark is not None and context_mark.line != mark.line:
        context += f" that starts at line {context_mark.line + 1}"
    detail = f"{problem} ({context})" if context else problem
    message = f"YAML syntax error: {detail}; check the indentation and quoting here"
    if "nesting depth" in problem:  # PyYAML 6.0.4+ stops deep nesting itself, before our own depth check
        message = DEPTH_MESSAGE
    if mark is not None:
        report.at_mark(mark, message)
    elif isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        report.add(line, 1, "", f"the file holds a character YAML does not accept ({exc.reason})")
    else:
        report.add(1, 1, "", message)


def _to_data(node: yaml.Node, path: Path_, report: Report, constructor: yaml.SafeLoader) -> Any:
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
                    where(path + (key,)),
                    f"duplicate key '{key}' (first at line {first}); keep only one",
                )
                continue
            report.keys[path + (key,)] = key_node
            result[key] = _to_data(value_node, path + (key,), report, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, path + (i,), report, constructor) for i, item in enumerate(node.value)]
    return _scalar(node, path, report, constructor)


def _scalar(node: yaml.ScalarNode, path: Path_, report: Report, constructor: yaml.SafeLoader) -> Any:
    """A scalar's value: null, bool, int and float typed, anything else a string."""
    kind = node.tag.rsplit(":", 1)[-1]
    if kind not in ("null", "bool", "int", "float"):
        return node.value
    try:
        return constructor.construct_object(node)
    except (ValueError, yaml.YAMLError):
        what = {"int": "an integer", "float": "a number"}.get(kind, kind)
        report.at(path, f"cannot read {show(node.value[:40])} as {what}; write a smaller value")
        report.unreadable.add(path)
        return None
