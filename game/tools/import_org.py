"""`import-org FILE.csv`: the one reader of HR exports (one row per person), read into people records.

Real exports come from Excel and HR systems: UTF-8 with or without a BOM,
UTF-16 ("Unicode text"), or cp1252 / latin-1 from a French or German Windows;
separated by commas, semicolons or tabs (sniffed over the first lines, not the
header alone); quoted the standard way ("Jean ""JJ"" Dupont", separators and
line breaks inside quotes). Columns: id, name, title, department, manager_id
and optional skills (separated by ';' or '|'); other column names are mapped
with --column. Ids become scenario ids (letters, digits, '_', '-'): accents
are dropped, other letters spelt by code point, and ids that would still meet
get a suffix, so distinct ids stay distinct. The file is read as a regular
file of at most MAX_CSV_BYTES, and at most MAX_PEOPLE people are imported
(every person is written out in the scenario, whose size is capped). Errors
are `FILE:LINE: column X (name): message`, with the CSV line of the row.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from game.files import FileRefused, read_regular, size_text
from game.scenario.names import FIRST_NAMES, LAST_NAMES

COLUMNS = ("id", "name", "title", "department", "manager_id")  # required, by their default names
OPTIONAL = ("skills",)
SKILL_SEPARATORS = re.compile(r"[;|]")
ANONYMOUS_SEED = 2024  # fixed, so the same export anonymises to the same names
MAX_CSV_BYTES = 32 * 1024 * 1024  # bytes: an export of 100,000 people is about 10 MB
MAX_PEOPLE = 15_000  # people written out: about 110 bytes each, under the 2 MiB a scenario file may hold
MAX_CELL = 300  # characters of an id, a name, a title or a department
MAX_REPORTED = 50  # problems listed before "... and N more"
SAMPLE_LINES = 50  # lines the delimiter is sniffed from
DELIMITERS = ",;\t"
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")  # latin-1 reads any byte: the last resort
LAYOUT_WHITESPACE = re.compile(r"[\t\n\r\v\f]+")  # line breaks or tabs inside a quoted cell become spaces


class ImportFailed(Exception):
    """Every problem found, each `FILE:LINE: message`."""

    def __init__(self, lines: list[str]):
        if len(lines) > MAX_REPORTED:
            lines = [*lines[:MAX_REPORTED], f"... and {len(lines) - MAX_REPORTED} more problems"]
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


@dataclass(frozen=True)
class _Record:
    line: int
    cells: dict[str, str]  # key (id, name, ...) -> cell as written, layout whitespace made plain spaces


def read_people(path: Path, mapping: dict[str, str] | None = None, anonymise: bool = False) -> list[Row]:
    """The rows of the export, checked: every id unique, managers known, one top, no cycle."""
    names = {key: (mapping or {}).get(key, key) for key in COLUMNS + OPTIONAL}
    text = decoded(path, _read(path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text), strict=True)
    header = [h.strip() for h in _next(path, reader, 1) or []]
    missing = [key for key in COLUMNS if names[key] not in header]
    if missing:
        raise ImportFailed([f"{path}:1: {_missing(key, names[key], header)}" for key in missing])
    columns = {key: header.index(names[key]) for key in COLUMNS + OPTIONAL if names[key] in header}
    labels = {key: _column(index, names[key]) for key, index in columns.items()}
    rows = _rows(path, _records(path, reader, columns), labels)
    _check_tree(path, rows, labels["manager_id"])
    return _anonymised(rows) if anonymise else rows


def _read(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_CSV_BYTES)
    except FileRefused as refused:
        if refused.kind == "too_big":
            raise ImportFailed([f"{path}: the export is larger than {size_text(MAX_CSV_BYTES)}"]) from None
        raise ImportFailed([f"{path}: cannot read it: {refused.reason}"]) from None


def decoded(path: Path, raw: bytes) -> str:
    """The export's text: its BOM says the encoding, else UTF-8, else Windows' cp1252, else latin-1."""
    encodings = [name for bom, name in BOMS if raw.startswith(bom)] or list(FALLBACK_ENCODINGS)
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    else:
        raise ImportFailed([f"{path}: the export is not text in any encoding it declares ({encodings[0]})"])
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFailed([f"{path}:{line}: the file holds NUL bytes: it is not a text export (save it as CSV)"])
    return text


def sniff_delimiter(text: str) -> str:
    """The separator of the export, guessed over its first lines (a header alone can mislead)."""
    sample = "\n".join(text.splitlines()[:SAMPLE_LINES])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = text.split("\n", 1)[0]
        return max(DELIMITERS, key=header.count)


def _next(path: Path, reader: csv.reader, line: int) -> list[str] | None:
    """The next row, which starts at `line`; a row the csv module cannot read is refused there."""
    try:
        return next(reader, None)
    except csv.Error as error:
        raise ImportFailed([f"{path}:{line}: {_csv_problem(error)}"]) from None


def _csv_problem(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return f"a cell is longer than {csv.field_size_limit():,} characters; this is not a list of people"
    return f"this row cannot be read as CSV ({error}); check its quotes"


def _records(path: Path, reader: csv.reader, columns: dict[str, int]) -> list[_Record]:
    """Each person's cells, cleaned; stops with one sentence past MAX_PEOPLE rows."""
    records, problems, start = [], [], reader.line_num + 1
    while True:
        cells = _next(path, reader, start)
        if cells is None:
            break
        if not any(cell.strip() for cell in cells):
            start = reader.line_num + 1
            continue
        if len(records) == MAX_PEOPLE:
            raise ImportFailed([f"{path}:{start}: the export lists more than {MAX_PEOPLE:,} people, the most "
                                "import-org writes into one scenario; import one division at a time, or describe "
                                "large teams with `generate:` blocks"])  # fmt: skip
        record, found = _record(path, start, cells, columns)
        records.append(record)
        problems += found
        start = reader.line_num + 1
    if problems:
        raise ImportFailed(problems)
    if not records:
        raise ImportFailed([f"{path}:2: the file has a header but no person"])
    return records


def _record(path: Path, line: int, cells: list[str], columns: dict[str, int]) -> tuple[_Record, list[str]]:
    values, problems = {}, []
    for key, index in columns.items():
        raw = cells[index] if index < len(cells) else ""
        value = " ".join(LAYOUT_WHITESPACE.sub(" ", raw).split())
        control = next((c for c in value if unicodedata.category(c) == "Cc"), None)
        if control is not None:
            problems.append(f"{path}:{line}: {_column(index, key)}: holds a control character (U+{ord(control):04X}); "
                            "remove it")  # fmt: skip
        elif len(value) > MAX_CELL:
            problems.append(f"{path}:{line}: {_column(index, key)}: is {len(value):,} characters long, more than the "
                            f"{MAX_CELL} a {key} may have")  # fmt: skip
        values[key] = value
    return _Record(line, values), problems


def _column(index: int, key: str) -> str:
    """A column as a spreadsheet shows it: column E (manager_id)."""
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"column {letters} ({key})"


def _missing(key: str, column: str, header: list[str]) -> str:
    close = difflib.get_close_matches(column, header, n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'? (map it with --column {key}={close[0]})" if close else ""
    return f"missing column '{column}' (the {key} of each person){hint}; columns found: {', '.join(header)}"


def _rows(path: Path, records: list[_Record], labels: dict[str, str]) -> list[Row]:
    """People with scenario ids; an id written twice is an error, ids that only look alike stay distinct."""
    first: dict[str, int] = {}
    problems = []
    for record in records:
        written, where = record.cells["id"], f"{path}:{record.line}: {labels['id']}"
        if not written:
            problems.append(f"{where}: the id is empty; every person needs one")
        elif written in first:
            problems.append(f"{where}: duplicate id '{written}' (first at line {first[written]})")
        else:
            first[written] = record.line
    manager_column = labels["manager_id"]
    for record in records:
        boss = record.cells["manager_id"]
        if boss and boss not in first:
            close = difflib.get_close_matches(boss, list(first), n=1) if len(problems) < MAX_REPORTED else []
            hint = f"; did you mean '{close[0]}'?" if close else ""  # suggestions cost O(people) each: the first only
            problems.append(f"{path}:{record.line}: {manager_column}: manager '{boss}' of '{record.cells['id']}' is "
                            f"nobody in the file{hint}")  # fmt: skip
        elif boss and boss == record.cells["id"]:
            problems.append(f"{path}:{record.line}: {manager_column}: '{boss}' is their own manager; leave it empty "
                            "for the top")  # fmt: skip
    if problems:
        raise ImportFailed(problems)
    ids = scenario_ids(list(first))
    return [
        Row(
            line=r.line,
            id=ids[r.cells["id"]],
            name=r.cells["name"] or r.cells["id"],
            title=r.cells["title"],
            department=r.cells["department"] or "General",
            manager=ids[r.cells["manager_id"]] if r.cells["manager_id"] else None,
            skills=tuple(
                dict.fromkeys(slug(k) for k in SKILL_SEPARATORS.split(r.cells.get("skills", "")) if k.strip())
            ),
        )
        for r in records
    ]


def scenario_ids(written: list[str]) -> dict[str, str]:
    """A distinct scenario id for each distinct id as written: its slug, then slug_2, slug_3... if taken."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for text in written:
        base = candidate = slug(text)
        number = 2
        while candidate in taken:
            candidate, number = f"{base}_{number}", number + 1
        taken.add(candidate)
        ids[text] = candidate
    return ids


def slug(text: str) -> str:
    """An id the scenario format accepts: letters, digits, '_' and '-' (accents dropped, other letters by code)."""
    spelt = "".join(_ascii(c) for c in text.strip())
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "_", spelt).strip("_")
    return re.sub(r"_{2,}", "_", cleaned) or "x"


def _ascii(character: str) -> str:
    if character.isascii():
        return character
    folded = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode()
    if folded.strip():
        return folded
    return f"_u{ord(character):x}_" if character.isalnum() else "_"


def _check_tree(path: Path, rows: list[Row], manager_column: str) -> None:
    """Exactly one person has no manager, and no chain of managers loops."""
    by_id = {r.id: r for r in rows}
    problems = _cycles(path, rows, by_id, manager_column)
    roots = [r for r in rows if r.manager is None]
    if not problems and len(roots) != 1:
        shown = ", ".join(f"'{r.id}' (line {r.line})" for r in roots[:5])
        found = f"{len(roots)} people have none: {shown}" if roots else "everybody has one"
        problems.append(f"{path}:{(roots[1] if roots else rows[0]).line}: {manager_column}: exactly one person "
                        f"(the top) must have an empty manager_id; {found}")  # fmt: skip
    if problems:
        raise ImportFailed(problems)


def _cycles(path: Path, rows: list[Row], by_id: dict[str, Row], manager_column: str) -> list[str]:
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
            problems.append(f"{path}:{by_id[first].line}: {manager_column}: managers form a cycle: {chain}; one of "
                            "them must report to someone outside it")  # fmt: skip
        for pid in walk:
            state[pid] = 2
    return problems


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
