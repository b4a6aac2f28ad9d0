"""`preview SCENARIO --out FILE.png`: the organisation an author wrote, drawn headless with matplotlib.

The org chart (the board's tidy tree layout), departments in Okabe–Ito colours,
informal ties as light lines, communities as coloured rings, spokespeople as
squares, signal origins as stars, names on people (every person in a small
organisation, the people written out in a big one), a legend and a title.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: the picture goes to a file

import numpy as np  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from game.core.derived import derived  # noqa: E402
from game.core.model import NO_PERSON, Scenario  # noqa: E402
from game.files import write_atomically_with  # noqa: E402
from game.ui.board.tree_layout import COLUMN, LEVEL, STACK_ROW, tree_layout  # noqa: E402

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
RING_COLOURS = ("#7B2D8E", "#1B7837", "#B2182B", "#2166AC", "#8C510A", "#01665E")  # communities
DPI = 100  # pixels per inch of the saved figure
NAMED_ALL_UP_TO = 60  # people: at most this many, everyone is named; beyond, only those written out
MAX_NAMES = 80  # labels at most, so a big organisation stays legible
TIE_COLOUR = "#6f8fbf"
MIN_NODE_PX = 5.0
STAR_AREA = 120.0  # points²: signal origins stay visible in a crowd  # marker diameter bounds, pixels
MAX_NODE_PX = 22.0


def render_preview(scenario: Scenario, out: Path, size: tuple[int, int] = (1600, 1000), language: str = "") -> Path:
    """Draw the scenario's organisation to a PNG of exactly `size` pixels."""
    lang = language or scenario.language
    layout = tree_layout(derived(scenario).hierarchy)
    xy = layout.xy * np.array([1.0, -1.0])  # level 0 at the top
    fig = plt.figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI)
    box = (0.01, 0.02, 0.76, 0.86)
    ax = fig.add_axes(box)
    ax.set_axis_off()
    node = _frame(ax, xy, (size[0] * box[2], size[1] * box[3]))
    _reporting_lines(ax, scenario, layout, xy)
    _ties(ax, scenario, xy)
    _rings(ax, scenario, xy, node)
    _people(ax, scenario, xy, node)
    _origins(ax, scenario, xy, node)
    _names(ax, scenario, xy, lang)
    _legend(fig, scenario, lang, node)
    _title(fig, scenario, lang)
    try:
        write_atomically_with(out, lambda name: fig.savefig(name, format="png", dpi=DPI, facecolor="white"))
    finally:
        plt.close(fig)
    return out


def _reporting_lines(ax, scenario: Scenario, layout, xy: np.ndarray) -> None:
    """Elbow connectors from each manager to their reports, as the board draws them."""
    manager = scenario.org.manager
    people = np.flatnonzero(manager != NO_PERSON)
    boss = manager[people]
    mid = xy[boss, 1] - LEVEL * 0.5
    spine = layout.spine_x[people]
    stacked = layout.stacked[people]
    top = np.where(stacked, xy[boss, 1], mid)
    lines = [
        [(xy[b, 0], xy[b, 1]), (xy[b, 0], top[k]), (spine[k], top[k]), (spine[k], xy[p, 1]), (xy[p, 0], xy[p, 1])]
        for k, (p, b) in enumerate(zip(people, boss))
    ]
    crowded = len(people) > NAMED_ALL_UP_TO * 4
    ax.add_collection(
        LineCollection(lines, colors="#9a9a9a" if crowded else "#555555", linewidths=0.3 if crowded else 0.6, zorder=1)
    )


def _ties(ax, scenario: Scenario, xy: np.ndarray) -> None:
    net = scenario.network
    source = net.edge_source
    once = source < net.indices  # each tie is stored both ways
    segments = np.stack([xy[source[once]], xy[net.indices[once]]], axis=1)
    alpha = float(np.clip(15.0 / np.sqrt(max(len(segments), 1)), 0.06, 0.6))
    ax.add_collection(LineCollection(segments, colors=TIE_COLOUR, linewidths=0.8, alpha=alpha, zorder=0))


def _rings(ax, scenario: Scenario, xy: np.ndarray, node: float) -> None:
    """One ring per community around its members; nested rings for several communities."""
    for c, community in enumerate(scenario.communities):
        members = community.members
        grow = (1.9 + 0.7 * c) ** 2
        ax.scatter(
            xy[members, 0],
            xy[members, 1],
            s=node * grow,
            facecolors="none",
            edgecolors=RING_COLOURS[c % len(RING_COLOURS)],
            linewidths=float(np.clip(np.sqrt(node) / 6.0, 0.4, 1.6)),
            alpha=0.8,
            zorder=2,
        )


def _people(ax, scenario: Scenario, xy: np.ndarray, node: float) -> None:
    org = scenario.org
    colours = np.array([_department_colour(d) for d in org.department])
    for marker, chosen in (("o", ~org.spokesperson), ("s", org.spokesperson)):
        ax.scatter(
            xy[chosen, 0],
            xy[chosen, 1],
            s=node,
            c=list(colours[chosen]),
            marker=marker,
            edgecolors="#222222",
            linewidths=float(np.clip(np.sqrt(node) / 30.0, 0.1, 0.4)),
            zorder=3,
        )


def _department_colour(index: int) -> str:
    return OKABE_ITO[index % len(OKABE_ITO)]


def _origins(ax, scenario: Scenario, xy: np.ndarray, node: float) -> None:
    origins = sorted({s.origin for s in scenario.signals})
    ax.scatter(
        xy[origins, 0],
        xy[origins, 1],
        s=node * 2.2,
        marker="*",
        c="#000000",
        edgecolors="white",
        linewidths=0.6,
        zorder=4,
    )


def _names(ax, scenario: Scenario, xy: np.ndarray, lang: str) -> None:
    org = scenario.org
    named = np.arange(org.size) if org.size <= NAMED_ALL_UP_TO else np.flatnonzero(~org.generated)
    named = named[:MAX_NAMES]
    font = 8 if org.size <= NAMED_ALL_UP_TO else 7
    for person in named:
        ax.annotate(
            org.names[person].get(lang),
            xy[person],
            xytext=(5, 3),
            textcoords="offset points",
            fontsize=font,
            color="#111111",
            zorder=5,
            bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.7},
        )


def _frame(ax, xy: np.ndarray, pixels: tuple[float, float]) -> float:
    """Set the visible area; returns the marker area (points²) that keeps neighbours apart."""
    low, high = xy.min(axis=0), xy.max(axis=0)
    pad = np.maximum((high - low) * 0.04, LEVEL * 0.6)
    xlim = (low[0] - pad[0], high[0] + pad[0] * 3)  # room for the names right of people
    ylim = (low[1] - pad[1], high[1] + pad[1])
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    per_unit = min(pixels[0] / (xlim[1] - xlim[0]), pixels[1] / (ylim[1] - ylim[0]))
    gap = per_unit * min(COLUMN, STACK_ROW)  # pixels between two neighbours
    diameter = float(np.clip(gap * 0.7, MIN_NODE_PX, MAX_NODE_PX)) * 72.0 / DPI
    return diameter**2


def _legend(fig, scenario: Scenario, lang: str, node: float) -> None:
    marker = float(np.sqrt(node)) if node < 80 else 9.0
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=9,
            markerfacecolor=_department_colour(i),
            markeredgecolor="#222222",
            label=d.name.get(lang),
        )  # fmt: skip
        for i, d in enumerate(scenario.org.departments)
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=13,
            markerfacecolor="none",
            markeredgecolor=RING_COLOURS[c % len(RING_COLOURS)],
            markeredgewidth=1.6,
            label=community.name.get(lang),
        )  # fmt: skip
        for c, community in enumerate(scenario.communities)
    ]
    handles += [
        Line2D([], [], color="#555555", linewidth=1.0, label=_words(lang, "reports to")),
        Line2D([], [], color=TIE_COLOUR, linewidth=1.2, label=_words(lang, "informal tie")),
        Line2D(
            [],
            [],
            marker="s",
            linestyle="",
            markersize=max(marker, 7),
            markerfacecolor="#dddddd",
            markeredgecolor="#222222",
            label=_words(lang, "spokesperson"),
        ),  # fmt: skip
        Line2D([], [], marker="*", linestyle="", markersize=12, color="#000000", label=_words(lang, "signal origin")),
    ]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.78, 0.88), frameon=False, fontsize=9)


LEGEND_WORDS = {
    "person": {"fr": "personne"},
    "department": {"fr": "département"},
    "tie": {"fr": "lien informel"},
    "community": {"fr": "communauté"},
    "reports to": {"fr": "rattachement hiérarchique"},
    "informal tie": {"fr": "lien informel"},
    "spokesperson": {"fr": "porte-parole"},
    "signal origin": {"fr": "origine d'un signal"},
    "people": {"fr": "personnes"},
    "departments": {"fr": "départements"},
    "ties": {"fr": "liens informels"},
    "communities": {"fr": "communautés"},
}


def _words(lang: str, english: str) -> str:
    return LEGEND_WORDS[english].get(lang, english)


def _count(number: int, words: tuple[str, str], lang: str) -> str:
    shown = f"{number:,}".replace(",", "\u202f" if lang == "fr" else ",")
    return f"{shown} {_words(lang, words[0] if number == 1 else words[1])}"


def _title(fig, scenario: Scenario, lang: str) -> None:
    org, net = scenario.org, scenario.network
    counts = [
        (org.size, ("person", "people")),
        (len(org.departments), ("department", "departments")),
        (len(net.indices) // 2, ("tie", "ties")),
        (len(scenario.communities), ("community", "communities")),
    ]
    line = " · ".join(_count(number, words, lang) for number, words in counts)
    fig.text(0.01, 0.975, scenario.title.get(lang), fontsize=16, fontweight="bold", va="top")
    fig.text(0.01, 0.93, f"{scenario.id} — {line}", fontsize=10, color="#444444", va="top")
