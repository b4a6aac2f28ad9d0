"""`preview`: a PNG of the organisation, of the size asked, for a shipped scenario and a big generated one."""

from __future__ import annotations

import struct

from game.cli import main
from game.scenario.loader import load_scenario_text
from game.tools.preview import render_preview


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_preview_of_the_example_writes_a_png_of_the_right_size(tmp_path, capsys):
    out = tmp_path / "org.png"
    assert main(["preview", "retail-app-outage", "--out", str(out), "--size", "900x600"]) == 0
    assert out.stat().st_size > 20_000  # a drawing, not a blank page
    assert png_size(out) == (900, 600)
    assert "900x600" in capsys.readouterr().out


def test_preview_of_a_big_organisation(tmp_path, example_scenario_path):
    text = example_scenario_path.read_text().replace("count: 40", "count: 1500").replace("count: 25", "count: 400")
    scenario = load_scenario_text(text, "big.yaml")
    assert scenario.org.size > 1900
    out = render_preview(scenario, tmp_path / "big.png", (1200, 800), "fr")
    assert png_size(out) == (1200, 800) and out.stat().st_size > 20_000


def test_preview_of_a_bad_scenario_lists_its_problems(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\n")
    assert main(["preview", str(bad), "--out", str(tmp_path / "x.png")]) == 1
    assert "bad.yaml:" in capsys.readouterr().err and not (tmp_path / "x.png").exists()
