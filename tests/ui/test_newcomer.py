"""A newcomer plays the tutorial from what the board shows: the goal card, the hints, the numbered moves.

The scripted player below never reads the engine's state: it reads the goal
card (what the card draws), the rows of the action panel (their numbers and
the moves they name) and the tutorial's hint, and it plays by pressing keys.
"""

from __future__ import annotations

import pygame
import pytest

from game.core.actions import AskNetwork, Escalate, Share
from game.core.goal import goal_of
from game.core.model import NO_PERSON
from game.core.scoring import outcome, score
from game.ui.app import App
from game.ui.board.choices import holders_in_order
from game.ui.board.goalcard import card_items
from game.ui.board.scene import BoardScene
from game.ui.catalog import playable
from game.ui.hints import tutorial_hint
from game.workshop.session import Session
from tests.ui.driver import FRAME, click_at, press

DIGIT_KEYS = [pygame.K_1 + i for i in range(9)]


def tutorial_board(language: str = "en", size=(1280, 720)) -> tuple[App, BoardScene]:
    scenario = next(s for s in playable() if s.id == "tutorial")
    app = App(size, language)
    board = BoardScene(app, Session.start(scenario, ["Solo"], mode="solo"))
    app.push(board)
    app.step([], FRAME)
    return app, board


class Newcomer:
    """Plays the selected signal by its goal card: get it to someone who can exploit it, then to the approver."""

    def __init__(self, app: App, board: BoardScene):
        self.app, self.board = app, board
        self.asked: set = set()

    def card(self):
        return goal_of(self.board.state, self.board.signal)  # the model the goal card draws, nothing else

    def wanted(self, row_action) -> bool:
        goal = self.card()
        if isinstance(row_action, Share):
            if not goal.someone_capable_knows:
                return True  # pass it on toward the people the card lists
            return not goal.approved and row_action.to == goal.approver
        if isinstance(row_action, Escalate):
            return goal.someone_capable_knows and not goal.approved and not row_action.urgent
        if isinstance(row_action, AskNetwork):
            return not goal.candidates and row_action.topic in goal.skills and row_action not in self.asked
        return False

    def candidates_first(self, rows):
        goal = self.card()
        return sorted(rows, key=lambda r: (getattr(r[1], "to", None) not in goal.candidates + (goal.approver,), r[0]))

    def play_turn(self) -> None:
        board = self.board
        for _ in range(board.state.scenario.action_points):
            if board.state.action_points <= 0 or self.card().exploiter != NO_PERSON:
                break
            for person in holders_in_order(board.state, board.signal):
                x, y = board.map.screen_positions(board.state)[person]
                click_at(self.app, (int(round(x)), int(round(y))))  # the person, where the map draws them
                assert board.person == person
                rows = [r for r in self.candidates_first(board.rows) if self.wanted(r[1])]
                if rows and rows[0][0] <= 9:
                    number, action = rows[0]
                    self.asked.add(action)
                    press(self.app, DIGIT_KEYS[number - 1])
                    break
            else:
                break
        press(self.app, pygame.K_RETURN)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_newcomer_wins_the_tutorial_from_the_goal_card_alone(language):
    app, board = tutorial_board(language)
    player = Newcomer(app, board)
    signal = board.signal
    assert tutorial_hint(app, board.session, board.person, signal)  # the tutorial speaks from the first turn
    for _ in range(board.state.scenario.turns):
        if board.state.over or player.card().exploiter != NO_PERSON:
            break
        player.play_turn()
    while not board.state.over:
        press(app, pygame.K_RETURN)
    result = outcome(board.state, signal)
    assert result.won, "the newcomer's team exploited the signal before the rival"
    assert score(board.state) > 0


def test_the_goal_card_ticks_what_holds_and_says_work_starts_by_itself():
    app, board = tutorial_board()
    heading, items = card_items(app, board.state, board.signal)
    assert "New invoices" in heading
    boxes = [item for item in items if item.met is not None]
    assert len(boxes) == 4 and not any(item.met for item in boxes)
    assert "Samira Cohen" in boxes[0].text and "billing" in boxes[0].text
    assert "David Nguyen" in boxes[2].text  # the approver, named once a candidate is known
    assert "by itself" in boxes[3].text
    assert board.goal.rect is not None and board.layout.map.contains(board.goal.rect)


def test_the_map_marks_who_can_exploit_and_who_approves_in_the_cards_words():
    app, board = tutorial_board("fr")
    roles = board._roles()
    names = {board.state.scenario.org.names[p].get("fr"): role for p, role in roles.items()}
    assert names == {"Samira Cohen": app.tr("goal.role.candidate"), "David Nguyen": app.tr("goal.role.approver")}


def test_g_and_a_click_fold_the_goal_card():
    app, board = tutorial_board(size=(1920, 1080))
    tall = board.goal.rect.height
    press(app, pygame.K_g)
    assert board.goal.folded and board.goal.rect.height < tall
    click_at(app, board.goal.rect.center)
    assert not board.goal.folded


def test_the_board_opens_on_the_whole_organisation_clear_of_the_hint_and_the_goal_card():
    for size in ((1280, 720), (1920, 1080)):
        app, board = tutorial_board(size=size)
        left, top, right, bottom = board._map_insets()
        clear = board.layout.map.inflate(0, 0)
        clear.top += top
        clear.height -= top + bottom
        xy = board.map.screen_positions(board.state)
        assert all(clear.collidepoint(x, y) for x, y in xy), size


@pytest.mark.parametrize("key", [pygame.K_0, pygame.K_HOME])
def test_0_and_home_fit_the_whole_organisation_again_in_both_views(key):
    app, board = tutorial_board()
    for _ in range(2):
        fitted = board.map.camera.key
        press(app, pygame.K_PLUS)
        press(app, pygame.K_RIGHT)
        assert board.map.camera.key != fitted
        press(app, key)
        assert board.map.camera.key == fitted
        press(app, pygame.K_v)


def test_an_action_keeps_its_number_for_the_turn_when_asking_reveals_new_contacts():
    app, board = tutorial_board()
    board.select_person(holders_in_order(board.state, board.signal)[0])
    before = dict((action, number) for number, action in board.rows)
    ask = next(number for number, action in board.rows if isinstance(action, AskNetwork))
    press(app, DIGIT_KEYS[ask - 1])
    after = dict((action, number) for number, action in board.rows)
    assert all(after[action] == number for action, number in before.items() if action in after)
    new = set(after) - set(before)
    assert all(after[action] > max(before.values()) for action in new)
