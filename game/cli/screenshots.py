"""The `screenshots DIR` command: PNGs of every screen, in English and French, rendered without a display."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from game.cli.errors import EXIT_OK, CommandFailed
from game.core.text import LANGUAGES

SIZES = ("1280x720", "1920x1080")  # the window sizes the screens are designed for


def add_parser(commands: argparse._SubParsersAction) -> None:
    shots = commands.add_parser(
        "screenshots", help="render PNGs of every screen, in English and French, without a display"
    )
    shots.add_argument("out_dir", metavar="DIR", help="folder to write the PNG files into (created if needed)")
    shots.add_argument("--lang", choices=LANGUAGES, help="only this language (default: both)")
    shots.add_argument("--size", choices=SIZES, help="only this window size (default: both)")


def run(args: argparse.Namespace) -> int:
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # before pygame opens a display: no window, works on a server
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.screenshots import render_screens

    languages = (args.lang,) if args.lang else LANGUAGES
    sizes = [tuple(int(n) for n in size.split("x")) for size in ([args.size] if args.size else SIZES)]
    try:
        written = render_screens(Path(args.out_dir), languages, sizes)
    except OSError as error:
        raise CommandFailed(f"cannot write the screenshots to {args.out_dir}: {error.strerror or error}") from None
    for path in written:
        print(path)
    print(f"{len(written)} screenshots written to {args.out_dir}")
    return EXIT_OK
