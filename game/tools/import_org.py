"""`import-org FILE.csv`: an HR export (one row per person) read into people records, with located errors.

Columns: id, name, title, department, manager_id and optional skills
(separated by ';' or '|'); other column names are mapped with --column.
Errors are `FILE:LINE: message` with the CSV line of the row concerned.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from game.scenario.names import FIRST_NAMES, LAST_NAMES

COLUMNS = ("id", "name", "title", "department", "manager_id")  # required, by their default names
OPTIONAL = ("skills",)
SKILL_SEPARATORS = re.compile(r"[;|]")
ANONYMOUS_SEED = 2024  # fixed, so the same export anonymises to the same names


class ImportFailed(Exception):
    """Every problem found, each `FILE:LINE: message`."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class Row:
    """One person as read from the export (ids already made safe)."""

    line: int
    id: str
    name: str
    title: str
    department: str  # display name as written
    manager: str | None
    skills: tuple[str, ...]


def read_people(path: Path, mapping: dict[str, str] | None = None, anonymise: bool = False) -> list[Row]:
    """The rows of the export, checked: every id unique, managers known, one top, no cycle."""
    names = {key: (mapping or {}).get(key, key) for key in COLUMNS + OPTIONAL}
    text = path.read_text(encoding="utf-8-sig")
    dialect = _dialect(text)
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [key for key in COLUMNS if names[key] not in header]
    if missing:
        raise ImportFailed([f"{path}:1: {_missing(key, names[key], header)}" for key in missing])
    rows = _rows(path, reader, names, header)
    _check_tree(path, rows)
    return _anonymised(rows) if anonymise else rows


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _missing(key: str, column: str, header: list[str]) -> str:
    close = difflib.get_close_matches(column, header, n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'? (map it with --column {key}={close[0]})" if close else ""
    return f"missing column '{column}' (the {key} of each person){hint}; columns found: {', '.join(header)}"


def _rows(path: Path, reader: csv.DictReader, names: dict[str, str], header: list[str]) -> list[Row]:
    rows, problems, seen = [], [], {}
    for record in reader:
        line = reader.line_num
        raw_id = (record.get(names["id"]) or "").strip()
        if not raw_id:
            problems.append(f"{path}:{line}: the id is empty; every person needs one")
            continue
        pid = slug(raw_id)
        if pid in seen:
            problems.append(f"{path}:{line}: duplicate id '{raw_id}' (first at line {seen[pid]})")
            continue
        seen[pid] = line
        boss = (record.get(names["manager_id"]) or "").strip()
        skills = record.get(names["skills"]) or "" if names["skills"] in header else ""
        rows.append(
            Row(
                line=line,
                id=pid,
                name=(record.get(names["name"]) or "").strip() or raw_id,
                title=(record.get(names["title"]) or "").strip(),
                department=(record.get(names["department"]) or "").strip() or "General",
                manager=slug(boss) if boss else None,
                skills=tuple(dict.fromkeys(slug(s) for s in SKILL_SEPARATORS.split(skills) if s.strip())),
            )
        )
    if problems:
        raise ImportFailed(problems)
    if not rows:
        raise ImportFailed([f"{path}:2: the file has a header but no person"])
    return rows


def _check_tree(path: Path, rows: list[Row]) -> None:
    """Managers exist, exactly one person has none, and no chain of managers loops."""
    by_id = {r.id: r for r in rows}
    problems = []
    for row in rows:
        if row.manager is not None and row.manager not in by_id:
            close = difflib.get_close_matches(row.manager, list(by_id), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(f"{path}:{row.line}: manager '{row.manager}' of '{row.id}' is nobody in the file{hint}")
        elif row.manager == row.id:
            problems.append(f"{path}:{row.line}: '{row.id}' is their own manager; leave manager_id empty for the top")
    if problems:
        raise ImportFailed(problems)
    problems += _cycles(path, rows, by_id)
    roots = [r for r in rows if r.manager is None]
    if not problems and len(roots) != 1:
        shown = ", ".join(f"'{r.id}' (line {r.line})" for r in roots[:5])
        found = f"{len(roots)} people have none: {shown}" if roots else "everybody has one"
        problems.append(f"{path}:{(roots[1] if roots else rows[0]).line}: exactly one person (the top) must have "
                        f"an empty manager_id; {found}")  # fmt: skip
    if problems:
        raise ImportFailed(problems)


def _cycles(path: Path, rows: list[Row], by_id: dict[str, Row]) -> list[str]:
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    problems = []
    for row in rows:
        walk, node = [], row.id
        while node is not None and state.get(node) is None:
            state[node] = 1
            walk.append(node)
            node = by_id[node].manager
        if node is not None and state[node] == 1:
            loop = walk[walk.index(node) :]
            first = min(loop, key=lambda pid: by_id[pid].line)
            at = loop.index(first)
            chain = " -> ".join(loop[at:] + loop[:at] + [first])
            problems.append(f"{path}:{by_id[first].line}: managers form a cycle: {chain}; one of them must "
                            "report to someone outside it")  # fmt: skip
        for pid in walk:
            state[pid] = 2
    return problems


def slug(text: str) -> str:
    """An id the scenario format accepts: letters, digits, '_' and '-'."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "_", text.strip()).strip("_")
    return cleaned or "x"


def _anonymised(rows: list[Row]) -> list[Row]:
    """Ids and names replaced (titles, departments and skills kept: the game needs them)."""
    rng = np.random.default_rng(ANONYMOUS_SEED)
    width = len(str(len(rows)))
    new_id = {r.id: f"p{i + 1:0{width}d}" for i, r in enumerate(rows)}
    firsts = rng.choice(len(FIRST_NAMES), len(rows))
    lasts = rng.choice(len(LAST_NAMES), len(rows))
    return [
        Row(
            r.line,
            new_id[r.id],
            f"{FIRST_NAMES[f]} {LAST_NAMES[g]}",
            r.title,
            r.department,
            new_id[r.manager] if r.manager else None,
            r.skills,
        )  # fmt: skip
        for r, f, g in zip(rows, firsts, lasts)
    ]
