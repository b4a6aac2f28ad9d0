"""A scenario's id, title and summary read without the loader (what the menu shows first) agree with the loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.errors import ScenarioError
from game.core.text import Text
from game.scenario.glance import Glance, glance
from game.scenario.loader import load_scenario
from game.scenario.shipped import shipped_scenarios

MINIMAL = (Path(__file__).parent / "fixtures" / "good" / "minimal.yaml").read_text(encoding="utf-8")
TITLE = "title: A ten-line scenario"


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda path: path.stem)
def test_the_glance_at_a_shipped_scenario_is_what_the_loader_builds(path: Path):
    scenario = load_scenario(path)
    assert glance(path) == Glance(scenario.id, scenario.title, scenario.summary)


def test_plain_texts_are_in_the_language_the_file_declares(tmp_path):
    path = written(tmp_path, MINIMAL.replace(TITLE, f"{TITLE}\nlanguage: fr\nsummary: {{en: Hello, fr: Bonjour}}"))
    scenario = load_scenario(path)
    assert glance(path) == Glance("minimal", Text.plain("A ten-line scenario", "fr"), Text.of(en="Hello", fr="Bonjour"))
    assert glance(path) == Glance(scenario.id, scenario.title, scenario.summary)


@pytest.mark.parametrize(
    "change",
    [
        ("id: minimal", "id: [1, 2]"),
        (TITLE, "title: 3"),
        (TITLE, "title: {}"),
        (TITLE, "title: {de: Hallo}"),
        (TITLE, "title: {en: 3}"),
        (TITLE, ""),
        (TITLE, f"{TITLE}\nsummary: [a, b]"),
        (TITLE, f"{TITLE}\nlanguage: de"),
        (TITLE, f"{TITLE}\nturns: 12"),  # a key given twice
        (TITLE, "title: &t A ten-line scenario\nsummary: *t"),  # aliases are refused
        (TITLE, "title: [unclosed"),
    ],
    ids=[
        "id",
        "number",
        "empty-map",
        "language-key",
        "map-value",
        "missing",
        "summary",
        "language",
        "twice",
        "alias",
        "yaml",
    ],  # fmt: skip
)
def test_a_file_whose_id_title_summary_or_language_the_loader_refuses_has_no_glance(tmp_path, change):
    path = written(tmp_path, MINIMAL.replace(*change))
    with pytest.raises(ScenarioError):
        load_scenario(path)
    assert glance(path) is None


def test_an_unreadable_file_has_no_glance(tmp_path):
    assert glance(tmp_path / "missing.yaml") is None
    assert glance(written(tmp_path, "").with_name("scenario.yaml")) is None
    (tmp_path / "latin1.yaml").write_bytes(MINIMAL.replace("ten", "dix\xe9").encode("latin-1"))
    assert glance(tmp_path / "latin1.yaml") is None
