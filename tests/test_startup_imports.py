"""Each way into the game imports nothing heavy that it does not use, so it starts at once.

`bench/startup.py` measures the start-up times; these tests only keep the heavy libraries off the paths that
do not need them (the scenario loader and pydantic, charts, the web server, the window), so that a stray
import cannot bring one back unnoticed.
"""

from __future__ import annotations

from tests.test_purity import loaded_by_running

ELSEWHERE = ("matplotlib", "scipy", "starlette", "uvicorn", "game.server", "game.debrief")  # reports, the host
LOADER = ("pydantic", "game.scenario.loader", "game.scenario.schema")  # validating and building a scenario
WINDOW = ("pygame", "pygame_gui", "game.ui")
MENU = """
from game.ui.app import App
from game.ui.scenes.menu import MenuScene

app = App((1280, 720), "en")
app.push(MenuScene(app))
app.step([], 1 / 60)
"""


def test_importing_the_command_line_loads_no_scenario_loader_window_or_report():
    # main.py and `signal-race` import game.cli before any command, the window's way in included
    assert loaded_by_running("import game.cli", ELSEWHERE + LOADER + WINDOW + ("yaml",)) == []


def test_a_headless_game_loads_no_window_report_server_or_save_schema():
    code = "from game.cli import main\nmain(['play', 'tutorial', '--headless', '--bot', 'mixed'])"
    unused = ("game.persistence.record_schema", "game.workshop.session", "game.core.coach")  # saves, workshops
    assert loaded_by_running(code, ELSEWHERE + WINDOW + unused) == []


def test_the_first_frame_of_the_menu_loads_no_scenario_loader_report_or_server(tmp_path):
    no_saves = {"SIGNAL_RACE_DATA_DIR": str(tmp_path), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    assert loaded_by_running("import game.cli\n" + MENU, ELSEWHERE + LOADER, no_saves) == []


def test_the_menu_loads_the_scenarios_in_the_background_once_it_shows(tmp_path):
    no_saves = {"SIGNAL_RACE_DATA_DIR": str(tmp_path), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    second_frame = MENU + "app.step([], 1 / 60)\nfrom game.ui import catalog\ncatalog._loading.join()\n"
    assert loaded_by_running(second_frame, ("game.scenario.loader",), no_saves) == ["game.scenario.loader"]


def test_the_board_imports_scipy_only_to_lay_out_the_network():
    # scipy's import takes longer than opening the board; the layout's background work imports it
    assert loaded_by_running("import game.ui.board.scene", ("scipy",)) == []
