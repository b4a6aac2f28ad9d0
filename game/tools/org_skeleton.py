"""A scenario skeleton around imported people: sample channels, signal and competitor, with comments to edit."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from game.invocation import command_name
from game.tools.import_org import Row, slug
from game.tools.scaffold import schema_comment


def skeleton(rows: list[Row], target: Path, source: str) -> str:
    """The scenario text (it validates as written; the comments say what to change)."""
    departments = _departments(rows)
    top = next(r for r in rows if r.manager is None)
    origin, level = _front_line(rows)
    skill = _exploit_skill(rows, origin)
    lines = [
        schema_comment(target),
        f"# Imported from {source} by `{command_name()} import-org`: {len(rows)} people.",
        "# Edit the title, the signal, the channels and the competitor to tell your story,",
        f"# then check it with: {command_name()} validate THIS_FILE (docs/authoring.md explains every key).",
        "format: 1",
        f"id: {slug(target.stem)}",
        "title:                                # CHANGE: the story of your workshop",
        f"  en: {_q('Our own organisation')}",
        f"  fr: {_q('Notre propre organisation')}",
        "language: en",
        "turns: 20",
        "turn_unit: day",
        "visibility: {network: hidden, skills: hidden}   # players discover ties and skills",
        "organization:",
        "  departments:",
        *[f"    - {{id: {_q(d)}, name: {_q(name)}}}" for name, d in departments.items()],
        "  people:",
    ]
    for row in rows:
        lines += _person(row, departments, top)
    lines += _network(), *_channels(top), *_signal(origin, level, skill), *_competitor()
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML string


def _departments(rows: list[Row]) -> dict[str, str]:
    """Display name -> unique id, in order of appearance."""
    ids: dict[str, str] = {}
    for name in dict.fromkeys(r.department for r in rows):
        base, k = slug(name).lower(), 2
        candidate = base
        while candidate in ids.values():
            candidate, k = f"{base}_{k}", k + 1
        ids[name] = candidate
    return ids


def _person(row: Row, departments: dict[str, str], top: Row) -> list[str]:
    fields = [f"id: {_q(row.id)}", f"name: {_q(row.name)}"]
    if row.title:
        fields.append(f"title: {_q(row.title)}")
    fields.append(f"department: {_q(departments[row.department])}")
    if row.manager:
        fields.append(f"manager: {_q(row.manager)}")
    if row.skills:
        fields.append(f"skills: [{', '.join(_q(s) for s in row.skills)}]")
    if row is top:
        fields.append("spokesperson: true")
    return [f"    - {{{', '.join(fields)}}}"]


def _front_line(rows: list[Row]) -> tuple[Row, int]:
    """The first person at the deepest level, and that depth (where market signals are heard)."""
    by_id = {r.id: r for r in rows}
    depth: dict[str, int] = {}

    def level(row: Row) -> int:
        chain = []
        while row.id not in depth and row.manager is not None:
            chain.append(row)
            row = by_id[row.manager]
        base = depth.setdefault(row.id, 0)
        for k, member in enumerate(reversed(chain)):
            depth[member.id] = base + k + 1
        return depth[chain[0].id] if chain else base

    deepest = max(rows, key=lambda r: (level(r), -r.line))
    return deepest, depth[deepest.id]


def _exploit_skill(rows: list[Row], origin: Row) -> str | None:
    """A skill held in another department than the origin's (so the signal must travel), else any skill."""
    elsewhere = Counter(s for r in rows if r.department != origin.department for s in r.skills)
    anywhere = Counter(s for r in rows for s in r.skills)
    chosen = elsewhere or anywhere
    return chosen.most_common(1)[0][0] if chosen else None


def _network() -> str:
    return """  network:                              # CHANGE: add the ties you know about
    model: small_world                  # generated ties: small_world, scale_free or none
    mean_degree: 4
    homophily: 0.6                      # share of generated ties inside a department
    ties: []                            # e.g. - [person_a, person_b, 0.8]
    communities: []                     # e.g. - {id: runners, topics: [x], members: {people: [a, b]}}"""


def _channels(top: Row) -> list[str]:
    return [
        "validation:",
        f"  - {{id: top_review, by: {_q(top.id)}, delay: 2}}   # CHANGE: who approves official news",
        "channels:",
        "  - {id: team_meeting, name: {en: Team meeting, fr: Réunion d'équipe}, kind: team_meeting, every: 5}",
        "  - {id: all_hands, name: {en: All-hands, fr: Réunion générale}, audience: all, every: 7, attention: 0.3,",
        "     validation: top_review}",
    ]


def _signal(origin: Row, level: int, skill: str | None) -> list[str]:
    skills = f"[{_q(skill)}]" if skill else "[]"
    approval = ", approval: {level: 1}" if level >= 2 else ""
    return [
        "signals:                               # CHANGE: what the market says, and who can act on it",
        "  - id: sample_signal",
        "    title: {en: A customer reports a problem, fr: Un client signale un problème}",
        f"    appears: {{turn: 1, at: {_q(origin.id)}}}   # heard on the front line",
        f"    topics: {skills}",
        "    value: 100",
        "    decay: 0.06",
        "    virality: 0.2",
        f"    exploit: {{skills: {skills}, min_fidelity: 0.6, effort: 2{approval}}}",
    ]


def _competitor() -> list[str]:
    return [
        "competitor:                            # CHANGE: how fast the rival reacts",
        "  name: {en: The competitor, fr: Le concurrent}",
        "  style: balanced                      # hierarchical (slow), balanced or agile (fast)",
        "  reaction: {sample_signal: {mean: 9, spread: 2}}",
        "objectives:",
        "  - {en: Find who can act on a signal, fr: Trouver qui peut agir sur un signal}",
    ]
