"""Choosing among more shipped scenarios than fit on the set-up screens: the list pages on."""

from __future__ import annotations

from pygame_gui.elements import UIButton

from tests.ui.driver import click, top_name


def labels(app) -> list[str]:
    return [e.text for e in app.top.elements if isinstance(e, UIButton)]


def test_every_scenario_can_be_reached_and_played_from_the_workshop_set_up(app):
    click(app, "ui.menu.workshop")
    picker = app.top.picker
    titles = [app.text(s.title) for s in picker.scenarios]
    seen = set()
    for _ in range(picker.pages):
        seen |= {title for title in titles if title in labels(app)}
        more = [text for text in labels(app) if text.startswith("More scenarios")]
        if not more:
            break
        click(app, more[0])
    assert seen == set(titles)
    last = picker.scenarios[-1]
    while app.text(last.title) not in labels(app):
        click(app, next(text for text in labels(app) if text.startswith("More scenarios")))
    click(app, app.text(last.title))
    click(app, "ui.workshop.start")
    assert top_name(app) == "CurtainScene"
    assert app.top.session.scenario.id == last.id
