"""Sentences of the debrief, in the chosen language: headlines, hops, incidents and the four contrasts.

Shared by the HTML report and the debrief screen so both say the same thing.
"""

from __future__ import annotations

from game.core.coach import Coaching
from game.core.model import NO_PERSON, Scenario
from game.core.scoring import SignalOutcome
from game.debrief.contrasts import BANDS, Contrasts, What, When, Where, Who
from game.debrief.hops import Hop
from game.debrief.incidents import Incident
from game.i18n import Translator


def headline(outcome: SignalOutcome, tr: Translator) -> str:
    """What a player reads first: "won by 3 turns", "beaten by 2 turns", "rumour exposed"..."""
    exploited, rival, margin = outcome.exploited_turn, outcome.competitor_turn, outcome.margin
    if outcome.share is not None:
        return tr.tr("debrief.headline.under_way", percent=round(outcome.share * 100), turn=outcome.due_turn)
    if exploited is not None and not outcome.genuine:
        return tr.tr("debrief.headline.rumour_exploited", turn=exploited)
    if outcome.exposed:
        return tr.tr("debrief.headline.exposed")
    if outcome.faded:
        return tr.tr("debrief.headline.faded")
    if exploited is None:
        return (
            tr.tr("debrief.headline.not_exploited")
            if rival is None
            else tr.tr("debrief.headline.rival_only", turn=rival)
        )
    if margin is None:
        return tr.tr("debrief.headline.won_alone", turn=exploited)
    if margin > 0:
        return tr.tr("debrief.headline.won_by", turns=margin)
    if margin == 0:
        return tr.tr("debrief.headline.tied", turn=exploited)
    return tr.tr("debrief.headline.beaten_by", turns=-margin)


def name(scenario: Scenario, person: int, tr: Translator) -> str:
    return "—" if person == NO_PERSON else tr.text(scenario.org.names[person])


def hop_sentence(scenario: Scenario, hop: Hop, tr: Translator) -> str:
    if hop.means == "origin":
        return tr.tr("debrief.hop.origin", turn=hop.turn, person=name(scenario, hop.recipient, tr))
    return tr.tr(
        "debrief.hop.line",
        turn=hop.turn,
        sender=name(scenario, hop.sender, tr),
        person=name(scenario, hop.recipient, tr),
        means=tr.tr(f"debrief.means.{hop.means}"),
        fidelity=round(hop.fidelity, 2),
    )


def incident_sentence(scenario: Scenario, incident: Incident, tr: Translator) -> str:
    amount = round(incident.amount, 2)  # turns are whole; a fidelity loss keeps two decimals
    return tr.tr(
        f"debrief.incident.{incident.kind}",
        turn=incident.turn,
        person=name(scenario, incident.person, tr),
        other=name(scenario, incident.other, tr),
        count=incident.count,
        amount=amount,
    )


# ---------------------------------------------------------------- the four contrasts, in plain words

MOSTLY_SHARE = 2 / 3  # a rank band that told at least this share of the people is "mostly" who told them


def contrast_sentences(contrasts: Contrasts, tr: Translator) -> dict[str, str]:
    """What each contrast (keys who, when, what, where) shows, in sentences a manager reads at once."""
    return {
        "who": _who(contrasts.who, tr),
        "when": _when(contrasts.when, tr),
        "what": _what(contrasts.what, tr),
        "where": _where(contrasts.where, tr),
    }


def moves_sentence(team: str, coaching: Coaching, tr: Translator) -> str:
    """How many moves the team played, and how many of them on the coach's advice when it asked the coach."""
    if coaching.coached:
        return plural(tr, "coach.debrief.coached", coaching.moves, team=team, coached=coaching.coached)
    return plural(tr, "coach.debrief.moves", coaching.moves, team=team)


def plural(tr: Translator, key: str, n: int, **values: object) -> str:
    """`key` filled with the count `n` (its template picks its plural form through Babel's rules)."""
    return tr.tr(key, n=n, **values)


def _both(tr: Translator, key: str, line: str, network: str) -> str:
    return tr.tr(f"debrief.{key}", line=line, network=network)


def _who(who: Who, tr: Translator) -> str:
    parts = []
    for side, bands in (("line", who.official_bands), ("network", who.network_bands)):
        told = sum(bands)
        if told == 0:
            parts.append(tr.tr(f"debrief.who.{side}_none"))
        else:
            heard = plural(tr, "debrief.who.heard", told)
            parts.append(tr.tr(f"debrief.who.{side}", heard=heard, senders=_senders(bands, tr)))
    return _both(tr, "who", *parts)


def _senders(bands: tuple[int, ...], tr: Translator) -> str:
    """Who passed it on, by rank: "mostly from senior management", "from every level, top to front line"..."""
    total = sum(bands)
    present = [i for i, n in enumerate(bands) if n]
    named = [tr.tr(f"debrief.who.from.{BANDS[i]}") for i in present]
    leading = max(present, key=lambda i: bands[i])
    if len(present) > 1 and bands[leading] >= MOSTLY_SHARE * total:
        return tr.tr("debrief.who.mostly", band=tr.tr(f"debrief.who.from.{BANDS[leading]}"))
    if len(present) == len(BANDS):
        return tr.tr("debrief.who.every_level")
    return _join(named, tr)


def _join(items: list[str], tr: Translator) -> str:
    if len(items) <= 1:
        return "".join(items)
    return tr.tr("debrief.join", items=", ".join(items[:-1]), last=items[-1])


def _when(when: When, tr: Translator) -> str:
    parts = []
    for side, hops, wait in (
        ("line", when.official_hops, when.official_wait),
        ("network", when.network_hops, when.network_wait),
    ):
        if hops == 0:
            parts.append(tr.tr(f"debrief.when.{side}_none"))
        elif round(wait) == 0:
            parts.append(tr.tr(f"debrief.when.{side}_now"))
        else:
            parts.append(tr.tr(f"debrief.when.{side}", wait=plural(tr, "debrief.about_turns", round(wait))))
    sentence = _both(tr, "when", *parts)
    steps = [
        (when.path_waiting, "waiting"),
        (when.path_held, "held"),
        (when.path_network, "network"),
        (when.path_handovers, "handovers"),
    ]
    spent = [tr.tr(f"debrief.when.path.{key}", n=n) for n, key in steps if n > 0]
    if when.path_turns > 0 and spent:
        total = plural(tr, "debrief.turns", when.path_turns)
        sentence += " " + tr.tr("debrief.when.path", turns=total, parts=_join(spent, tr))
    return sentence


def _percent(value: float, tr: Translator) -> str:
    return tr.tr("debrief.percent", n=round(100 * value))


def _what(what: What, tr: Translator) -> str:
    if what.official_fidelity is None:
        line = tr.tr("debrief.what.line_none")
    else:
        line = tr.tr("debrief.what.line", share=_percent(what.official_fidelity, tr))
    if what.network_fidelity is None:
        network = tr.tr("debrief.what.network_none")
    elif what.distorted:
        distorted = plural(tr, "debrief.what.distorted", what.distorted)
        network = tr.tr(
            "debrief.what.network_distorted", share=_percent(what.network_fidelity, tr), distorted=distorted
        )
    else:
        network = tr.tr("debrief.what.network", share=_percent(what.network_fidelity, tr))
    sentence = _both(tr, "what", line, network)
    if what.official_fidelity is not None or what.network_fidelity is not None:
        sentence += " " + tr.tr("debrief.what.end", share=_percent(what.end_fidelity, tr))
    return sentence


def _where(where: Where, tr: Translator) -> str:
    parts = []
    for side, people, departments in (
        ("line", where.channel + where.hierarchy, where.departments_official),
        ("network", where.relays + where.team_network, where.departments_network),
    ):
        if people == 0:
            parts.append(tr.tr(f"debrief.where.{side}_none"))
            continue
        spread = (
            plural(tr, "debrief.where.departments", departments)
            if departments
            else tr.tr("debrief.where.own_department")
        )
        parts.append(tr.tr(f"debrief.where.{side}", people=plural(tr, "debrief.people", people), spread=spread))
    sentence = _both(tr, "where", *parts)
    if where.audience:
        sentence += " " + plural(
            tr, "debrief.where.channels", where.audience, took=plural(tr, "debrief.where.took", where.channel)
        )
    if where.capable_official or where.capable_network:
        sentence += " " + tr.tr("debrief.where.capable", line=where.capable_official, network=where.capable_network)
    return sentence
