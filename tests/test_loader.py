"""Tests of `game.scenario.loader` on good files: the reference example, defaults, texts, shipped ids."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from game.core.errors import ScenarioError
from game.core.model import NO_PERSON
from game.core.text import Text
from game.scenario import schema
from game.scenario.loader import check_files, load_scenario, load_scenario_text
from game.scenario.shipped import SCENARIO_DIR, resolve_scenario, shipped_scenarios

EXAMPLE = SCENARIO_DIR / "retail-app-outage.yaml"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def example():
    return load_scenario(EXAMPLE)


def row(scenario, person_id: str) -> int:
    return scenario.org.index_of(person_id)


def level(scenario, person: int) -> int:
    depth = 0
    while scenario.org.manager[person] != NO_PERSON:
        person = int(scenario.org.manager[person])
        depth += 1
    return depth


def subtree(scenario, top: int) -> list[int]:
    return [i for i in range(scenario.org.size) if top in ancestors(scenario, i)]


def ancestors(scenario, person: int) -> list[int]:
    chain = []
    while scenario.org.manager[person] != NO_PERSON:
        person = int(scenario.org.manager[person])
        chain.append(person)
    return chain


# ----------------------------------------------------------------- the example


def test_example_header(example):
    assert example.id == "retail-app-outage"
    assert example.turns == 24 and example.turn_unit == "day"
    assert example.action_points == 3 and example.seed == 7
    assert example.visibility.network_hidden and example.visibility.skills_hidden
    assert example.language == "en"
    assert example.source == str(EXAMPLE)
    assert example.digest == hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()


def test_example_counts(example):
    org = example.org
    assert org.ids[:8] == (
        "ceo",
        "comms_lead",
        "head_stores",
        "region_north",
        "store_lille",
        "associate_lea",
        "cpo",
        "app_lead",
    )
    assert not org.generated[:8].any() and org.generated[8:].all()
    # 14 + 40 + 25 staff, plus team leaders created to respect the spans
    staff = [t for t in org.titles[8:] if t.get("en") in ("Sales associate", "Store staff", "Engineer")]
    assert len(staff) == 14 + 40 + 25
    assert org.size > 8 + 79
    for array in (org.department, org.manager, org.availability, org.openness, org.scepticism):
        assert len(array) == org.size
    assert org.skills.shape == (org.size, len(example.tags))


def test_example_generated_people_placement(example):
    org = example.org
    lille, region, cpo = row(example, "store_lille"), row(example, "region_north"), row(example, "cpo")
    stores = [d.id for d in org.departments].index("stores")
    product = [d.id for d in org.departments].index("product")

    lille_staff = [i for i in range(8, org.size) if org.manager[i] == lille]
    assert len(lille_staff) == 14  # no span: everyone reports straight to the store manager
    assert all(org.department[i] == stores for i in lille_staff)

    for top, count, span, dept in ((region, 40, 8, stores), (cpo, 25, 6, product)):
        generated_below = [i for i in subtree(example, top) if org.generated[i]]
        staff = [i for i in generated_below if org.titles[i].get("en") in ("Store staff", "Engineer")]
        assert len(staff) == count
        assert all(org.department[i] == dept for i in generated_below)
        for person in [top] + generated_below:
            assert np.count_nonzero(org.manager[8:] == person) <= span


def test_example_skills_and_tags(example):
    assert example.tags == ("customer", "mobile_app", "payments", "data")
    org = example.org
    app_lead = row(example, "app_lead")
    assert org.skills[app_lead, example.tag_index("mobile_app")]
    assert org.skills[app_lead, example.tag_index("payments")]
    assert not org.skills[app_lead, example.tag_index("customer")]
    assert org.skills[row(example, "associate_lea"), example.tag_index("customer")]
    engineers = [i for i in range(org.size) if org.titles[i].get("en") == "Engineer"]
    assert org.skills[engineers, example.tag_index("data")].any()


def test_example_traits_read_both_ways(example):
    org = example.org
    assert org.availability[row(example, "head_stores")] == 0.6  # written on the person
    assert org.scepticism[row(example, "region_north")] == 0.4  # written under traits:
    assert org.openness[row(example, "associate_lea")] == 0.9
    ceo = row(example, "ceo")
    assert (org.availability[ceo], org.openness[ceo], org.scepticism[ceo]) == (0.8, 0.5, 0.1)


def test_example_hierarchy_and_departments(example):
    org = example.org
    assert [d.id for d in org.departments] == ["exec", "comms", "stores", "product"]
    assert org.departments[0].name == Text.of(en="Executive committee", fr="Comité exécutif")  # French from `labels`
    assert org.manager[row(example, "ceo")] == NO_PERSON
    assert org.manager[row(example, "associate_lea")] == row(example, "store_lille")
    assert level(example, row(example, "associate_lea")) == 4
    assert list(org.spokesperson.nonzero()[0]) == [row(example, "ceo"), row(example, "comms_lead")]


def test_example_network(example):
    net, n = example.network, example.org.size
    assert len(net.indptr) == n + 1 and net.indptr[-1] == len(net.indices)
    lea, app_lead = row(example, "associate_lea"), row(example, "app_lead")
    neighbours = list(net.neighbours(lea))
    assert app_lead in neighbours
    edge = net.indptr[lea] + neighbours.index(app_lead)
    assert net.explicit[edge] and net.weight[edge] == 1.0
    assert row(example, "region_north") in net.neighbours(row(example, "comms_lead"))


def test_example_communities(example):
    (community,) = example.communities
    assert community.id == "app_fans"
    assert community.name.get("fr") == "Bêta-testeurs de l'appli"
    assert list(community.topics) == [example.tag_index("mobile_app")]
    product = [d.id for d in example.org.departments].index("product")
    expected = set(np.flatnonzero(example.org.department == product).tolist())
    expected |= {row(example, "associate_lea"), row(example, "store_lille")}
    assert community.members.tolist() == sorted(expected)


def test_example_gates_and_channels(example):
    (gate,) = example.gates
    assert (gate.id, gate.approver, gate.delay) == ("comms_review", row(example, "comms_lead"), 2)
    meeting, letter, hands = example.channels
    assert meeting.kind == "team_meeting" and meeting.every == 5 and meeting.attention == 0.8
    assert meeting.validation == NO_PERSON and len(meeting.publishers) == 0
    assert letter.audience.kind == "max_level" and letter.audience.value == 2
    assert letter.publishers.tolist() == [row(example, "comms_lead"), row(example, "ceo")]
    assert (letter.every, letter.offset) == (7, 3)
    assert hands.audience.kind == "all" and hands.validation == 0
    assert hands.publishers.tolist() == [row(example, "ceo")]


def test_example_signals(example):
    bug, rumour = example.signals
    assert bug.origin == row(example, "associate_lea") and bug.appears_turn == 1
    assert [example.tags[t] for t in bug.topics] == ["mobile_app", "payments", "customer"]
    assert (bug.value, bug.decay, bug.virality, bug.distortion, bug.sensitivity) == (100, 0.06, 0.25, 0.05, 0.15)
    assert bug.genuine and bug.exploit.approval_level == 1 and bug.exploit.effort == 2
    assert bug.exploit.min_fidelity == 0.6
    assert [example.tags[t] for t in bug.exploit.skills] == ["mobile_app"]
    assert not rumour.genuine and rumour.appears_turn == 4
    assert rumour.origin == row(example, "region_north") and rumour.exploit.approval_level is None
    assert bug.title.get("fr") == "Les clients ne peuvent pas payer avec l'appli"


def test_example_competitor_and_events(example):
    rival = example.competitor
    assert rival.name.get("en") == "Rival Retail" and rival.style == "hierarchical"
    assert [(r.mean, r.spread) for r in rival.reactions] == [(10, 2), (12, 3)]  # second from the style
    assert rival.leak_gain == 3
    absence, message = example.events
    assert (absence.turn, absence.kind, absence.person, absence.duration) == (
        5,
        "absence",
        row(example, "head_stores"),
        4,
    )
    assert message.kind == "message" and message.person == NO_PERSON
    assert message.text.get("fr").startswith("On dit que")


def test_example_is_deterministic(example):
    again = load_scenario(EXAMPLE)
    assert again.org.ids == example.org.ids
    assert np.array_equal(again.network.indices, example.network.indices)
    assert np.array_equal(again.org.skills, example.org.skills)


def test_example_has_no_warnings():
    assert check_files([EXAMPLE]) == []


# ----------------------------------------------------------------- defaults and texts

MINIMAL = (FIXTURES / "good" / "minimal.yaml").read_text()


def test_ten_line_scenario_loads_with_defaults():
    scenario = load_scenario_text(MINIMAL, "minimal.yaml")
    assert len(MINIMAL.splitlines()) == 10
    assert scenario.summary.get("en") == "" and scenario.language == "en"
    assert (scenario.turn_unit, scenario.action_points, scenario.seed) == ("turn", 3, 1)
    assert not scenario.visibility.network_hidden and not scenario.visibility.skills_hidden
    org = scenario.org
    assert [d.id for d in org.departments] == ["general"]
    assert org.departments[0].name.get("fr") == "Général"
    assert org.names[1] == Text.plain("alice") and org.titles[1].get("en") == ""
    assert org.availability.tolist() == [0.8, 0.8] and org.openness.tolist() == [0.5, 0.5]
    assert org.scepticism.tolist() == [0.1, 0.1] and not org.spokesperson.any()
    assert scenario.gates == () and scenario.channels == () and scenario.events == ()
    assert scenario.communities == () and scenario.tags == ()
    (signal,) = scenario.signals
    assert signal.title.get("en") == "tip" and signal.appears_turn == 1
    assert (signal.value, signal.decay, signal.virality, signal.distortion, signal.sensitivity) == (
        100,
        0.05,
        0.2,
        0.05,
        0.1,
    )
    assert signal.genuine and signal.exploit.min_fidelity == 0.5 and signal.exploit.effort == 1
    assert signal.exploit.approval_level is None and len(signal.exploit.skills) == 0
    rival = scenario.competitor
    assert rival.name.get("fr") == "Le concurrent" and rival.style == "hierarchical"
    assert rival.reactions[0].mean == 12 and rival.reactions[0].spread == 3 and rival.leak_gain == 2
    assert scenario.extras == {"objectives": [], "debrief_questions": []}
    assert scenario.source == "minimal.yaml"


def with_block(extra: str) -> str:
    return MINIMAL + extra


@pytest.mark.parametrize(("style", "mean", "spread"), [("agile", 6, 2), ("balanced", 9, 2.5)])
def test_style_sets_default_reactions(style, mean, spread):
    scenario = load_scenario_text(with_block(f"competitor: {{style: {style}, reaction: {{tip: {{mean: 4}}}}}}\n"))
    assert scenario.competitor.reactions[0].mean == 4 and scenario.competitor.reactions[0].spread == 2
    scenario = load_scenario_text(with_block(f"competitor: {{style: {style}}}\n"))
    assert (scenario.competitor.reactions[0].mean, scenario.competitor.reactions[0].spread) == (mean, spread)


def test_channel_defaults_and_audiences():
    text = MINIMAL.replace("    - {id: alice, manager: boss}", "    - {id: alice, manager: boss, department: sales}")
    text += """channels:
  - id: meeting
    kind: team_meeting
  - id: news
  - {id: dep, audience: {department: sales}}
  - {id: sub, audience: {subtree: alice}}
  - {id: low, audience: {min_level: 1}, publishers: [alice]}
"""
    scenario = load_scenario_text(text)
    meeting, news, dep, sub, low = scenario.channels
    assert (meeting.every, meeting.offset, meeting.attention) == (5, 1, 0.5)
    assert news.kind == "broadcast" and news.every == 7 and news.audience.kind == "all"
    departments = [d.id for d in scenario.org.departments]
    assert departments == ["sales", "general"]
    assert dep.audience.kind == "department" and dep.audience.value == departments.index("sales")
    assert sub.audience.kind == "subtree" and sub.audience.value == 1
    assert low.audience.kind == "min_level" and low.audience.value == 1
    assert low.publishers.tolist() == [1]


def test_department_default_follows_the_manager_and_gate_by_department():
    text = """format: 1
id: depts
title: Departments
turns: 5
organization:
  departments: [{id: exec}, {id: it, name: {en: IT, fr: Informatique}}]
  people:
    - {id: dev, manager: cto}
    - {id: cto, manager: ceo, department: it}
    - {id: ceo, department: exec}
    - {id: dev2, manager: cto}
validation:
  - {id: it_gate, by: it}
channels:
  - {id: news, validation: it_gate, publishers: [ceo]}
signals:
  - {id: tip, appears: {at: dev}}
"""
    scenario = load_scenario_text(text)
    org = scenario.org
    assert [org.departments[d].id for d in org.department] == ["it", "it", "exec", "it"]
    assert org.departments[1].name.get("fr") == "Informatique"
    assert scenario.gates[0].approver == org.index_of("cto") and scenario.gates[0].delay == 2


def test_generate_block_defaults():
    text = with_block("").replace(
        "signals:", "  generate:\n    - {under: alice, count: 5, skills: {sales: 1.0}}\nsignals:"
    )
    scenario = load_scenario_text(text)
    org = scenario.org
    assert org.size == 7 and org.generated.tolist() == [False, False] + [True] * 5
    assert all(org.manager[2:] == 1)
    assert all(pid.startswith("alice_") for pid in org.ids[2:])
    assert org.titles[2] == Text.of(en="Employee", fr="Employé")
    assert scenario.tags == ("sales",) and org.skills[2:, 0].all()
    assert org.availability[2:].tolist() == [0.8] * 5


def test_texts_in_both_languages_and_plain_french():
    text = MINIMAL.replace("title: A ten-line scenario", "title: {en: Hello, fr: Bonjour}\nlanguage: fr")
    text = text.replace("    - id: boss", "    - {id: boss, title: Patronne}")
    scenario = load_scenario_text(text)
    assert scenario.title.get("en") == "Hello" and scenario.title.get("fr") == "Bonjour"
    assert scenario.org.titles[0].by_language == {"fr": "Patronne"}
    assert scenario.org.titles[0].get("en") == "Patronne"  # falls back


def test_events_reorg_and_extras():
    text = MINIMAL.replace(
        "    - {id: alice, manager: boss}", "    - {id: alice, manager: boss}\n    - {id: carl, manager: alice}"
    )
    text += """events:
  - {turn: 2, kind: reorg, person: carl, manager: boss}
  - {turn: 3, kind: absence, person: alice}
objectives: [Learn, {en: Share, fr: Partager}]
debrief_questions: [{fr: "Pourquoi ?"}]
"""
    scenario = load_scenario_text(text)
    reorg, absence = scenario.events
    assert (reorg.person, reorg.new_manager, reorg.duration) == (2, 0, 0)
    assert (absence.person, absence.duration) == (1, 1)
    assert [t.get("fr") for t in scenario.extras["objectives"]] == ["Learn", "Partager"]
    assert scenario.extras["debrief_questions"][0].get("en") == "Pourquoi ?"


def test_warnings_do_not_fail_a_file(tmp_path):
    path = tmp_path / "warn.yaml"
    path.write_text(
        MINIMAL.replace(
            "{id: tip, appears: {at: alice}}", "{id: tip, appears: {at: alice}, exploit: {skills: [magic]}}"
        )
        + "channels:\n  - {id: news}\nvalidation:\n  - {id: unused, by: boss}\n"
    )
    load_scenario(path)  # does not raise
    problems = check_files([path])
    assert problems and all(p.warning for p in problems)
    messages = " | ".join(p.message for p in problems)
    assert "magic" in messages and "nobody may publish" in messages and "not used" in messages


# ----------------------------------------------------------------- shipped scenarios


def test_shipped_scenarios_all_load():
    paths = shipped_scenarios()
    assert EXAMPLE in paths and SCENARIO_DIR / "tutorial.yaml" in paths
    for path in paths:
        assert load_scenario(path).id


def test_resolve_by_id_and_by_path():
    assert resolve_scenario("retail-app-outage") == EXAMPLE
    assert resolve_scenario("tutorial") == SCENARIO_DIR / "tutorial.yaml"
    assert resolve_scenario(str(EXAMPLE)) == EXAMPLE


def test_resolve_unknown_suggests():
    with pytest.raises(ScenarioError) as info:
        resolve_scenario("tutorail")
    assert "did you mean 'tutorial'" in str(info.value)


def test_tutorial_shape():
    tutorial = load_scenario(SCENARIO_DIR / "tutorial.yaml")
    assert tutorial.turns == 12 and 10 <= tutorial.org.size <= 14 and not tutorial.org.generated.any()
    assert not tutorial.visibility.network_hidden and not tutorial.visibility.skills_hidden
    assert tutorial.extras["objectives"] and tutorial.extras["debrief_questions"]
    for text in [
        tutorial.title,
        tutorial.summary,
        *tutorial.extras["objectives"],
        *tutorial.extras["debrief_questions"],
    ]:
        assert set(text.by_language) == {"en", "fr"}
    kinds = sorted(c.kind for c in tutorial.channels)
    assert kinds == ["broadcast", "team_meeting"]
    genuine = [s for s in tutorial.signals if s.genuine]
    assert len(genuine) == 1 and genuine[0].exploit.approval_level == 1
    assert len(tutorial.signals) == 2
    assert (
        (SCENARIO_DIR / "tutorial.yaml")
        .read_text()
        .startswith("# yaml-language-server: $schema=scenario.schema.json\n")
    )


def test_json_schema_is_generated():
    generated = schema.json_schema()
    assert generated["type"] == "object"
    assert {"format", "id", "title", "turns", "organization", "signals"} <= set(generated["required"])
    assert "manager" in generated["$defs"]["Person"]["properties"]
