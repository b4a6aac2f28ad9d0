"""Golden tests of the loader's located problems on bad files, and a fuzz test that it never crashes."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.errors import Problem, ScenarioError
from game.core.model import Scenario
from game.scenario.loader import MAX_FILE_BYTES, check_files, load_scenario, load_scenario_text
from game.scenario.shipped import SCENARIO_DIR

BAD = Path(__file__).parent / "fixtures" / "bad"
EXAMPLE = SCENARIO_DIR / "retail-app-outage.yaml"


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    problems = info.value.problems
    assert all(p.file == str(path) for p in problems)
    return problems


# fixture, line, column (None: not checked), where, words the message must contain
GOLDEN = [
    (
        "unknown_manager",
        9,
        16,
        "organization.people[1].manager",
        ["manager 'ceo2'", "not a person", "did you mean 'ceo'?"],
    ),
    ("cycle", 9, 16, "organization.people[1].manager", ["cycle", "a -> b -> a", "outside the cycle"]),
    ("two_roots", 8, 7, "organization.people[1]", ["2 people have no manager (ceo, boss)", "exactly one person"]),
    ("wrong_type", 4, 8, "turns", ["expected an integer", "found 'ten'"]),
    ("unknown_key", 9, 7, "organization.people[1].managr", ["unknown key 'managr'", "did you mean 'manager'?"]),
    ("out_of_range", 8, 17, "organization.people[0].openness", ["expected a number between 0 and 1, found 1.5"]),
    ("unknown_origin", 11, 28, "signals[0].appears.at", ["signal origin 'alise'", "did you mean 'alice'?"]),
    ("syntax_error", 4, 6, "", ["YAML syntax error", "flow sequence", "line 3"]),
    ("billion_laughs", 3, 4, "", ["anchors and aliases are not allowed", "write the value out in full"]),
    ("python_tag", 3, 8, "", ["!!python/object/apply:os.system", "refused", "tags"]),
    ("empty", 1, 1, "", ["empty", "must start with `format: 1`"]),
    ("duplicate_key", 5, 1, "turns", ["duplicate key 'turns' (first at line 4)"]),
]


@pytest.mark.parametrize(("name", "line", "column", "where", "words"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_single_problem(name, line, column, where, words):
    (problem,) = problems_of(BAD / f"{name}.yaml")
    assert (problem.line, problem.where) == (line, where), str(problem)
    if column is not None:
        assert problem.column == column, str(problem)
    for word in words:
        assert word in problem.message, str(problem)
    assert not problem.warning


def test_several_problems_all_reported():
    problems = problems_of(BAD / "several.yaml")
    found = [(p.line, p.where) for p in problems]
    assert found == [
        (5, "action_points"),
        (11, "organization.people[1].skils"),
        (13, "organization.people[2].manager"),
        (14, "organization.people[2].scepticism"),
        (17, "signals[0].appears.turn"),
        (17, "signals[0].appears.at"),
        (20, "competitor.reaction.tipp"),
    ]
    messages = [p.message for p in problems]
    assert "expected an integer between 1 and 50, found 0" in messages[0]
    assert "did you mean 'skills'?" in messages[1]
    assert "did you mean 'alice'?" in messages[2]
    assert "between 0 and 1, found 2" in messages[3]
    assert "lasts 10 turns" in messages[4]
    assert "'nobody'" in messages[5]
    assert "did you mean 'tip'?" in messages[6]


def test_alias_bomb_is_refused_fast():
    text = "a: &a [x, x]\n" + "".join(f"l{i}: &l{i} [*{'a' if i == 0 else f'l{i - 1}'}] \n" for i in range(60))
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text)
    (problem,) = info.value.problems
    assert problem.line == 1 and "aliases" in problem.message


def test_oversized_file(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("format: 1\n" + "# padding padding padding\n" * (MAX_FILE_BYTES // 26 + 10))
    (problem,) = problems_of(path)
    assert problem.line == 0 and "larger than 2 MiB" in problem.message


def test_unreadable_file(tmp_path):
    (problem,) = problems_of(tmp_path / "missing.yaml")
    assert problem.line == 0 and "cannot read the file" in problem.message


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"format: 1\ntitle: caf\xe9\n")
    (problem,) = problems_of(path)
    assert problem.line == 2 and "UTF-8" in problem.message


def test_top_level_list():
    with pytest.raises(ScenarioError) as info:
        load_scenario_text("- format: 1\n")
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (1, 1) and "found a list" in problem.message


BASE = EXAMPLE.read_text().split("\n# ---", 1)[0] + "\n"  # the contract part, ending with its events


def load_error(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text)
    return info.value.problems


def test_missing_required_key_located_at_the_mapping():
    (problem,) = load_error(BASE.replace("turns: 24               # length of the game\n", ""))
    assert problem.line == 5 and "missing required key 'turns'" in problem.message


def test_nan_and_negative_numbers():
    problems = load_error(BASE.replace("value: 100", "value: -5").replace("virality: 0.25", "virality: .nan"))
    messages = sorted(p.message for p in problems)
    assert messages == ["expected a finite number, found .nan", "expected a number between 0 and 1000000000, found -5"]


def test_too_many_people():
    problems = load_error(BASE.replace("count: 40", "count: 199990"))
    (problem,) = problems
    assert problem.where == "organization.generate[1].count" and "200,000" in problem.message
    (problem,) = load_error(BASE.replace("count: 40", "count: 250000"))
    assert "between 1 and 200000" in problem.message


def test_reorg_into_own_team_is_a_cycle():
    text = BASE + "  - {turn: 3, kind: reorg, person: head_stores, manager: store_lille}\n"
    (problem,) = load_error(text)
    assert problem.where == "events[2].manager" and "cycle" in problem.message
    assert "store_lille -> region_north -> head_stores" in problem.message


def test_cross_reference_errors():
    text = (
        BASE.replace("[associate_lea, app_lead]", "[associate_lea, app_led]")
        .replace("[comms_lead, region_north]", "[comms_lead, comms_lead]")
        .replace("by: comms_lead", "by: comms")
        .replace("publishers: [ceo]", "publishers: [ceo, cfo]")
        .replace("validation: comms_review", "validation: comms_reviw")
        .replace("people: [associate_lea, store_lille]", "people: [associate_lea, store_lile]")
        .replace("departments: [product]", "departments: [produt]")
        .replace("    - under: cpo", "    - under: cpoo")
    )
    problems = load_error(text)
    by_where = {p.where: p.message for p in problems}
    assert "did you mean 'app_lead'?" in by_where["organization.network.ties[0][1]"]
    assert "themselves" in by_where["organization.network.ties[1]"]
    assert "did you mean 'store_lille'?" in by_where["organization.network.communities[0].members.people[1]"]
    assert "did you mean 'product'?" in by_where["organization.network.communities[0].members.departments[0]"]
    assert "did you mean 'cpo'?" in by_where["organization.generate[2].under"]
    assert "cfo" in by_where["channels[2].publishers[1]"]
    assert "did you mean 'comms_review'?" in by_where["channels[2].validation"]
    assert len(problems) == 7  # 'by: comms' is the comms department: its head approves


def test_team_meeting_audience_and_audience_keys():
    text = BASE.replace(
        "    kind: team_meeting        # a manager and their direct reports\n",
        "    kind: team_meeting\n    audience: all\n",
    )
    text = text.replace("audience: {max_level: 2}", "audience: {max_level: 2, subtree: ceo}")
    problems = load_error(text)
    assert [p.where for p in problems] == ["channels[0].audience", "channels[1].audience"]
    assert "only for broadcast" in problems[0].message and "exactly one of" in problems[1].message


def test_trait_given_twice():
    text = BASE.replace("      traits: {scepticism: 0.4}\n", "      traits: {scepticism: 0.4}\n      scepticism: 0.2\n")
    (problem,) = load_error(text)
    assert problem.where == "organization.people[3].traits.scepticism" and "twice" in problem.message


def test_text_with_unknown_language():
    (problem,) = load_error(BASE.replace('  fr: "La réclamation', '  de: "La réclamation'))
    assert problem.where == "title.de" and "expected 'en' or 'fr'" in problem.message and problem.line == 9


def test_duplicate_ids():
    text = BASE.replace("    - id: cpo\n", "    - id: app_lead\n").replace("manager: cpo", "manager: ceo")
    text = text.replace("under: cpo", "under: ceo")
    problems = load_error(text)
    assert any("duplicate person id 'app_lead'" in p.message for p in problems)


def test_check_files_reports_every_file(tmp_path):
    problems = check_files([EXAMPLE, BAD / "cycle.yaml", BAD / "wrong_type.yaml"])
    assert [Path(p.file).name for p in problems] == ["cycle.yaml", "wrong_type.yaml"]


# ----------------------------------------------------------------- fuzzing

EXAMPLE_DATA = yaml.safe_load(BASE)
ODD_VALUES = [None, True, 0, -1, 2.5, "ten", "", [], {}, ["x"], {"k": "v"}, 10**6, "ceo", float("inf")]


def paths_of(data, prefix=()):
    """Every path to a value inside the data."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths_of(value, prefix + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from paths_of(value, prefix + (i,))


ALL_PATHS = [p for p in paths_of(EXAMPLE_DATA) if p]


def mutate(data, path, how, value):
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "replace":
        parent[last] = value
    elif how == "duplicate" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))
    elif how == "duplicate":
        parent[last] = [parent[last], parent[last]]
    return data


mutation = st.tuples(
    st.sampled_from(ALL_PATHS), st.sampled_from(["delete", "replace", "duplicate"]), st.sampled_from(ODD_VALUES)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=3))
def test_mutated_example_never_crashes(mutations):
    data = EXAMPLE_DATA
    for path, how, value in mutations:
        try:
            data = mutate(data, path, how, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the path
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    try:
        scenario = load_scenario_text(text, "mutant.yaml")
    except ScenarioError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1, str(problem)
            assert problem.message
        return
    assert isinstance(scenario, Scenario)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abc:-[]{}&*!#'\"\n 019.,?|>%@`\t", max_size=80))
def test_random_text_never_crashes(text):
    try:
        load_scenario_text(text)
    except ScenarioError as error:
        assert all(p.line >= 1 for p in error.problems)
