"""Scenario files travel by email: hostile or broken ones are refused with a located message, in bounded memory,
and nothing in them makes the game read or write another file or run code.

Timings are measured in bench/hostile.py, never asserted here; memory is (tracemalloc peaks)."""

from __future__ import annotations

import contextlib
import copy
import math
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core import bots, scoring
from game.core.errors import ScenarioError
from game.scenario.loader import load_scenario, load_scenario_text
from tests.guards import within_seconds

REPO = Path(__file__).resolve().parent.parent
TUTORIAL = REPO / "game" / "scenarios" / "tutorial.yaml"
MINIMAL = REPO / "tests" / "fixtures" / "good" / "minimal.yaml"
MEMORY_CAP = 50 * 1024 * 1024  # bytes: a hostile file must not make the loader allocate more than this
WATCHED_EVENTS = {  # audit events that mean a file was touched or code was run
    "open",
    "os.system",
    "os.exec",
    "os.spawn",
    "os.posix_spawn",
    "os.fork",
    "subprocess.Popen",
    "os.remove",
    "os.rename",
    "os.unlink",
    "os.rmdir",
    "os.mkdir",
    "shutil.rmtree",
    "socket.connect",
    "ctypes.dlopen",
}
_audit: list[tuple[str, tuple]] | None = None  # events recorded while a `watching` block runs


def _hook(event: str, args: tuple) -> None:
    if _audit is not None and event in WATCHED_EVENTS:
        _audit.append((event, args))


sys.addaudithook(_hook)  # audit hooks cannot be removed; this one records only inside `watching`


@contextlib.contextmanager
def watching() -> Iterator[list[tuple[str, tuple]]]:
    global _audit
    _audit = []
    try:
        yield _audit
    finally:
        _audit = None


def tree(path: Path = TUTORIAL) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def load_bounded(text: str, name: str = "hostile.yaml") -> ScenarioError | None:
    """Load `text`; returns the refusal (None if accepted) after checking the memory the loader used."""
    tracemalloc.start()
    try:
        load_scenario_text(text, name)
        refusal = None
    except ScenarioError as error:
        refusal = error
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < MEMORY_CAP, f"the loader used {peak / 2**20:.0f} MiB"
    return refusal


def refused_at_a_line(text: str, words: str = "") -> ScenarioError:
    refusal = load_bounded(text)
    assert refusal is not None, "a hostile file was accepted"
    errors = [p for p in refusal.problems if not p.warning]
    assert errors and all(p.line >= 1 and p.file == "hostile.yaml" for p in errors), refusal
    assert words.lower() in str(refusal).lower()
    return refusal


# ------------------------------------------------------------------ YAML features that build or run things


def test_an_alias_bomb_is_refused_before_it_expands():
    text = "format: 1\nid: lol\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in "bcdefghijklm":
        previous = chr(ord(level) - 1)
        text += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    refused_at_a_line(text, "alias")


def test_even_one_anchor_is_refused():
    base = dump(tree())
    refused_at_a_line(base.replace("turns: 12", "turns: &t 12\naction_points: *t"), "alias")


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!binary aGVsbG8=",
        "!include /etc/passwd",
        "!secret {marker}",
    ],
)
def test_tags_that_could_build_objects_or_run_code_are_refused_and_run_nothing(tag, tmp_path):
    marker = tmp_path / "pwned"
    text = dump(tree()).replace("turns: 12", f"turns: 12\nsummary: {tag.format(marker=marker)}")
    with watching() as events:
        refused_at_a_line(text, "tag")
    assert not marker.exists()
    assert not events, f"the loader touched files or ran something: {events}"


# ------------------------------------------------------------------ size, depth and counts


def test_a_3_mb_file_is_refused_without_being_read_whole(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text(dump(tree()) + "# " + "x" * 3_000_000 + "\n", encoding="utf-8")
    tracemalloc.start()
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 3 * 2**20 + MEMORY_CAP // 5  # it read at most the cap, plus a little
    assert "huge.yaml" in str(raised.value) and "MiB" in str(raised.value)


def test_a_3_mb_text_is_refused_too():
    refusal = load_bounded(dump(tree()) + "# " + "x" * 3_000_000 + "\n")
    assert refusal is not None and "MiB" in str(refusal)


@pytest.mark.parametrize("opening,closing", [("[", "]"), ("{a: ", "}")])
def test_nesting_1000_deep_is_refused(opening, closing):
    text = dump(tree()).replace("turns: 12", "turns: 12\nnotes: " + opening * 1000 + "1" + closing * 1000)
    refused_at_a_line(text, "nested")


def test_nesting_1000_deep_in_block_style_is_refused():
    deep = "".join(f"{'  ' * level}k{level}:\n" for level in range(1000)) + "  " * 1000 + "end: 1\n"
    refused_at_a_line(dump(tree()) + "extra:\n" + "\n".join("  " + line for line in deep.splitlines()), "nested")


def test_a_billion_generated_people_are_refused_before_any_is_made():
    data = tree()
    data["organization"]["generate"] = [{"under": "ceo", "count": 10**9}]
    refused_at_a_line(dump(data), "count")


def test_many_blocks_that_add_up_to_too_many_people_are_refused_before_any_is_made():
    data = tree()
    data["organization"]["generate"] = [{"under": "ceo", "count": 199_999, "id_prefix": f"b{i}_"} for i in range(6)]
    refused_at_a_line(dump(data), "people")


# ------------------------------------------------------------------ absurd numbers


def set_at(data: dict, path: tuple, value: object) -> dict:
    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


ABSURD = [
    (("signals", 0, "value"), math.nan),
    (("signals", 0, "value"), math.inf),
    (("signals", 0, "value"), -1),
    (("signals", 0, "decay"), -math.inf),
    (("signals", 0, "virality"), 1.5),
    (("signals", 0, "distortion"), -0.1),
    (("turns",), -3),
    (("turns",), 10**9),
    (("action_points",), 10**9),
    (("action_points",), 0),
    (("seed",), -1),
    (("competitor", "reaction", "invoice_error", "mean"), 0),
    (("competitor", "reaction", "invoice_error", "spread"), math.nan),
    (("competitor", "leak_gain"), -math.inf),
    (("validation", 0, "delay"), -2),
    (("channels", 0, "every"), 0),
    (("channels", 0, "attention"), math.inf),
    (("events", 1, "duration"), -5),
    (("organization", "people", 4, "traits", "openness"), math.nan),
    (("organization", "network", "communities", 0, "topics"), 10**100),
]


@pytest.mark.parametrize("path,value", ABSURD, ids=[f"{'.'.join(map(str, p))}={v}" for p, v in ABSURD])
def test_absurd_numbers_are_refused_at_their_line(path, value):
    refused_at_a_line(dump(set_at(tree(), path, value)), str(path[-1]))


HUGE_BUT_FINITE = [
    pytest.param(("signals", 0, "value"), 1e308, id="value=1e308"),
    pytest.param(("competitor", "leak_gain"), 1e308, id="leak_gain=1e308"),
    pytest.param(("competitor", "reaction", "invoice_error", "mean"), 1e308, id="mean=1e308"),
    pytest.param(("validation", 0, "delay"), 10**12, id="delay=10^12"),
    pytest.param(("channels", 0, "every"), 10**18, id="every=10^18"),
    pytest.param(("seed",), 10**100, id="seed=10^100"),
    pytest.param(("signals", 0, "exploit", "effort"), 10**12, id="effort=10^12"),
    pytest.param(("events", 1, "duration"), 10**12, id="duration=10^12"),
    pytest.param(("organization", "network", "mean_degree"), 1e12, id="mean_degree=1e12"),
]


@pytest.mark.parametrize("path,value", HUGE_BUT_FINITE)
def test_huge_numbers_are_refused_or_every_bot_plays_to_a_finite_score(path, value):
    data = set_at(tree(), path, value)
    if path[-1] == "mean_degree":
        data["organization"]["network"]["model"] = "small_world"
    try:
        refusal = load_bounded(dump(data))
    except MemoryError as error:
        pytest.fail(f"MemoryError instead of a located refusal: {error}")
    if refusal is not None:
        assert all(p.line >= 1 for p in refusal.problems if not p.warning)
        return
    scenario = load_scenario_text(dump(data), "huge.yaml")
    for bot in bots.BOTS:
        state = bots.play_game(scenario, 1, bot)
        assert state.over and math.isfinite(scoring.score(state)), bot


# ------------------------------------------------------------------ paths and other mischief in texts


def test_paths_in_texts_are_only_words_and_nothing_else_is_opened(tmp_path):
    data = tree()
    data["title"] = {"en": "../../etc/passwd", "fr": "/etc/shadow"}
    data["summary"] = "file:///etc/passwd C:\\Windows\\system.ini ~/.ssh/id_rsa {__import__('os').system('id')}"
    data["signals"][0]["title"] = "$(rm -rf ~) `id` %s %n {0} ${HOME}"
    data["events"][0]["text"] = "\x1b[2J\x07 ../" * 20
    path = tmp_path / "innocent.yaml"
    path.write_text(dump(data), encoding="utf-8")
    load_scenario(path)  # warm up: later imports must not count as file access
    with watching() as events:
        scenario = load_scenario(path)
        state = bots.play_game(scenario, 1, "mixed")
    opened = {str(args[0]) for event, args in events if event == "open"}
    assert str(path) in opened  # the watch works: it saw the scenario itself being read
    assert opened <= {str(path)}, f"files touched besides the scenario: {opened - {str(path)}}"
    assert not [e for e in events if e[0] != "open"], events
    assert scenario.title.get("en") == "../../etc/passwd" and state.over


@pytest.mark.parametrize("field", ["id", "organization.people.0.id", "signals.0.id"])
def test_a_path_as_an_identifier_is_refused(field):
    keys = tuple(int(k) if k.isdigit() else k for k in field.split("."))
    refused_at_a_line(dump(set_at(tree(), keys, "../../etc/passwd")), keys[-1] if keys[-1] != 0 else "")


# ------------------------------------------------------------------ mutations of valid files


def paths_of(node: object, prefix: tuple = ()) -> list[tuple]:
    """Every key path in a parsed YAML tree, parents before children."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths_of(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths_of(value, (*prefix, index))
    return found


def parent_of(data: object, path: tuple) -> object:
    for key in path[:-1]:
        data = data[key]
    return data


ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.just("../../etc/passwd"),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def mutate(data: object, draw: st.DrawFn) -> object:
    paths = paths_of(data)
    if not paths:
        return draw(ODD_VALUES)
    path = draw(st.sampled_from(paths))
    parent, key = parent_of(data, path), path[-1]
    kind = draw(st.sampled_from(["delete", "duplicate", "retype", "rename", "empty"]))
    if kind == "delete":
        del parent[key]
    elif kind == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif kind == "duplicate":
        parent[f"{key}_copy" if isinstance(key, str) else key] = copy.deepcopy(parent[key])
    elif kind == "rename" and isinstance(parent, dict):
        parent[draw(st.sampled_from([f"{key}s", str(key)[:-1] or "x", str(key).upper(), "", "1"]))] = parent.pop(key)
    elif kind == "empty":
        parent[key] = type(parent[key])() if isinstance(parent[key], (dict, list, str)) else None
    else:
        parent[key] = draw(ODD_VALUES)
    return data


@st.composite
def mutated_scenarios(draw: st.DrawFn) -> str:
    source = draw(st.sampled_from([TUTORIAL, MINIMAL]))
    data = tree(source)
    for _ in range(draw(st.integers(1, 3))):
        data = mutate(data, draw)
    return dump(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_scenarios())
def test_a_mutated_scenario_is_accepted_or_refused_with_located_problems(text):
    try:
        load_scenario_text(text, "mutated.yaml")
    except ScenarioError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "mutated.yaml" and problem.line >= 1, str(problem)
            assert problem.message.strip(), str(problem)


# ------------------------------------------------------------------ cost: a few lines must not ask for a huge game


def generated(count: int, **network: object) -> dict:
    data = tree()
    data["organization"]["generate"] = [{"under": "ceo", "count": count, "span": 8}]
    data["organization"]["network"] = {"model": "small_world", "mean_degree": 4} | network
    return data


def with_many(data: dict, section: tuple, items: list) -> dict:
    """`data` with `items` added to the list at `section`."""
    node = data
    for key in section:
        node = node.setdefault(key, []) if key == section[-1] else node[key]
    node.extend(items)
    return data


AMPLIFIED = {
    "mean_degree": lambda: generated(199_000, mean_degree=1000),
    "scale free": lambda: generated(199_000, mean_degree=1000, model="scale_free"),
    "signals": lambda: with_many(
        generated(150_000), ("signals",), [{"id": f"s{i}", "appears": {"at": "ceo"}} for i in range(3000)]
    ),
    "tags": lambda: with_many(
        generated(1000),
        ("organization", "generate"),
        [{"under": "ceo", "count": 150_000, "span": 8, "skills": {f"k{i}": 0.5 for i in range(5000)}}],
    ),
    "communities": lambda: with_many(
        generated(150_000),
        ("organization", "network", "communities"),
        [{"id": f"c{i}", "members": {"departments": ["sales"]}} for i in range(1000)],
    ),
}


@pytest.mark.parametrize("what", list(AMPLIFIED))
def test_a_small_file_asking_for_a_huge_game_is_refused_before_anything_is_built(what):
    text = dump(AMPLIFIED[what]())
    assert len(text) < 300_000
    with within_seconds(60):
        refusal = refused_at_a_line(text)
    sentence = str(refusal)
    assert ("mean_degree" in sentence and "2,000,000" in sentence) or ("memory" in sentence and "limit" in sentence)
    assert what.split()[0] in sentence or what == "scale free"


def test_a_large_game_within_the_budget_is_built_and_played():
    data = generated(40_000, mean_degree=20)
    scenario = load_scenario_text(dump(data), "large.yaml")
    assert scenario.org.size > 40_000 and bots.play_game(scenario, 1, "mixed").over


# ------------------------------------------------------------------ every walk over the organisation ends


LOOPS = {
    "a chain loops back through a duplicated id": ["ceo", ("a", "ceo"), ("b", "a"), ("a", "b")],
    "a duplicated id is its own manager": ["ceo", ("a", "ceo"), ("a", "a")],
    "a duplicated top manages the chain below it": ["ceo", ("x", "ceo"), ("y", "x"), ("ceo", "y")],
    "two duplicated ids manage each other": ["ceo", ("a", "ceo"), ("b", "ceo"), ("a", "b"), ("b", "a")],
}


def organisation(people: list) -> str:
    written = [{"id": p} if isinstance(p, str) else {"id": p[0], "manager": p[1]} for p in people]
    return dump(
        {
            "format": 1,
            "id": "loops",
            "title": "Loops",
            "turns": 5,
            "organization": {"people": written},
            "signals": [{"id": "tip", "appears": {"at": written[0]["id"]}}],
        }
    )


@pytest.mark.parametrize("people", list(LOOPS.values()), ids=list(LOOPS))
def test_manager_chains_through_duplicated_ids_are_refused_and_the_check_ends(people):
    with within_seconds(20):
        refused_at_a_line(organisation(people), "duplicate")


PEOPLE_IDS = st.sampled_from(["a", "b", "c", "d", "e", "boss", "Zoé"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(PEOPLE_IDS, st.one_of(st.none(), PEOPLE_IDS, st.just("nobody"))), min_size=1, max_size=12))
def test_any_organisation_with_duplicates_self_managers_and_cycles_is_checked_to_an_end(people):
    text = organisation([pid if boss is None else (pid, boss) for pid, boss in people])
    with within_seconds(20):
        try:
            load_scenario_text(text, "random.yaml")
        except ScenarioError as error:
            assert all(p.line >= 1 for p in error.problems if not p.warning), error
