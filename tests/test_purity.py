"""Architecture rules: the engine and the scenario loader never touch pygame, the core never uses global randomness.

Saves and replays rely on one seeded generator per game (Wesnoth keeps a test
that proves unsynced randomness breaks replays); a window library in the core
would make it untestable headless.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
PURE_PACKAGES = ("game/core", "game/scenario")  # must never import pygame
SEEDED_PACKAGES = ("game/core", "game/scenario")  # must never use global randomness (generation is seeded too)
ALLOWED_NP_RANDOM = {"default_rng", "Generator", "BitGenerator", "SeedSequence", "PCG64", "PCG64DXSM", "Philox"}


def sources(package: str) -> list[Path]:
    return sorted((REPO_ROOT / package).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def loaded_by_importing(packages: tuple[str, ...], roots: tuple[str, ...]) -> list[str]:
    """The modules under `roots` (top-level names or dotted prefixes) a fresh interpreter holds after importing
    every module of `packages`."""
    modules = [module_name(p) for package in packages for p in sources(package)]
    return loaded_by_running(f"import importlib\nfor name in {modules!r}:\n    importlib.import_module(name)\n", roots)


def loaded_by_running(code: str, roots: tuple[str, ...], env: dict[str, str] | None = None) -> list[str]:
    """The modules under `roots` (top-level names or dotted prefixes) a fresh interpreter holds after running `code`
    (with `env` added to its environment)."""
    script = (
        f"{code}\n"
        "import sys\n"
        f"roots = {roots!r}\n"
        "found = sorted(m for m in sys.modules if m in roots or m.startswith(tuple(r + '.' for r in roots)))\n"
        "print('loaded:' + ','.join(found))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, done.stderr
    last = [line for line in done.stdout.splitlines() if line.startswith("loaded:")][-1]  # after any other output
    return [name for name in last.removeprefix("loaded:").split(",") if name]


def test_the_packages_have_sources():
    for package in PURE_PACKAGES:
        assert len(sources(package)) > 3, package


def test_importing_the_core_and_the_loader_leaves_pygame_out():
    loaded = loaded_by_importing(PURE_PACKAGES, ("pygame",))
    assert not loaded, f"pygame was imported: {loaded}"


@pytest.mark.parametrize("path", [p for package in PURE_PACKAGES for p in sources(package)], ids=module_name)
def test_no_pygame_in_the_source(path: Path):
    text = path.read_text(encoding="utf-8")
    assert "import pygame" not in text
    assert "from pygame" not in text
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            assert not any(alias.name.split(".")[0] == "pygame" for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert (node.module or "").split(".")[0] != "pygame"


def global_random_uses(tree: ast.AST) -> list[str]:
    """Every import of the `random` module and every call into numpy's global generator."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] == "random"]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.split(".")[0] == "random":
                found.append(f"from {module} import ...")
            if module == "numpy.random":
                found += [f"from numpy.random import {a.name}" for a in node.names if a.name not in ALLOWED_NP_RANDOM]
        elif isinstance(node, ast.Attribute) and node.attr not in ALLOWED_NP_RANDOM and _is_np_random(node.value):
            found.append(f"numpy.random.{node.attr}")
    return found


def _is_np_random(node: ast.AST) -> bool:
    """Whether `node` is the expression `np.random` or `numpy.random`."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "random"
        and isinstance(node.value, ast.Name)
        and node.value.id in ("np", "numpy")
    )


@pytest.mark.parametrize("path", [p for package in SEEDED_PACKAGES for p in sources(package)], ids=module_name)
def test_no_global_randomness_in_the_core(path: Path):
    uses = global_random_uses(ast.parse(path.read_text(encoding="utf-8")))
    assert uses == [], f"{path.name} uses global randomness: {uses}; draw from the game's Generator instead"


@pytest.mark.parametrize(
    "code",
    [
        "import random",
        "from random import choice",
        "import numpy as np\nnp.random.seed(3)",
        "import numpy as np\nx = np.random.rand(4)",
        "import numpy\nnumpy.random.shuffle(a)",
        "from numpy.random import randint",
    ],
)
def test_the_randomness_check_catches_global_use(code: str):
    assert global_random_uses(ast.parse(code))


def test_the_randomness_check_allows_generators():
    code = "import numpy as np\nrng = np.random.default_rng(3)\nx = rng.random(4)\ng: np.random.Generator = rng"
    assert global_random_uses(ast.parse(code)) == []
