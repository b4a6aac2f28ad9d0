"""Writing the report: report.html, events.csv and summary.json in one folder, written together.

The three files are written to temporary files and only then renamed into
place (`game.files.write_together`), so a full disk leaves the folder as it
was rather than a report without its HTML. Files of the same names are
replaced only when this program wrote them (or when forced). Every cell of
events.csv that a spreadsheet would run as a formula is neutralised (OWASP's
advice on CSV injection): names and team names are chosen by players.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from game.debrief.build import Debrief
from game.debrief.html import GENERATOR, report_html
from game.debrief.summary import summary
from game.debrief.table import COLUMNS, event_rows
from game.files import FileRefused, check_replaceable, read_regular, read_start, write_together

HTML_NAME = "report.html"
CSV_NAME = "events.csv"
JSON_NAME = "summary.json"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs a cell starting so as a formula
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
MAX_SUMMARY = 64 * 1024 * 1024  # bytes of an existing summary.json read to tell whether this program wrote it


@dataclass(frozen=True)
class ReportFiles:
    folder: Path
    html: Path
    csv: Path
    json: Path


def events_csv(debrief: Debrief, language: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in event_rows(debrief, language):
        writer.writerow([spreadsheet_safe(value) for value in row.values()])
    return buffer.getvalue()


def spreadsheet_safe(value: object) -> object:
    """A text a spreadsheet would take for a formula, quoted with a leading apostrophe; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_report(debrief: Debrief, folder: Path, language: str, force: bool = False) -> ReportFiles:
    """Write the three files into `folder` (created if needed); returns their paths.

    Raises `game.files.WriteRefused` for a file of the same name this program did not write (unless `force`),
    and OSError when the disk refuses, leaving whatever was there as it was.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(folder))
    files = ReportFiles(folder, folder / HTML_NAME, folder / CSV_NAME, folder / JSON_NAME)
    check_replaceable(files.html, _our_html, force)
    check_replaceable(files.csv, _our_csv, force)
    check_replaceable(files.json, _our_json, force)
    names = {"csv": CSV_NAME, "json": JSON_NAME}
    write_together(
        {
            files.csv: events_csv(debrief, language),
            files.json: json.dumps(summary(debrief, language), ensure_ascii=False, indent=2) + "\n",
            files.html: report_html(debrief, language, names),
        }
    )
    return files


def _starts(path: Path, size: int) -> bytes:
    try:
        return read_start(path, size)
    except FileRefused:
        return b""


def _our_html(path: Path) -> bool:
    return GENERATOR.encode() in _starts(path, 4096)


def _our_csv(path: Path) -> bool:
    return _starts(path, 4096).startswith((",".join(COLUMNS) + "\n").encode())


def _our_json(path: Path) -> bool:
    try:
        data = json.loads(read_regular(path, MAX_SUMMARY))
    except (FileRefused, ValueError):
        return False
    return isinstance(data, dict) and {"format", "scenario", "teams", "totals"} <= set(data)
