"""Writing the report: report.html, events.csv and summary.json in one folder, each written atomically."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from game.debrief.build import Debrief
from game.debrief.html import report_html
from game.debrief.summary import summary
from game.debrief.table import COLUMNS, event_rows
from game.ui.storage import write_atomically

HTML_NAME = "report.html"
CSV_NAME = "events.csv"
JSON_NAME = "summary.json"


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
        writer.writerow(row.values())
    return buffer.getvalue()


def write_report(debrief: Debrief, folder: Path, language: str) -> ReportFiles:
    """Write the three files into `folder` (created if needed); returns their paths."""
    folder = Path(folder)
    files = ReportFiles(folder, folder / HTML_NAME, folder / CSV_NAME, folder / JSON_NAME)
    write_atomically(files.csv, events_csv(debrief, language))
    write_atomically(files.json, json.dumps(summary(debrief, language), ensure_ascii=False, indent=2) + "\n")
    names = {"csv": CSV_NAME, "json": JSON_NAME}
    write_atomically(files.html, report_html(debrief, language, names))
    return files
