"""The debrief's charts as matplotlib figures: the timeline, the path on a small org chart, the four contrasts, the scores.

Figures are built with `matplotlib.figure.Figure` (no pyplot global state)
and rendered to SVG for the report or PNG for the screen. Colours follow the
Okabe–Ito colour-blind-safe palette, on a white background that prints well.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING

from game.core.model import NO_PERSON, Scenario
from game.debrief.build import Debrief, SignalDebrief, TeamDebrief
from game.debrief.hops import NETWORK_MEANS
from game.debrief.layout import chart_layout, chart_people
from game.debrief.timeline import VIAS
from game.i18n import Translator

if TYPE_CHECKING:
    from matplotlib.figure import Figure

VIA_COLOURS = {"origin": "#999999", "hierarchy": "#0072B2", "channel": "#E69F00", "network": "#CC79A7"}
TEAM_COLOUR = "#009E73"  # the team's milestones
RIVAL_COLOUR = "#D55E00"  # the competitor's
ROUTE_COLOUR = "#BBBBBB"  # the hierarchy-only route
DPI = 100  # pixels per inch of PNG renders
NAME_GAP = 0.22  # levels between a person's marker and the top of their name, in the path chart
NAME_DROP = 0.35  # ... and the middle of their name
TAG_SHARES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75)  # where along a hop its tag may sit, the middle first
TAG_ROOM = 0.45  # levels from the nearest dot, name or tag beyond which a tag place is free


def new_figure(size: tuple[float, float]) -> Figure:
    """A blank figure; matplotlib is imported here, so only a path that draws a chart pays for it."""
    from matplotlib.figure import Figure

    return Figure(figsize=size, dpi=DPI, layout="constrained")


def means_colour(means: str) -> str:
    if means in NETWORK_MEANS:
        return VIA_COLOURS["network"]
    return VIA_COLOURS["channel"] if means == "channel" else VIA_COLOURS["hierarchy"]


def timeline_figure(team: TeamDebrief, signal: SignalDebrief, tr: Translator, size=(8, 3.6)) -> Figure:
    """People who knew the signal at the end of each turn, stacked by how they learned it, with the race's milestones."""
    timeline = signal.timeline
    figure = new_figure(size)
    axes = figure.add_subplot()
    series = [timeline.knowers[via] for via in VIAS]
    labels = [tr.tr(f"debrief.via.{via}") for via in VIAS]
    axes.stackplot(
        timeline.turns, series, labels=labels, colors=[VIA_COLOURS[v] for v in VIAS], step="post", alpha=0.85
    )
    marks = [
        (timeline.appeared, ":", "#555555", "debrief.mark.appeared"),
        (timeline.work_started, "--", TEAM_COLOUR, "debrief.mark.work_started"),
        (timeline.exploited, "-", TEAM_COLOUR, "debrief.mark.exploited"),
        (timeline.rival, "-", RIVAL_COLOUR, "debrief.mark.rival"),
        (timeline.exposed, "-.", "#0072B2", "debrief.mark.exposed"),
        (timeline.faded, ":", "#0072B2", "debrief.mark.faded"),
    ]
    for turn, style, colour, key in marks:
        if turn is not None:
            axes.axvline(turn, linestyle=style, color=colour, linewidth=2, label=tr.tr(key, turn=turn))
    for turn, count in timeline.leaks:
        axes.plot([turn], [0], marker="v", color=RIVAL_COLOUR, markersize=9, linestyle="none", clip_on=False)
        if count > 1:
            axes.annotate(f"×{count}", (turn, 0), textcoords="offset points", xytext=(6, 4), color=RIVAL_COLOUR)
    if timeline.leaks:
        axes.plot([], [], marker="v", color=RIVAL_COLOUR, linestyle="none", label=tr.tr("debrief.mark.leak"))
    axes.set_xlabel(tr.tr("debrief.axis.turn"))
    axes.set_ylabel(tr.tr("debrief.axis.knowers"))
    axes.set_xlim(timeline.turns[0] - 0.5, timeline.turns[-1] + 1)
    axes.set_ylim(bottom=0)
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    axes.grid(axis="y", alpha=0.3)
    return _numbers_in(figure, tr)


def path_figure(team: TeamDebrief, signal: SignalDebrief, tr: Translator, size=(9, 4.2)) -> Figure:
    """The route the signal took (coloured arrows, labelled turn and means) over the hierarchy's route (grey)."""
    state, scenario, path = team.state, team.state.scenario, signal.path
    layout = chart_layout(state.hierarchy, chart_people(path))
    figure = new_figure(size)
    axes = figure.add_subplot()
    xy = {p: (x, -level) for p, (x, level) in layout.position.items()}
    for boss, report in layout.links:
        axes.plot(*zip(xy[boss], xy[report]), color="#DDDDDD", linewidth=1, zorder=1)
    route = [xy[p] for p in path.hierarchy_route]
    axes.plot(*zip(*route), color=ROUTE_COLOUR, linewidth=7, alpha=0.6, zorder=2, label=tr.tr("debrief.path.route"))
    drawn = set()
    taken = [point for x, y in xy.values() for point in ((x, y), (x, y - NAME_DROP))]  # dots and their names
    for hop in path.hops[1:]:
        start, end = xy[hop.sender], xy[hop.recipient]
        group = "network" if hop.means in NETWORK_MEANS else ("channel" if hop.means == "channel" else "hierarchy")
        axes.annotate(
            "",
            xy=end,
            xytext=start,
            zorder=4,
            arrowprops=dict(arrowstyle="-|>", color=means_colour(hop.means), linewidth=2.5, shrinkA=9, shrinkB=9),
        )
        where = _tag_point(start, end, taken)
        taken.append(where)
        label = tr.tr("debrief.path.hop", turn=hop.turn, means=tr.tr(f"debrief.means.{hop.means}"))
        axes.text(
            *where,
            label,
            fontsize=8,
            ha="center",
            va="center",
            zorder=5,
            bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor=means_colour(hop.means)),
        )
        if group not in drawn:
            axes.plot([], [], color=VIA_COLOURS[group], linewidth=2.5, label=tr.tr(f"debrief.via.{group}"))
            drawn.add(group)
    _people(axes, scenario, signal, xy, tr)
    axes.set_xlim(-0.7, layout.columns - 0.3)
    axes.set_ylim(-layout.levels[1] - 0.6, -layout.levels[0] + 0.5)
    axes.set_yticks([-level for level in range(layout.levels[0], layout.levels[1] + 1)])
    axes.set_yticklabels(
        [tr.tr("debrief.axis.level_n", level=level) for level in range(layout.levels[0], layout.levels[1] + 1)]
    )
    axes.set_xticks([])
    axes.set_ylabel(tr.tr("debrief.axis.level"))
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    return _numbers_in(figure, tr)


def _tag_point(start: tuple, end: tuple, taken: list[tuple]) -> tuple[float, float]:
    """The point along a hop farthest from every dot, name and tag already placed (the middle when free)."""

    def point(share: float) -> tuple[float, float]:
        return start[0] + share * (end[0] - start[0]), start[1] + share * (end[1] - start[1])

    def room(share: float) -> float:
        x, y = point(share)
        return min((math.hypot(x - a, y - b) for a, b in taken), default=math.inf)

    return point(max(TAG_SHARES, key=lambda share: min(room(share), TAG_ROOM)))


def _people(axes, scenario: Scenario, signal: SignalDebrief, xy: dict, tr: Translator) -> None:
    path = signal.path
    origin, end = path.hops[0].recipient, path.end
    for person, (x, y) in xy.items():
        marker, colour = "o", "#FFFFFF"
        if person == origin:
            marker, colour = "*", "#F0E442"
        elif person == path.target:
            marker, colour = "D", TEAM_COLOUR if path.reached else "#FFFFFF"
        elif person == end:
            marker, colour = "s", "#FFFFFF"
        axes.plot([x], [y], marker=marker, markersize=14, markerfacecolor=colour, markeredgecolor="#333333", zorder=6)
        name = scenario.org.names[person].get(tr.language)
        axes.text(x, y - NAME_GAP, name, fontsize=8, ha="center", va="top", zorder=7)
    marks = [("*", "#F0E442", "debrief.path.origin"), ("D", "#FFFFFF", "debrief.path.target")]
    if end != path.target and end != origin:
        marks.append(("s", "#FFFFFF", "debrief.path.end"))
    for marker, colour, key in marks:
        axes.plot(
            [], [], marker=marker, markerfacecolor=colour, markeredgecolor="#333333", linestyle="none", label=tr.tr(key)
        )


def contrasts_figure(signal: SignalDebrief, tr: Translator, size=(9, 5.4)) -> Figure:
    """The four contrasts side by side: official (blue) against network (purple)."""
    c = signal.contrasts
    figure = new_figure(size)
    who, when, what, where = figure.subplots(2, 2).flat
    official, network = VIA_COLOURS["hierarchy"], VIA_COLOURS["network"]
    levels = list(c.who.levels)
    width = 0.4
    who.bar(
        [lv - width / 2 for lv in levels],
        c.who.official,
        width,
        color=official,
        label=tr.tr("debrief.contrast.official"),
    )
    who.bar(
        [lv + width / 2 for lv in levels], c.who.network, width, color=network, label=tr.tr("debrief.contrast.network")
    )
    _frame(
        who, tr.tr("debrief.contrast.who"), tr.tr("debrief.axis.sender_level"), tr.tr("debrief.axis.people_informed")
    )
    who.set_xticks(levels)
    who.set_ylim(bottom=0)
    who.legend(fontsize="small", frameon=False)
    waits = when.bar([0, 1], [c.when.official_wait, c.when.network_wait], color=[official, network])
    when.bar_label(waits, labels=[tr.number(round(w, 1)) for w in waits.datavalues])
    when.set_ylim(bottom=0)
    when.set_xticks([0, 1], [tr.tr("debrief.contrast.official"), tr.tr("debrief.contrast.network")])
    _frame(when, tr.tr("debrief.contrast.when"), "", tr.tr("debrief.axis.wait"))
    fidelities = [c.what.official_fidelity or 0.0, c.what.network_fidelity or 0.0, c.what.end_fidelity]
    columns = what.bar([0, 1, 2], fidelities, color=[official, network, TEAM_COLOUR])
    what.bar_label(columns, labels=[tr.number(round(f, 2)) for f in columns.datavalues])
    what.set_xticks(
        [0, 1, 2],
        [tr.tr("debrief.contrast.official"), tr.tr("debrief.contrast.network"), tr.tr("debrief.contrast.end")],
    )
    what.set_ylim(0, 1.05)
    _frame(what, tr.tr("debrief.contrast.what"), "", tr.tr("debrief.axis.fidelity"))
    bars = [c.where.audience, c.where.channel, c.where.hierarchy, c.where.relays, c.where.team_network]
    colours = ["#F5D28A", VIA_COLOURS["channel"], official, network, "#E3B5CF"]
    keys = ["audience", "channel", "hierarchy", "relays", "team_network"]
    where.bar_label(
        where.barh(range(len(bars)), bars, color=colours), labels=[tr.number(int(n)) for n in bars], padding=2
    )
    where.set_xlim(left=0)
    where.set_yticks(range(len(bars)), [tr.tr(f"debrief.where.{k}") for k in keys], fontsize="small")
    where.invert_yaxis()
    _frame(where, tr.tr("debrief.contrast.where"), tr.tr("debrief.axis.people"), "")
    return _numbers_in(figure, tr)


def _numbers_in(figure: Figure, tr: Translator) -> Figure:
    """Numeric axes write their ticks the reader's way ("0,5" in French); named ticks keep their names."""
    from matplotlib.ticker import FuncFormatter, ScalarFormatter  # matplotlib loads only when a chart is drawn

    ticks = FuncFormatter(lambda value, _: tr.number(round(value, 6)))
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            if isinstance(axis.get_major_formatter(), ScalarFormatter):
                axis.set_major_formatter(ticks)
    return figure


def _frame(axes, title: str, xlabel: str, ylabel: str) -> None:
    axes.set_title(title, fontsize="medium", loc="left")
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.grid(axis="y", alpha=0.3)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def comparison_figure(debrief: Debrief, tr: Translator, size=(8, 3.8)) -> Figure:
    """Scores on the same seed: every team, its what-if, and each reference strategy."""
    names, scores, colours = [], [], []
    for team in debrief.teams:
        names.append(team.name)
        scores.append(team.score)
        colours.append(TEAM_COLOUR)
        names.append(
            tr.tr(
                "debrief.compare.what_if_label",
                team=team.name,
                turn=team.what_if.from_turn,
                strategy=tr.tr(f"debrief.strategy.{team.what_if.strategy}"),
            )
        )
        scores.append(team.what_if.score)
        colours.append("#56B4E9")
    for bot in debrief.bots:
        names.append(tr.tr("debrief.compare.bot_label", strategy=tr.tr(f"debrief.strategy.{bot.strategy}")))
        scores.append(bot.score)
        colours.append(ROUTE_COLOUR)
    height = max(size[1], 0.35 * len(names) + 1)
    figure = new_figure((size[0], height))
    axes = figure.add_subplot()
    axes.barh(range(len(names)), scores, color=colours)
    axes.set_yticks(range(len(names)), names, fontsize="small")
    axes.invert_yaxis()
    axes.axvline(0, color="#333333", linewidth=1)
    axes.set_xlabel(tr.tr("debrief.axis.score"))
    axes.grid(axis="x", alpha=0.3)
    for i, value in enumerate(scores):
        axes.text(
            value, i, f" {tr.number(value)} ", va="center", ha="left" if value >= 0 else "right", fontsize="small"
        )
    kinds = (
        ("debrief.compare.teams", TEAM_COLOUR),
        ("debrief.compare.what_ifs", "#56B4E9"),
        ("debrief.compare.bots", ROUTE_COLOUR),
    )
    from matplotlib.patches import Patch

    axes.legend(handles=[Patch(color=colour, label=tr.tr(key)) for key, colour in kinds], loc="best", fontsize="small")
    return _numbers_in(figure, tr)


def render(figure: Figure, fmt: str) -> bytes:
    """The figure as SVG or PNG bytes (SVG text without metadata, so renders are reproducible)."""
    buffer = io.BytesIO()
    metadata = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
    figure.savefig(buffer, format=fmt, metadata=metadata, facecolor="white")
    return buffer.getvalue()


def person_name(scenario: Scenario, person: int, language: str) -> str:
    return "—" if person == NO_PERSON else scenario.org.names[person].get(language)
