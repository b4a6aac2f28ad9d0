"""French and English complete and correct: every interface text, every engine sentence, every scenario label.

A French player must read French everywhere ("Qui s'y connaît en fours ?"), with
French typography (non-breaking spaces, "2 318") and real plurals in both
languages, never "(s)".
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from game.core import actions, phrases
from game.core.localise import NBSP, NNBSP, PLURAL_SPEC, fill, placeholders, plural_forms
from game.core.text import LANGUAGES, Text
from game.i18n import TRANSLATIONS, Translator
from game.scenario.loader import load_scenario, load_scenario_text
from game.scenario.shipped import shipped_scenarios

GAME_CODE = Path(__file__).resolve().parents[1] / "game"
CATALOGUE_FILES = sorted(p.name for p in (TRANSLATIONS / "en").glob("*.json"))
REQUIRED_FORMS = {"one", "other"}  # every language we ship has both; French "many" falls back to "other"
SUSPICIOUS = re.compile(r"\((s|es|x)\)")  # "turn(s)", "copie(s)"; "absent(e)" is gender, not number


def _file(language: str, name: str) -> dict[str, str]:
    return json.loads((TRANSLATIONS / language / name).read_text(encoding="utf-8"))


def _core_texts() -> dict[str, Text]:
    texts = {name: value for name, value in vars(phrases).items() if isinstance(value, Text)}
    texts |= {f"action.{key}": value for key, value in actions._DESCRIPTIONS.items()}
    return texts


def _literal_text(template: str) -> str:
    """What a template writes outside its placeholders, plural forms included."""
    parts = []
    for literal, _, spec, _ in string.Formatter().parse(template):
        parts.append(literal)
        if spec and PLURAL_SPEC.match(spec):
            parts += plural_forms(spec).values()
    return " ".join(parts)


def _pairs():
    """(where, English template, French template) for every interface text and engine sentence."""
    for name in CATALOGUE_FILES:
        english, french = _file("en", name), _file("fr", name)
        for key in english:
            yield f"{name}:{key}", english[key], french.get(key)
    for key, text in _core_texts().items():
        yield f"core:{key}", text.by_language.get("en"), text.by_language.get("fr")


PAIRS = list(_pairs())


# ------------------------------------------------------------------ completeness


@pytest.mark.parametrize("name", CATALOGUE_FILES)
def test_every_interface_key_exists_in_both_languages(name):
    english, french = _file("en", name), _file("fr", name)
    assert set(english) == set(french), sorted(set(english) ^ set(french))
    assert sorted(p.name for p in (TRANSLATIONS / "fr").glob("*.json")) == CATALOGUE_FILES


def test_every_key_the_code_names_exists_in_both_languages():
    key = re.compile(r"""["']((?:ui|board|debrief|cli)\.[a-z_]+(?:\.[a-z_]+)+)["']""")
    used = {k for path in GAME_CODE.rglob("*.py") for k in key.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 100
    assert not sorted(k for k in used if k not in _file_keys("en") or k not in _file_keys("fr"))


def _file_keys(language: str) -> set[str]:
    return {key for name in CATALOGUE_FILES for key in _file(language, name)}


def test_every_text_has_the_same_placeholders_in_both_languages():
    for where, english, french in PAIRS:
        assert english and english.strip() and french and french.strip(), f"{where} is missing a language"
        assert set(placeholders(english)) == set(placeholders(french)), where


def test_every_count_with_plural_forms_has_the_forms_its_language_needs():
    """Which count carries the noun may differ ("{turns} of {max_turns:...}" / "{turns:...} sur {max_turns}")."""
    for where, english, french in PAIRS:
        for template in (english, french):
            for name, spec in placeholders(template).items():
                if PLURAL_SPEC.match(spec):
                    forms = plural_forms(spec)
                    assert set(forms) >= REQUIRED_FORMS, f"{where}: {{{name}}} lacks a form of {REQUIRED_FORMS}"
                    assert all("#" in text for text in forms.values()), f"{where}: a form of {{{name}}} hides the count"


def test_no_text_hedges_a_plural_with_brackets():
    hedged = [where for where, english, french in PAIRS if SUSPICIOUS.search(english) or SUSPICIOUS.search(french)]
    assert not hedged


def test_french_texts_leave_a_space_before_double_punctuation():
    """The space French puts before : ; ! ? is what the typography pass makes non-breaking."""
    glued = re.compile(r"[^\s{]([;!?]|:(?=\s|$))")
    bad = [(where, french) for where, _, french in PAIRS if glued.search(_literal_text(french))]
    assert not bad


# ------------------------------------------------------------------ plurals and numbers


@pytest.mark.parametrize(
    ("count", "english", "french"),
    [
        (0, "won by 0 turns", "gagné de 0 tour"),
        (1, "won by 1 turn", "gagné de 1 tour"),
        (2, "won by 2 turns", "gagné de 2 tours"),
        (1000, "won by 1,000 turns", f"gagné de 1{NNBSP}000 tours"),
        (2318, "won by 2,318 turns", f"gagné de 2{NNBSP}318 tours"),
        (1_000_000, "won by 1,000,000 turns", f"gagné de 1{NNBSP}000{NNBSP}000 tours"),  # French "many" -> "other"
    ],
)
def test_plurals_follow_each_language(count, english, french):
    assert Translator("en").tr("debrief.headline.won_by", turns=count) == english
    assert Translator("fr").tr("debrief.headline.won_by", turns=count) == french


@pytest.mark.parametrize(("count", "english", "french"), [(0, "0 copies", "0 copie"), (1, "1 copy", "1 copie")])
def test_french_treats_zero_as_singular_and_english_does_not(count, english, french):
    assert Translator("en").tr("debrief.what.distorted", n=count).startswith(english + " ")
    assert Translator("fr").tr("debrief.what.distorted", n=count).replace("\u00a0", " ").startswith(french + " ")


def test_engine_sentences_count_in_both_languages():
    one = phrases.NO_POINTS_URGENT.format(cost=1, left=0)
    two = phrases.NO_POINTS_URGENT.format(cost=2, left=1)
    assert "costs 1 action point;" in one.get("en") and "coûte 1 point d'action" in one.get("fr")
    assert "costs 2 action points;" in two.get("en") and "coûte 2 points d'action" in two.get("fr")
    away = phrases.ABSENCE.format(person=Text.of(en="Léa", fr="Léa"), duration=1)
    assert away.get("en") == "Léa is away for 1 turn." and away.get("fr") == "Léa est absent(e) pendant 1 tour."


def test_people_and_points_are_grouped_the_language_s_way():
    facts = dict(people=2318, duration="12 days", signals=2, rival="Rival")
    assert Translator("en").tr("ui.scenario.facts", **facts).startswith("2,318 people · ")
    assert Translator("fr").tr("ui.scenario.facts", **facts).startswith(f"2{NNBSP}318 personnes · ")
    assert Translator("fr").number(0.25) == "0,25" and Translator("en").number(0.25) == "0.25"
    reached = phrases.NETWORK_SPREAD.format(signal=Text.of(en="S", fr="S"), count=2318)
    assert reached.get("en").endswith("(people reached: 2,318).")
    assert reached.get("fr").endswith(f"(personnes atteintes{NBSP}: 2{NNBSP}318).")


def test_turn_units_count_in_both_languages():
    assert [Translator("en").duration(n, "day") for n in (1, 3)] == ["1 day", "3 days"]
    assert [Translator("fr").duration(n, "week") for n in (0, 1, 3)] == ["0 semaine", "1 semaine", "3 semaines"]
    assert Translator("fr").duration(2, "sprint") == "2 sprint"  # a unit the game does not know is shown as written


def test_french_typography_makes_the_spaces_non_breaking():
    said = Translator("fr").tr("debrief.screen.label_value", label="Origine", value=1)
    assert said == f"Origine{NBSP}: 1"
    assert fill("« {x} » ; oui ! non ? 40 %", "fr", {"x": "a"}) == (
        f"«{NBSP}a{NBSP}»{NNBSP}; oui{NNBSP}! non{NNBSP}? 40{NNBSP}%"
    )
    assert fill("{path} : 12:30", "fr", {"path": "C:\\saves"}) == f"C:\\saves{NBSP}: 12:30"  # no space, no change
    assert Translator("en").tr("debrief.screen.label_value", label="Origin", value=1) == "Origin: 1"


# ------------------------------------------------------------------ scenario labels


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_every_shipped_scenario_names_its_things_in_both_languages(path):
    scenario = load_scenario(path)
    names = {f"tag {tag}": scenario.tag_label(i) for i, tag in enumerate(scenario.tags)}
    names |= {f"channel {c.id}": c.name for c in scenario.channels}
    names |= {f"community {c.id}": c.name for c in scenario.communities}
    names |= {f"department {d.id}": d.name for d in scenario.org.departments}
    names |= {f"title {title.written(scenario.language)}": title for title in scenario.org.titles}
    missing = [what for what, text in names.items() if not all(text.by_language.get(lang) for lang in LANGUAGES)]
    assert not missing


def test_a_french_player_reads_french_skills_and_channels():
    scenario = load_scenario(next(p for p in shipped_scenarios() if p.stem == "industrial-group"))
    furnaces = scenario.tag_labels[scenario.tag_index("furnaces")]
    assert Translator("fr").tr("board.action.ask", topic=furnaces) == f"Qui s'y connaît en fours{NNBSP}?"
    assert Translator("en").tr("board.action.ask", topic=furnaces) == "Who knows furnaces?"
    retail = load_scenario(next(p for p in shipped_scenarios() if p.stem == "retail-app-outage"))
    letter = next(c for c in retail.channels if c.id == "managers_letter")
    assert (letter.name.get("en"), letter.name.get("fr")) == ("Managers' letter", "Lettre aux managers")


MINIMAL = """
format: 1
id: labels
title: Labels
turns: 5
organization:
  departments: [{id: ops, name: Operations}]
  people:
    - {id: boss, department: ops, skills: [billing]}
channels:
  - {id: staff_news, kind: broadcast}
signals:
  - {id: s, appears: {at: boss}, exploit: {skills: [billing]}}
"""


def test_labels_complete_names_and_tags_default_to_the_tag_with_spaces():
    scenario = load_scenario_text(MINIMAL + "labels: {departments: {ops: {fr: Opérations}}}\n")
    assert dict(scenario.org.departments[0].name.by_language) == {"en": "Operations", "fr": "Opérations"}
    assert scenario.channels[0].name.get("en") == "Staff news"
    assert scenario.tag_label(0).get("fr") == "billing"


def test_title_labels_give_every_person_and_generated_block_with_that_title_its_other_language():
    people = "    - {id: boss, department: ops, title: Head of operations, skills: [billing]}\n"
    people += "  generate:\n    - {under: boss, count: 3, title: Clerk}\n"
    labels = "labels: {titles: {Head of operations: {fr: Directrice des opérations}, Clerk: {fr: Employé}}}\n"
    text = MINIMAL.replace("    - {id: boss, department: ops, skills: [billing]}\n", people) + labels
    titles = [dict(title.by_language) for title in load_scenario_text(text).org.titles]
    assert titles[0] == {"en": "Head of operations", "fr": "Directrice des opérations"}
    assert titles[1:] == [{"en": "Clerk", "fr": "Employé"}] * 3


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (
            "{titles: {Boss man: {fr: Patron}}}",
            "'Boss man' is not a job title in this scenario",
        ),
        (
            "{tags: {biling: {fr: facturation}}}",
            "'biling' is not a skill or topic in this scenario; did you mean 'billing'?",
        ),
        ("{channels: {staff_new: {fr: Lettre}}}", "did you mean 'staff_news'?"),
        ("{departments: {ops: {en: Ops}}}", "its English name is already 'Operations' in its own `name`"),
    ],
)
def test_a_wrong_label_is_reported_where_it_is(labels, message):
    from game.core.errors import ScenarioError

    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(MINIMAL + f"labels: {labels}\n", "f.yaml")
    text = str(caught.value)
    assert message in text
    assert "f.yaml:14:" in text  # the labels line
