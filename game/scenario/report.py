"""Where problems of a scenario file are collected, and how values and places are named in messages.

`Report` keeps every YAML node by its path in the data, so any later stage can
locate a problem at the line and column of the value (or key) it concerns.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.core.errors import Problem

Path_ = tuple  # a location in the data: keys and list indices, e.g. ("signals", 0, "id")


@dataclass
class Report:
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
        self.add(line, column, where(path), message, warning)


def where(path: Path_) -> str:
    """A dotted path such as organization.people[3].manager."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def show(value: Any) -> str:
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


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """'; did you mean 'x'?' when a candidate is close, else ''."""
    close = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
