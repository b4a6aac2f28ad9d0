"""The exported report: three files, an HTML page that needs no network, a CSV that adds up to the JSON summary."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter

import pytest

from game.cli import main
from game.core.actions import Escalate, Share
from game.debrief.build import debrief_of_session
from game.debrief.export import write_report
from game.scenario.loader import load_scenario
from game.scenario.shipped import resolve_scenario
from game.workshop.session import Session
from tests.builders import make_scenario, make_signal

TREE = [-1, 0, 0, 1, 2]


def tiny_workshop():
    """Two teams on a five-person company; the signal leaks whenever it crosses the network."""
    signal = make_signal(3, skills=[0], distortion=0.1, sensitivity=1.0)
    plan = make_scenario(TREE, skills={4: [0]}, ties=[(1, 4), (3, 1)], signals=[signal], reactions=[(6, 0)])
    session = Session.start(plan, ["Red", "Blue"], mode="hotseat")
    session.act(Escalate(0, 3))  # Red: the hierarchy only
    session.end_planning()
    session.act(Share(0, 3, 1))  # Blue: the network only
    session.end_planning()
    session.end_planning()
    session.act(Share(0, 1, 4))
    session.end_planning()
    while not session.over:
        session.end_planning()
    return session


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    files = write_report(debrief_of_session(tiny_workshop()), folder, "fr")
    return files


def test_the_three_files_are_written(report):
    for path in (report.html, report.csv, report.json):
        assert path.is_file() and path.stat().st_size > 0


def test_the_html_needs_no_network_resource(report):
    html = report.html.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.IGNORECASE)
    assert "<script" not in html.lower() and "<link" not in html.lower() and "@import" not in html
    images = re.findall(r'<img src="([^"]+)"', html)
    assert len(images) >= 4 and all(src.startswith("data:image/svg+xml;base64,") for src in images)


def test_the_html_is_in_the_chosen_language_with_the_scenario_texts(report):
    html = report.html.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert "Débriefing" in html and "Résultats sur la même graine" in html and "Red" in html and "Blue" in html


def test_the_csv_adds_up_to_the_json_totals(report):
    summary = json.loads(report.json.read_text(encoding="utf-8"))
    with report.csv.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows and set(rows[0]) >= {"turn", "team", "signal", "person", "step", "channel", "fidelity"}
    reached, actions, leaks = Counter(), Counter(), Counter()
    for row in rows:
        count = int(row["count"])
        if row["category"] == "spread":
            reached[row["team"], row["signal"], row["step"]] += count
        elif row["category"] == "action":
            actions[row["team"], row["step"]] += count
        elif row["step"] == "leak":
            leaks[row["team"], row["signal"]] += count
    for team in summary["teams"]:
        assert {k: v for k, v in team["actions"].items()} == {
            k[1]: v for k, v in actions.items() if k[0] == team["name"]
        }
        for signal in team["signals"]:
            for via, number in signal["reached"].items():
                assert reached[team["name"], signal["id"], via] == number
            assert leaks[team["name"], signal["id"]] == signal["leaks"]
    totals = summary["totals"]
    assert totals["people_reached"] == sum(reached.values())
    assert totals["actions"] == sum(actions.values())
    assert totals["leaks"] == sum(leaks.values()) > 0


def test_the_json_tells_each_team_apart(report):
    summary = json.loads(report.json.read_text(encoding="utf-8"))
    red, blue = summary["teams"]
    assert [h["means"] for h in red["signals"][0]["path"]][:2] == ["origin", "escalate"]
    assert [h["means"] for h in blue["signals"][0]["path"]] == ["origin", "share", "share"]
    assert blue["signals"][0]["reached_exploiter"] and blue["signals"][0]["path_end"] == "p4"
    assert {b["strategy"] for b in summary["bots"]} == {"idle", "random", "hierarchy", "network", "mixed"}


def test_the_report_command_reads_a_single_saved_game(tmp_path, capsys):
    save = tmp_path / "game.json"
    assert main(["play", "tutorial", "--headless", "--bot", "mixed", "--save", str(save)]) == 0
    capsys.readouterr()
    out = tmp_path / "out"
    assert main(["report", str(save), "--out", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(out / "report.html"), str(out / "events.csv"), str(out / "summary.json")]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["scenario"] == "tutorial" and summary["teams"][0]["name"] == "mixed"
    tutorial = load_scenario(resolve_scenario("tutorial"))
    assert len(summary["questions"]) == len(tutorial.extras["debrief_questions"]) and summary["language"] == "en"


def test_the_report_command_reads_a_saved_session(tmp_path, example_scenario, capsys):
    session = Session.start(example_scenario, ["Orion", "Vega"], mode="simultaneous")
    for _ in range(3):
        session.end_planning()
        session.end_planning()
    save = tmp_path / "session.json"
    save.write_text(json.dumps({**session.to_record(), "scenario": "retail-app-outage"}), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", str(save), "--out", str(out), "--what-if-turn", "1", "--what-if-bot", "network"]) == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in summary["teams"]] == ["Orion", "Vega"]
    assert summary["teams"][0]["what_if"]["strategy"] == "network" and summary["teams"][0]["what_if"]["from_turn"] == 1


def test_the_report_command_explains_a_missing_save(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nope.json"), "--out", str(tmp_path)]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_every_debrief_text_exists_in_english_and_french(repo_root):
    from game.core.bots import BOTS
    from game.core.competitor import DIFFICULTY
    from game.debrief.hops import NETWORK_MEANS, OFFICIAL_MEANS
    from game.debrief.incidents import KINDS
    from game.debrief.timeline import VIAS
    from game.i18n import catalogue
    from game.workshop.session import MODES

    folder = repo_root / "game" / "assets" / "translations"
    for name in ("debrief.json", "contrasts.json"):
        en = json.loads((folder / "en" / name).read_text(encoding="utf-8"))
        fr = json.loads((folder / "fr" / name).read_text(encoding="utf-8"))
        assert set(en) == set(fr) and all(key.startswith("debrief.") for key in en), name
    en = {key for key in catalogue("en") if key.startswith("debrief.")}
    en |= {key.rsplit(".", 1)[0] for key in en if key.endswith(".one") and f"{key[:-4]}.many" in en}  # plurals
    sources = [*(repo_root / "game" / "debrief").glob("*.py"), *(repo_root / "game" / "ui" / "debrief").glob("*.py")]
    used = {
        key for path in sources for key in re.findall(r'"(debrief\.[a-z_.]+[a-z_])"', path.read_text(encoding="utf-8"))
    }
    built = {f"debrief.means.{m}" for m in ("origin", *OFFICIAL_MEANS, *NETWORK_MEANS)}
    built |= {f"debrief.strategy.{b}" for b in BOTS} | {f"debrief.incident.{k}" for k in KINDS}
    built |= {f"debrief.via.{v}" for v in VIAS} | {f"debrief.difficulty.{d}" for d in DIFFICULTY}
    built |= {f"debrief.mode.{m}" for m in (*MODES, "game")}
    missing = sorted((used | built) - set(en))
    assert not missing, missing
