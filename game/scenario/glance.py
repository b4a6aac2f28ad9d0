"""A scenario file's id, title and summary, read from its YAML without the loader: what the main menu lists first.

Loading the six shipped scenarios (pydantic validation, building each organisation, and the imports that go
with it) takes about 145 ms, a third of the time to the window's first frame, where the menu only shows their
titles and summaries; glancing at them takes about 30 ms. `glance` reads those keys through the loader's own
file reader and safe YAML pass, with the format's checks; a file it cannot read that way the loader refuses too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.core.errors import ScenarioError
from game.core.text import LANGUAGES, Text
from game.scenario.i18n import is_text_value, to_text
from game.scenario.report import Report
from game.scenario.source import read_source
from game.scenario.yaml_safe import read_yaml


@dataclass(frozen=True)
class Glance:
    """What a list of scenarios shows of one: its id, title and summary."""

    id: str
    title: Text
    summary: Text


def glance(path: Path) -> Glance | None:
    """The file's id, title and summary; None when the file, its YAML or these keys are not as the format wants."""
    try:
        source = read_source(path)
    except ScenarioError:
        return None
    report = Report(str(path))
    safe, data = read_yaml(source.text, report)
    if not safe or report.has_errors or not isinstance(data, dict):
        return None
    identifier, title, summary = data.get("id"), data.get("title"), data.get("summary", "")
    language = data.get("language", "en")
    if not isinstance(identifier, str) or not isinstance(language, str) or language not in LANGUAGES:
        return None
    if not (is_text_value(title) and is_text_value(summary)):
        return None
    return Glance(identifier, to_text(title, language), to_text(summary, language))
