"""What a team is sent: its own board, in its language, without anything the team may not know."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import numpy as np

from game.i18n import TRANSLATIONS, catalogue
from game.server import views
from game.server.app import Hub
from tests.server.conftest import BASE_URL, make_room
from tests.ui.test_texts import fields

WEB = Path(views.__file__).resolve().parent / "web"


def everything_sent(room, team: int = 0, language: str = "en") -> str:
    """The hello, the board and the card and moves of every person, as a team's pages receive them."""
    hub = Hub(room, BASE_URL)
    state = room.session.teams[team].state
    parts = [views.hello(room, team, language), json.loads(hub.view_text(team, language))]
    parts += [views.actions_view(room, team, language, p, 0) for p in range(state.size)]
    return json.dumps(parts, ensure_ascii=False)


def test_whether_a_signal_is_genuine_never_reaches_a_page(example_scenario):
    flipped = dataclasses.replace(
        example_scenario,
        signals=tuple(dataclasses.replace(s, genuine=not s.genuine) for s in example_scenario.signals),
    )
    sent = everything_sent(make_room(example_scenario))
    assert sent == everything_sent(make_room(flipped)), "a rumour and a true signal look the same to the team"
    assert "genuine" not in sent and "competitor_due" not in sent


def test_hidden_ties_and_skills_stay_hidden_until_discovered(example_scenario):
    room = make_room(example_scenario)
    assert example_scenario.visibility.network_hidden and example_scenario.visibility.skills_hidden
    assert views.hello(room, 0, "en")["people"]["ties"] is None
    board = views.team_view(room, 0, "en")
    state = room.session.teams[0].state
    known = state.known_edge & (example_scenario.network.edge_source < example_scenario.network.indices)
    assert len(board["ties"]) == 2 * int(known.sum())
    unknown = example_scenario.org.skills.any(axis=1) & ~state.known_skill.any(axis=1)
    skilled = int(np.flatnonzero(unknown)[0])  # has skills the team has not discovered
    card = views.actions_view(room, 0, "en", skilled, None)["card"]
    assert any("not discovered" in line for line in card)


def test_a_team_sees_its_own_game_only(example_scenario):
    from game.core import rules

    room = make_room(example_scenario)
    before = views.team_view(room, 1, "en")
    state = room.session.teams[0].state
    holder = int(state.holders(0)[0])
    room.act(0, next(a for a in rules.actions_for(state, holder) if a.cost > 0))
    assert views.team_view(room, 1, "en") == before
    assert views.team_view(room, 0, "en")["points"] < before["points"]


def test_the_page_speaks_the_language_asked(example_scenario):
    room = make_room(example_scenario)
    english, french = views.team_view(room, 0, "en"), views.team_view(room, 0, "fr")
    assert english["turn_label"] == "Turn 1/24" and french["turn_label"] == "Tour 1/24"
    assert english["signals"][0]["title"] != french["signals"][0]["title"]
    moves = views.actions_view(room, 0, "fr", english["signals"][0]["holders"][0], 0)["actions"]
    assert moves and all(row["cost_text"].endswith("PA") for row in moves)


def test_web_texts_exist_in_english_and_french_with_the_same_placeholders():
    english = json.loads((TRANSLATIONS / "en" / "web.json").read_text(encoding="utf-8"))
    french = json.loads((TRANSLATIONS / "fr" / "web.json").read_text(encoding="utf-8"))
    assert set(english) == set(french)
    for key in english:
        assert key.startswith("web."), key
        assert fields(english[key]) == fields(french[key]), key


def test_every_text_the_pages_name_is_translated():
    used = set()
    for page in WEB.glob("*.html"):
        used |= {k for k in re.findall(r"\{\{([a-z_.]+)\}\}", page.read_text()) if "." in k}
    for script in WEB.glob("*.js"):
        used |= set(re.findall(r"""labels\[["'](web\.[a-z_.]+)["']\]""", script.read_text()))
    for source in Path(views.__file__).parent.glob("*.py"):
        used |= set(re.findall(r"""["'](web\.[a-z_]+\.[a-z_.]+|web\.[a-z_]+)["']""", source.read_text()))
    used = {key for key in used if not key.endswith(".")}
    for language in ("en", "fr"):
        missing = sorted(key for key in used if key not in catalogue(language))
        assert not missing, (language, missing)
