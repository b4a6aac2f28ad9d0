"""What each page is sent: a team's own view of its game, and the facilitator's view of the room.

A team's view is cut from its own GameState only, through the same wording
the game window uses (the board's status lines, calendar, person card and
action rows, in the page's language). It holds what the team may see: the
people and the org chart, the ties it has discovered, who holds which signal,
the exploitation each signal needs, the rival's expected window; never
whether a signal is genuine, hidden skills or ties, the rival's timetable, or
another team's moves. Views are plain JSON-ready dicts.
"""

from __future__ import annotations

import hashlib
import weakref
from functools import cache

import numpy as np

from game.core.actions import Action
from game.core.competitor import rival_progress
from game.core.events import injectable_events
from game.core.hierarchy import Hierarchy
from game.core.model import Scenario
from game.core.scoring import value_left
from game.core.state import GameState
from game.i18n import Translator, catalogue
from game.server.room import BOT_CHOICES, Room
from game.ui.board.card import card_lines
from game.ui.board.choices import holders_in_order, panel_actions, visible_signals
from game.ui.board.goalcard import card_items
from game.ui.board.infobar import calendar_lines
from game.ui.board.network_layout import network_layout
from game.ui.board.sidebar import action_detail, action_label, rival_text, signal_status
from game.ui.board.tree_layout import tree_layout
from game.ui.scenes.facilitator import event_label, offered_events
from game.ui.theme import PALETTE

LOG_LINES = 40  # latest log lines a page shows


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


TEAM_COLOURS = tuple(_hex(c) for c in PALETTE.teams)
DEPARTMENT_COLOURS = tuple(_hex(c) for c in PALETTE.departments)


# ------------------------------------------------------------------ the page's fixed part


def labels(language: str) -> dict[str, str]:
    """Every `web.*` text of the pages, in `language` (missing ones fall back to English)."""
    english = {k: v for k, v in catalogue("en").items() if k.startswith("web.")}
    return english | {k: v for k, v in catalogue(language).items() if k.startswith("web.")}


@cache
def _people(scenario: Scenario, language: str) -> dict:
    tr = Translator(language)
    org = scenario.org
    return {
        "ids": list(org.ids),
        "names": [tr.text(name) for name in org.names],
        "titles": [
            f"{tr.text(org.titles[p])} · {tr.text(org.departments[int(org.department[p])].name)}"
            for p in range(org.size)
        ],
        "dept": org.department.tolist(),
        "departments": [tr.text(d.name) for d in org.departments],
        "network_xy": _flat(network_layout(scenario)),
        "ties": None
        if scenario.visibility.network_hidden
        else _edge_pairs(scenario, np.ones(len(scenario.network.indices), bool)),
    }


def hello(room: Room, team: int, language: str) -> dict:
    """What a team page needs once: its team, the words of the page, the people, the fixed layouts."""
    session = room.session
    scenario = session.scenario
    tr = Translator(language)
    return {
        "type": "hello",
        "lang": language,
        "labels": labels(language),
        "team": {"index": team, "name": session.teams[team].name, "colour": TEAM_COLOURS[session.teams[team].colour]},
        "title": tr.text(scenario.title),
        "mode": session.mode,
        "people": _people(scenario, language),
        "colours": {"departments": DEPARTMENT_COLOURS, "teams": TEAM_COLOURS},
        "standing_labels": standing_labels(tr),
        "timer_label": tr.tr("board.timer"),  # "Time {time}": the page fills in the countdown
        "no_signal": tr.tr("board.no_signal"),
    }


def standing_labels(tr: Translator) -> dict[str, str]:
    return {key: tr.tr(f"ui.standings.{key}") for key in ("rank", "team", "points", "won", "lost", "open")}


# ------------------------------------------------------------------ the team's board


def team_view(room: Room, team: int, language: str) -> dict:
    """Everything that changes on team `team`'s board, in `language`."""
    tr = Translator(language)
    session = room.session
    state = session.teams[team].state
    scenario = state.scenario
    return {
        "type": "view",
        "turn": min(state.turn, scenario.turns),
        "turns": scenario.turns,
        "turn_label": tr.tr("board.turn", turn=min(state.turn, scenario.turns), turns=scenario.turns),
        "points": state.action_points,
        "total_points": scenario.action_points,
        "points_label": tr.tr("board.points", points=state.action_points, total=scenario.action_points),
        "may_act": room.may_act(team),
        "over": session.over or state.over,
        "paused": room.paused,
        "status": team_status(tr, room, team),
        "timer": timer_view(room),
        "signals": [signal_view(tr, state, s) for s in visible_signals(state)],
        "absent": np.flatnonzero(state.absent_until > state.turn).tolist(),
        "tree": tree_view(state.hierarchy),
        "ties": _edge_pairs(scenario, state.known_edge) if scenario.visibility.network_hidden else None,
        "calendar": calendar_lines(tr, state),
        "log": [tr.tr("board.log.line", turn=e.turn, text=tr.text(e.text)) for e in state.log[-LOG_LINES:]],
        "teams": teams_view(room),
        "standings": standings_view(room),
    }


def team_status(tr: Translator, room: Room, team: int) -> str:
    """One sentence: what the team should do now, or what it waits for."""
    session = room.session
    if session.over or session.teams[team].state.over:
        return tr.tr("web.status.over")
    if room.paused:
        return tr.tr("web.status.paused")
    if team in room.bots:
        return tr.tr("web.status.bot")
    if session.may_plan(team):
        return tr.tr("web.status.plan")
    if session.mode == "simultaneous":
        waiting = [t.name for i, t in enumerate(session.teams) if session.may_plan(i)]
        return tr.tr("web.status.waiting", teams=", ".join(waiting))
    return tr.tr("web.status.turn_of", team=session.active_team().name)


def signal_view(tr: Translator, state: GameState, s: int) -> dict:
    spec = state.scenario.signals[s]
    if state.exposed[s] or state.faded[s]:  # a rumour, now known as one: nothing to win
        value_text, share = tr.tr("board.value_none"), 0.0
    else:
        left = value_left(state, s, state.turn)
        value_text = tr.tr("board.value_left", left=f"{left:.0f}", value=f"{spec.value:.0f}")
        share = left / spec.value if spec.value else 0.0
    holders = holders_in_order(state, s)
    return {
        "index": s,
        "title": tr.text(spec.title),
        "status": signal_status(tr, state, s),
        "value": value_text,
        "value_share": round(share, 3),
        "rival": rival_text(tr, state, s),
        "rival_share": round(0.0 if state.exposed[s] else rival_progress(state, s), 3),
        "goal": goal_lines(tr, state, s),
        "holders": holders,
        "fidelity": [round(float(state.fidelity[s, p]), 2) for p in holders],
        "open": state.is_open(s),
    }


def goal_lines(tr: Translator, state: GameState, s: int) -> list[str]:
    """The signal's goal card in the board's own sentences, each condition ticked once it holds (the team's view)."""
    _, items = card_items(tr, state, s)
    marks = {True: "✓ ", False: "☐ ", None: ""}
    return [marks[item.met] + item.text for item in items]


_trees: weakref.WeakKeyDictionary[Hierarchy, dict] = weakref.WeakKeyDictionary()


def tree_view(hierarchy: Hierarchy) -> dict:
    """The org chart as the page draws it (a re-organisation gives a new key), cached per hierarchy."""
    cached = _trees.get(hierarchy)
    if cached is None:
        layout = tree_layout(hierarchy)
        cached = {
            "key": hashlib.sha256(hierarchy.manager.tobytes()).hexdigest()[:16],
            "manager": hierarchy.manager.tolist(),
            "xy": _flat(layout.xy),
            "spine": np.rint(layout.spine_x).astype(int).tolist(),
        }
        _trees[hierarchy] = cached
    return cached


def _flat(xy: np.ndarray) -> list[int]:
    return np.rint(xy).astype(int).ravel().tolist()


def _edge_pairs(scenario: Scenario, known: np.ndarray) -> list[int]:
    """Each known tie once, as a flat list [a0, b0, a1, b1, ...]."""
    net = scenario.network
    source, target = net.edge_source, net.indices
    once = known & (source < target)
    return np.column_stack((source[once], target[once])).ravel().tolist()


def actions_view(room: Room, team: int, language: str, person: int | None, signal: int | None) -> dict:
    """The selected person's card and legal moves (about the selected signal), with cost and explanation."""
    tr = Translator(language)
    state = room.session.teams[team].state
    scenario = state.scenario
    if person is None or not 0 <= person < scenario.org.size:
        return {"type": "actions", "person": None, "signal": signal, "card": [], "actions": []}
    return {
        "type": "actions",
        "person": person,
        "signal": signal,
        "name": tr.text(scenario.org.names[person]),
        "card": card_lines(tr, state, person),
        "actions": [action_row(tr, state, action) for action in panel_actions(state, person, signal)],
    }


def action_row(tr: Translator, state: GameState, action: Action) -> dict:
    price = action.price(state.scenario)
    return {
        "label": action_label(tr, state, action),
        "cost": price,
        "cost_text": tr.tr("board.cost", points=price),
        "detail": action_detail(tr, state, action),
        "network": action.horizontal,
        "urgent": bool(getattr(action, "urgent", False)),
        "action": action.to_dict(state.scenario),
    }


# ------------------------------------------------------------------ the room


def timer_view(room: Room) -> dict | None:
    if room.timer is None:
        return None
    return {"remaining": round(room.timer.remaining, 1), "running": room.timer_running, "label": room.timer.label()}


def teams_view(room: Room) -> list[dict]:
    """Who plays, who has planned this turn, who is connected (what every page may see)."""
    session = room.session
    return [
        {
            "index": i,
            "name": team.name,
            "colour": TEAM_COLOURS[team.colour],
            "planned": team.planned or team.state.over,
            "to_play": session.may_plan(i),
            "online": room.presence[i].sockets > 0,
            "bot": room.bot_name(i),
        }
        for i, team in enumerate(session.teams)
    ]


def standings_view(room: Room) -> list[dict]:
    return [
        {
            "rank": row.rank,
            "team": row.team,
            "colour": TEAM_COLOURS[row.colour],
            "score": round(row.score),
            "won": row.won,
            "lost": row.lost,
            "open": row.open,
        }
        for row in room.session.leaderboard()
    ]


def room_view(room: Room, language: str, links: list[str]) -> dict:
    """The facilitator's page and the projector: the round, the teams with their links, standings, controls."""
    tr = Translator(language)
    session = room.session
    scenario = session.scenario
    events = injectable_events(scenario)
    teams = teams_view(room)
    for row, link in zip(teams, links):
        row |= {
            "link": link,
            "sockets": room.presence[row["index"]].sockets,
            "joined": room.presence[row["index"]].joined,
            "absent": room.is_absent(row["index"]),
        }
    return {
        "type": "room",
        "lang": language,
        "labels": labels(language),
        "title": tr.text(scenario.title),
        "mode": session.mode,
        "mode_label": tr.tr(f"ui.mode.{session.mode}"),
        "turn_label": tr.tr("ui.turn_of", turn=min(session.turn, scenario.turns), turns=scenario.turns),
        "paused": room.paused,
        "over": session.over,
        "ended": session.ended,
        "timer": timer_view(room),
        "teams": teams,
        "standings": standings_view(room),
        "events": [
            {"index": i, "label": event_label(tr, scenario, events[i])} for i in offered_events(events, session.turn)
        ],
        "bots": [{"name": name, "label": tr.tr(f"web.bot.{name}")} for name in BOT_CHOICES],
        "standing_labels": standing_labels(tr),
        "timer_label": tr.tr("board.timer"),
    }
