"""The debrief report as one self-contained HTML page: inline CSS, charts as inline data URIs, no network resource.

It opens offline in any browser and prints cleanly (each signal keeps its
charts on one page where it can).
"""

from __future__ import annotations

import base64
from html import escape

from game.core.text import Text
from game.debrief import charts
from game.debrief.build import Debrief, SignalDebrief, TeamDebrief
from game.debrief.phrasing import contrast_sentences, headline, hop_sentence, incident_sentence, moves_sentence
from game.i18n import Translator

CSS = """
body { font-family: "Noto Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1f27; margin: 2rem auto;
       max-width: 62rem; padding: 0 1rem; line-height: 1.45; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 3px solid #009E73; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { margin-bottom: .3rem; } .facts, .caption { color: #555; } .headline { font-weight: bold; color: #0072B2; }
table { border-collapse: collapse; margin: .8rem 0; } th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }
th { background: #f0f3f7; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; } figcaption { color: #555; font-size: .9rem; }
article.signal { border-top: 1px solid #ddd; padding-top: .5rem; }
ul.contrasts li { margin-bottom: .4rem; } ol.questions li { margin-bottom: .6rem; font-size: 1.1rem; }
@media print { body { margin: 0; max-width: none; } article.signal, figure, table { break-inside: avoid; }
               section.team { break-before: page; } a { color: inherit; text-decoration: none; } }
"""

GENERATOR = '<meta name="generator" content="Signal Race">'  # how `report` knows a report.html it may replace


def report_html(debrief: Debrief, language: str, files: dict[str, str]) -> str:
    """The whole page; `files` names the CSV and JSON written next to it (key -> file name)."""
    tr = Translator(language)
    scenario = debrief.scenario
    title = tr.text(scenario.title)
    parts = [
        f"<h1>{escape(tr.tr('debrief.report.heading', title=title))}</h1>",
        f"<p>{escape(tr.text(scenario.summary))}</p>",
        _facts(debrief, tr),
        _list(tr.tr("debrief.section.objectives"), debrief.objectives, tr, "ul", "objectives"),
        _results(debrief, tr),
        *(_team(team, tr) for team in debrief.teams),
        _list(tr.tr("debrief.section.questions"), debrief.questions, tr, "ol", "questions"),
        _footer(files, tr),
    ]
    body = "\n".join(part for part in parts if part)
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{GENERATOR}\n'
        f"<title>{escape(tr.tr('debrief.report.heading', title=title))}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _facts(debrief: Debrief, tr: Translator) -> str:
    text = tr.tr(
        "debrief.report.facts",
        seed=str(debrief.seed),  # an identifier, not a quantity: never grouped
        difficulty=tr.tr(f"debrief.difficulty.{debrief.difficulty}"),
        mode=tr.tr(f"debrief.mode.{debrief.mode}"),
        teams=len(debrief.teams),
    )
    return f'<p class="facts">{escape(text)}</p>'


def _list(heading: str, items: tuple[Text, ...], tr: Translator, tag: str, css: str) -> str:
    if not items:
        return ""
    entries = "".join(f"<li>{escape(tr.text(item))}</li>" for item in items)
    return f'<section><h2>{escape(heading)}</h2><{tag} class="{css}">{entries}</{tag}></section>'


def _figure(figure, alt: str, caption: str) -> str:
    data = base64.b64encode(charts.render(figure, "svg")).decode("ascii")
    return (
        f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}">'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def _results(debrief: Debrief, tr: Translator) -> str:
    scenario = debrief.scenario
    titles = [tr.text(s.title) for s in scenario.signals]
    head = "".join(
        f"<th>{escape(t)}</th>" for t in [tr.tr("debrief.table.team"), tr.tr("debrief.table.score"), *titles]
    )
    rows = []
    for team in sorted(debrief.teams, key=lambda t: -t.score):
        cells = "".join(
            f"<td>{escape(headline(s.outcome, tr))} ({tr.number(s.outcome.points)})</td>" for s in team.signals
        )
        rows.append(f'<tr><td>{escape(team.name)}</td><td class="number">{tr.number(team.score)}</td>{cells}</tr>')
    for bot in debrief.bots:
        label = tr.tr("debrief.compare.bot_label", strategy=tr.tr(f"debrief.strategy.{bot.strategy}"))
        cells = "".join(f"<td>{escape(headline(o, tr))} ({tr.number(o.points)})</td>" for o in bot.outcomes)
        rows.append(f'<tr><td>{escape(label)}</td><td class="number">{tr.number(bot.score)}</td>{cells}</tr>')
    figure = _figure(
        charts.comparison_figure(debrief, tr), tr.tr("debrief.chart.comparison"), tr.tr("debrief.caption.comparison")
    )
    return (
        f"<section><h2>{escape(tr.tr('debrief.section.results'))}</h2>"
        f"<table><tr>{head}</tr>{''.join(rows)}</table>{_what_ifs(debrief, tr)}{figure}</section>"
    )


def _what_ifs(debrief: Debrief, tr: Translator) -> str:
    head = "".join(
        f"<th>{escape(tr.tr(k))}</th>"
        for k in (
            "debrief.table.team",
            "debrief.table.kept_until",
            "debrief.table.then",
            "debrief.table.score",
            "debrief.table.team_score",
            "debrief.table.difference",
        )
    )
    rows = []
    for team in debrief.teams:
        alt = team.what_if
        rows.append(
            f'<tr><td>{escape(team.name)}</td><td class="number">{alt.from_turn}</td>'
            f'<td>{escape(tr.tr(f"debrief.strategy.{alt.strategy}"))}</td><td class="number">{tr.number(alt.score)}</td>'
            f'<td class="number">{tr.number(alt.team_score)}</td>'
            f'<td class="number">{tr.number(alt.difference, signed=True)}</td></tr>'
        )
    caption = escape(tr.tr("debrief.caption.what_if"))
    return f'<h3>{escape(tr.tr("debrief.section.what_if"))}</h3><p class="caption">{caption}</p><table><tr>{head}</tr>{"".join(rows)}</table>'


def _team(team: TeamDebrief, tr: Translator) -> str:
    heading = tr.tr("debrief.report.team", team=team.name, score=team.score, turns=team.turns)
    signals = "\n".join(_signal(team, signal, tr) for signal in team.signals)
    moves = f'<p class="facts">{escape(moves_sentence(team.name, team.coaching, tr))}</p>'
    return f'<section class="team"><h2>{escape(heading)}</h2>{moves}\n{signals}</section>'


def _signal(team: TeamDebrief, signal: SignalDebrief, tr: Translator) -> str:
    scenario = team.state.scenario
    spec = scenario.signals[signal.signal]
    kind = "" if spec.genuine else f" ({tr.tr('debrief.report.rumour')})"
    heading = f"{tr.text(spec.title)}{kind}"
    hops = "".join(f"<li>{escape(hop_sentence(scenario, hop, tr))}</li>" for hop in signal.path.hops)
    incidents = "".join(f"<li>{escape(incident_sentence(scenario, i, tr))}</li>" for i in signal.incidents)
    incidents_block = f"<h4>{escape(tr.tr('debrief.section.incidents'))}</h4><ul>{incidents}</ul>" if incidents else ""
    sentences = contrast_sentences(signal.contrasts, tr)
    contrasts = "".join(
        f"<li><strong>{escape(tr.tr(f'debrief.contrast.{k}'))}</strong> {escape(v)}</li>" for k, v in sentences.items()
    )
    path_note = tr.tr("debrief.caption.path_reached" if signal.path.reached else "debrief.caption.path_stopped")
    page = [
        f'<article class="signal"><h3>{escape(heading)}</h3>',
        f'<p class="headline">{escape(headline(signal.outcome, tr))} — {signal.outcome.points:g} '
        f"{escape(tr.tr('debrief.report.points'))}</p>",
        _figure(
            charts.timeline_figure(team, signal, tr), tr.tr("debrief.chart.timeline"), tr.tr("debrief.caption.timeline")
        ),
    ]
    if len(signal.hops) <= 1:  # it never moved: nothing to draw or compare
        origin = tr.text(scenario.org.names[spec.origin])
        page.append(f"<p>{escape(tr.tr('debrief.report.no_moves', person=origin))}</p>{incidents_block}</article>")
        return "".join(page)
    page += [
        _figure(charts.path_figure(team, signal, tr), tr.tr("debrief.chart.path"), path_note),
        f"<h4>{escape(tr.tr('debrief.section.path'))}</h4><ol>{hops}</ol>{incidents_block}",
        _figure(
            charts.contrasts_figure(signal, tr), tr.tr("debrief.chart.contrasts"), tr.tr("debrief.caption.contrasts")
        ),
        f'<ul class="contrasts">{contrasts}</ul></article>',
    ]
    return "".join(page)


def _footer(files: dict[str, str], tr: Translator) -> str:
    links = " · ".join(f'<a href="{escape(name)}">{escape(name)}</a>' for name in files.values())
    return f'<footer><p class="caption">{escape(tr.tr("debrief.report.files"))} {links}</p></footer>'
