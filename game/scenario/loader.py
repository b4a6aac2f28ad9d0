"""Untrusted YAML scenario file -> immutable `game.core.model.Scenario`, or every problem at once.

The public door to scenario files, which are read as regular files of at most
MAX_FILE_BYTES (`source`). Six stages, each reporting located
`Problem`s into one `Report`: the safe YAML pass (`yaml_safe`), pydantic
validation worded for authors (`wording`), cross-reference checks on whatever
parts are valid (`salvage`, `references`), the cost budget (`budget`), the
build of the core records (`build`), and semantic warnings that do not fail
the file (`checks`).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from game.core import model as core
from game.core.errors import Problem, ScenarioError
from game.files import size_text
from game.scenario.budget import within_budget
from game.scenario.build import Builder
from game.scenario.checks import warn
from game.scenario.references import check
from game.scenario.report import Report, show
from game.scenario.salvage import salvage
from game.scenario.source import MAX_FILE_BYTES, read_source
from game.scenario.wording import validate
from game.scenario.yaml_safe import START_HINT, read_yaml


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
    """Read a regular file, no further than the size cap, and load it."""
    try:
        source = read_source(path)
    except ScenarioError as error:
        return None, error.problems
    return _load_text(source.text, str(path), source.digest)


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
    report = Report(filename)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        report.add(0, 0, "", f"the text is larger than {size_text(MAX_FILE_BYTES)}")
        return None, report.problems
    safe, data = read_yaml(text, report)
    if not safe:
        return None, report.problems
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"{show(data)}"
        report.at((), f"{START_HINT}; found {found}")
        return None, report.problems
    validated = validate(data, report)
    parts = salvage(data)
    context = check(parts, report)
    if report.has_errors or validated is None or not within_budget(validated, report):
        return None, report.problems
    scenario = Builder(validated, context, report).build(filename, digest)
    if not report.has_errors:
        warn(scenario, validated, report)
    return (None if report.has_errors else scenario), report.problems
