"""The committed JSON Schema, the generated key reference and the shipped files stay in step with the models."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.core.bots import BOTS, play_game
from game.scenario.loader import load_scenario
from game.scenario.schema import json_schema
from game.scenario.shipped import SCENARIO_DIR, shipped_scenarios
from game.tools.reference import docs_in_sync, documented_keys
from game.tools.schema_file import SCHEMA_COMMENT, SCHEMA_PATH, schema_text

SHARED_EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "design" / "scenario-example.yaml"
DOCS_PATH = Path(__file__).resolve().parents[1] / "docs" / "authoring.md"
CONTRACT = SCENARIO_DIR / "retail-app-outage.yaml"


def test_committed_schema_matches_the_models():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run `python main.py schema`"


def test_every_key_has_a_description_and_optional_keys_a_default():
    schema = json_schema()
    for name, definition in [("(top level)", schema), *schema["$defs"].items()]:
        required = set(definition.get("required", []))
        for key, prop in definition["properties"].items():
            assert prop.get("description"), f"{name}.{key} has no description"
            assert key in required or "default" in prop, f"{name}.{key} has no default"


def test_reference_in_authoring_guide_is_in_sync():
    assert docs_in_sync(DOCS_PATH), "run `python main.py schema --docs`"


def test_reference_documents_every_key_with_an_example():
    text = DOCS_PATH.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) > 80
    assert all(line.rstrip().endswith("` |") for line in rows), "a key without an example"
    for path in ("signals[].exploit.approval.level", "channels[].audience.subtree", "organization.people[].manager"):
        assert path in documented_keys()


def test_four_contrasts_table_names_real_keys():
    text = DOCS_PATH.read_text(encoding="utf-8")
    table = text[text.index("## The four contrasts") : text.index("## Reference")]
    named = set(table.split("`")[1::2])
    keys = documented_keys()
    sections = {k.rsplit(".", 1)[0] for k in keys}
    unknown = sorted(n for n in named if n not in keys and n not in sections)
    assert not unknown, f"the contrasts table names keys the format does not have: {unknown}"


def test_shipped_scenarios_declare_the_schema():
    for path in shipped_scenarios():
        assert path.read_text(encoding="utf-8").startswith(SCHEMA_COMMENT + "\n"), path.name


def _without_leading_comments(text: str) -> str:
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "".join(lines)


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="the shared design folder is not available")
def test_contract_example_is_the_shared_design_plus_only_the_facilitator_texts():
    ours = _without_leading_comments(CONTRACT.read_text(encoding="utf-8"))
    contract = _without_leading_comments(SHARED_EXAMPLE.read_text(encoding="utf-8"))
    assert ours.startswith(contract)
    added = yaml.safe_load(ours[len(contract) :])
    assert set(added) == {"objectives", "debrief_questions", "labels"}  # texts only: the game itself is the contract's


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="the shared design folder is not available")
def test_the_shared_contract_file_itself_loads_and_plays_with_every_bot():
    scenario = load_scenario(SHARED_EXAMPLE)
    for bot in BOTS:
        state = play_game(scenario, scenario.seed, bot)
        assert state.over and state.min_action_points >= 0


def test_schema_docs_outside_the_repository_says_where_to_run_it(capsys, tmp_path, monkeypatch):
    from game.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["schema", "--out", str(tmp_path / "schema.json"), "--docs"]) == 1
    err = capsys.readouterr().err
    assert "cannot update docs/authoring.md" in err.replace("\\", "/") and "repository root" in err
    assert "Traceback" not in err


def test_schema_docs_regenerates_the_guide_it_is_given(capsys, tmp_path):
    from game.cli import main
    from game.tools.reference import BEGIN, END

    text = DOCS_PATH.read_text(encoding="utf-8")
    stale = text[: text.index(BEGIN)] + BEGIN + "\n(old)\n" + END + text[text.index(END) + len(END) :]
    guide = tmp_path / "authoring.md"
    guide.write_text(stale, encoding="utf-8")
    assert main(["schema", "--out", str(tmp_path / "schema.json"), "--docs", str(guide)]) == 0
    assert "updated" in capsys.readouterr().out
    assert guide.read_text(encoding="utf-8") == text
