"""Arrows point down: the engine and the workshop never pull in the server or its web stack."""

from __future__ import annotations

import subprocess
import sys

from tests.test_purity import REPO_ROOT, module_name, sources


def test_the_core_and_the_workshop_leave_the_server_out():
    modules = [module_name(p) for package in ("game/core", "game/workshop") for p in sources(package)]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'segno')"
        " or m.startswith('game.server'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
