"""Semantic warnings of `validate`: crafted scenarios that load but cannot play as their author intends."""

from __future__ import annotations

from game.cli import main
from game.scenario.loader import check_files, load_scenario

BASE = """format: 1
id: crafted
title: Crafted
turns: 10
organization:
  network: {model: none}
  people:
    - {id: boss, spokesperson: true}
    - {id: alice, manager: boss}
    - {id: bob, manager: boss, availability: 0}
    - {id: carl, manager: bob, skills: [fix]}
signals:
  - {id: tip, appears: {at: alice}, exploit: {skills: [fix]}}
"""


def warnings_of(tmp_path, text: str) -> list:
    path = tmp_path / "crafted.yaml"
    path.write_text(text)
    load_scenario(path)  # warnings never stop a file from loading
    problems = check_files([path])
    assert all(p.warning for p in problems)
    return problems


def test_a_manager_who_never_acts_cuts_off_their_team(tmp_path):
    problems = warnings_of(tmp_path, BASE)
    by_where = {p.where: p.message for p in problems}
    assert "nobody able to exploit this signal can be reached" in by_where["signals[0].appears.at"]
    people = by_where["organization.people[2]"]
    assert "2 people can never hear of any signal (bob, carl)" in people


def test_a_tie_or_a_team_meeting_reconnects_them(tmp_path):
    with_tie = BASE.replace("network: {model: none}", "network: {model: none, ties: [[alice, carl]]}")
    problems = warnings_of(tmp_path, with_tie)
    assert [p.where for p in problems] == ["organization.people[2]"]  # bob alone stays cut off
    meeting = BASE + "channels:\n  - {id: weekly, kind: team_meeting}\n"
    assert warnings_of(tmp_path, meeting) == []


def test_skills_nobody_has_and_broadcast_without_publisher(tmp_path):
    text = BASE.replace("exploit: {skills: [fix]}", "exploit: {skills: [magic]}")
    text = text.replace("{id: boss, spokesperson: true}", "{id: boss}") + "channels:\n  - {id: news}\n"
    messages = " | ".join(p.message for p in warnings_of(tmp_path, text))
    assert "nobody has all of these skills (magic)" in messages
    assert "nobody may publish on this broadcast channel" in messages


def test_validate_prints_warnings_and_succeeds(tmp_path, capsys):
    path = tmp_path / "crafted.yaml"
    path.write_text(BASE)
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert f"{path}:10:7: warning: organization.people[2]:" in captured.out
    assert "0 invalid (0 errors, 2 warnings)" in captured.err
