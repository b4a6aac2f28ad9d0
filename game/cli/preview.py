"""The `preview` command: the organisation, network and communities of a scenario drawn to a PNG."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.errors import EXIT_OK, CommandFailed
from game.cli.inputs import open_scenario
from game.core.text import LANGUAGES


def add_parser(commands: argparse._SubParsersAction) -> None:
    preview = commands.add_parser("preview", help="draw the organisation, network and communities to a PNG")
    preview.add_argument("scenario", metavar="SCENARIO", help="a scenario file, or the id of a shipped scenario")
    preview.add_argument("--out", metavar="FILE.png", required=True, help="the picture to write")
    preview.add_argument("--size", type=size, default=(1600, 1000), metavar="WxH", help="pixels (default 1600x1000)")
    preview.add_argument("--lang", choices=LANGUAGES, help="language of names and legend (default: the scenario's)")


def run(args: argparse.Namespace) -> int:
    from game.tools.preview import render_preview

    _, scenario = open_scenario(args.scenario)
    try:
        out = render_preview(scenario, Path(args.out), args.size, args.lang or "")
    except OSError as error:
        raise CommandFailed(f"cannot write {args.out}: {error.strerror or error}") from None
    print(f"{out} written ({args.size[0]}x{args.size[1]} pixels)")
    return EXIT_OK


def size(text: str) -> tuple[int, int]:
    """argparse type: a picture size such as 1600x1000."""
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1600x1000") from None
    if not (200 <= width <= 10_000 and 200 <= height <= 10_000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 10000 pixels")
    return width, height
