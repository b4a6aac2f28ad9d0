"""Sentences of the debrief, in the chosen language: headlines, hops, incidents and the four contrasts.

Shared by the HTML report and the debrief screen so both say the same thing.
"""

from __future__ import annotations

from game.core.model import NO_PERSON, Scenario
from game.core.scoring import SignalOutcome
from game.debrief.contrasts import Contrasts
from game.debrief.hops import Hop
from game.debrief.incidents import Incident
from game.i18n import Translator


def headline(outcome: SignalOutcome, tr: Translator) -> str:
    """What a player reads first: "won by 3 turns", "beaten by 2 turns", "rumour exposed"..."""
    exploited, rival, margin = outcome.exploited_turn, outcome.competitor_turn, outcome.margin
    if exploited is not None and not outcome.genuine:
        return tr.tr("debrief.headline.rumour_exploited", turn=exploited)
    if outcome.exposed:
        return tr.tr("debrief.headline.exposed")
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
        fidelity=f"{hop.fidelity:.2f}",
    )


def incident_sentence(scenario: Scenario, incident: Incident, tr: Translator) -> str:
    amount = f"{incident.amount:.2f}" if incident.kind == "distorted" else f"{incident.amount:g}"
    return tr.tr(
        f"debrief.incident.{incident.kind}",
        turn=incident.turn,
        person=name(scenario, incident.person, tr),
        other=name(scenario, incident.other, tr),
        count=incident.count,
        amount=amount,
    )


def _fidelity(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def contrast_sentences(contrasts: Contrasts, tr: Translator) -> dict[str, str]:
    """One sentence per contrast (keys who, when, what, where) with the figures a facilitator quotes."""
    who, when, what, where = contrasts.who, contrasts.when, contrasts.what, contrasts.where
    return {
        "who": tr.tr(
            "debrief.sentence.who",
            official=sum(who.official),
            network=sum(who.network),
            official_level=_level(who.mean_level(official=True)),
            network_level=_level(who.mean_level(official=False)),
        ),
        "when": tr.tr(
            "debrief.sentence.when",
            official=f"{when.official_wait:.1f}",
            network=f"{when.network_wait:.1f}",
            path=when.path_turns,
            waiting=when.path_waiting,
            on_network=when.path_network,
            held=when.path_held,
            handovers=when.path_handovers,
        ),
        "what": tr.tr(
            "debrief.sentence.what",
            official=_fidelity(what.official_fidelity),
            network=_fidelity(what.network_fidelity),
            end=_fidelity(what.end_fidelity),
            lost_official=f"{what.path_loss_official:.2f}",
            lost_network=f"{what.path_loss_network:.2f}",
            distorted=what.distorted,
        ),
        "where": tr.tr(
            "debrief.sentence.where",
            channel=where.channel,
            audience=where.audience,
            hierarchy=where.hierarchy,
            relays=where.relays,
            team=where.team_network,
            capable_official=where.capable_official,
            capable_network=where.capable_network,
        ),
    }


def _level(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"
