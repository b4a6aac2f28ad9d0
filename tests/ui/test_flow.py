"""What comes after a team's planning, by mode and outcome."""

from __future__ import annotations

from game.ui import flow
from game.ui.app import Home
from game.ui.catalog import playable
from game.workshop.session import GAME_OVER, NEXT_TEAM, ROUND_OVER, Session


def tutorial():
    return next(s for s in playable() if s.id == "tutorial")


def test_solo_stays_on_the_board_between_turns_and_ends_on_the_results(app):
    session = Session.start(tutorial(), ["You"], mode="solo")
    assert flow.after_planning(app, session, ROUND_OVER) is None
    done = flow.after_planning(app, session, GAME_OVER)
    assert isinstance(done, Home) and type(done.scene).__name__ == "ResultsScene"


def test_a_workshop_hands_over_behind_a_curtain_and_shows_standings_after_each_round(app):
    session = Session.start(tutorial(), ["A", "B"], mode="simultaneous")
    assert session.end_planning() == NEXT_TEAM
    curtain = flow.after_planning(app, session, NEXT_TEAM).scene
    assert type(curtain).__name__ == "CurtainScene" and curtain.team_name == "B"
    assert session.end_planning() == ROUND_OVER
    board = flow.after_planning(app, session, ROUND_OVER).scene
    assert type(board).__name__ == "LeaderboardScene"
    following = board.proceed().scene
    assert type(following).__name__ == "CurtainScene" and following.team_name == "A"
