"""Every sentence the engine says to players (refusals and log lines), in English and French.

Counts carry their plural forms (`{cost:one=# action point|other=# action points}`), see game.core.localise.
"""

from __future__ import annotations

from game.core.text import Text


def _t(en: str, fr: str) -> Text:
    return Text.of(en=en, fr=fr)


# Refusals (IllegalAction reasons)
GAME_OVER = _t("The game is over.", "La partie est terminée.")
NO_POINTS = _t(
    "No action points left this turn: end the turn.",
    "Plus de points d'action ce tour-ci : finissez le tour.",
)
UNKNOWN_ACTION = _t("That is not a move of this game.", "Ce n'est pas un coup de ce jeu.")
OUT_OF_RANGE = _t(
    "That person, signal or channel does not exist.", "Cette personne, ce signal ou ce canal n'existe pas."
)
NOT_HOLDER = _t("{person} does not know about “{signal}”.", "{person} n'est pas au courant de « {signal} ».")
ABSENT = _t("{person} is away until turn {turn}.", "{person} est absent(e) jusqu'au tour {turn}.")
EXPOSED = _t(
    "“{signal}” has been exposed as a rumour: nobody will pass it on.",
    "« {signal} » a été démasqué comme rumeur : personne ne le relaiera.",
)
FADED = _t(
    "“{signal}” came to nothing: it was only a rumour, and nobody talks about it any more.",
    "« {signal} » n'a rien donné : ce n'était qu'une rumeur, et plus personne n'en parle.",
)
NO_POINTS_URGENT = _t(
    "An urgent request costs {cost:one=# action point|other=# action points}; {left} left this turn.",
    "Une demande urgente coûte {cost:one=# point d'action|other=# points d'action} ; il en reste {left} ce tour-ci.",
)
DONE = _t("“{signal}” has already been exploited.", "« {signal} » a déjà été exploité.")
NO_MANAGER = _t(
    "{person} is at the top: there is no one to escalate to.", "{person} est au sommet : personne au-dessus."
)
ALREADY_KNOWS = _t("{to} already knows about “{signal}”.", "{to} est déjà au courant de « {signal} ».")
ALREADY_SENT = _t(
    "“{signal}” is already on its way to {to}.",
    "« {signal} » est déjà en route vers {to}.",
)
NOT_REPORT = _t("{to} does not report to {person}.", "{to} ne dépend pas de {person}.")
ALREADY_VALIDATED = _t("“{signal}” is already validated.", "« {signal} » est déjà validé.")
VALIDATION_PENDING = _t("“{signal}” is already being validated.", "« {signal} » est déjà en cours de validation.")
NOT_ENTITLED = _t(
    "{person} cannot ask for validation: only managers, spokespeople and publishers can; escalate first.",
    "{person} ne peut pas demander de validation : seuls les managers, porte-parole et publiants le peuvent ; remontez d'abord.",
)
NOT_PUBLISHER = _t("{person} may not publish on {channel}.", "{person} n'a pas le droit de publier dans {channel}.")
NEEDS_VALIDATION = _t(
    "{channel} only carries validated news: ask {gate} to validate “{signal}” first.",
    "{channel} ne diffuse que des informations validées : faites d'abord valider « {signal} » par {gate}.",
)
ALREADY_QUEUED = _t(
    "“{signal}” is already scheduled on {channel}.",
    "« {signal} » est déjà programmé dans {channel}.",
)
NO_TEAM = _t("{person} has no team meeting to speak at.", "{person} n'a pas de réunion d'équipe où parler.")
NO_TIE = _t(
    "You know of no tie between {person} and {to}: ask the network first.",
    "Vous ne connaissez aucun lien entre {person} et {to} : interrogez d'abord le réseau.",
)
SELF = _t("{person} cannot do that with themselves.", "{person} ne peut pas faire cela avec soi-même.")
NOT_MEMBER = _t("{person} is not a member of {community}.", "{person} n'est pas membre de {community}.")
ALREADY_POSTED = _t(
    "“{signal}” has already been posted in {community}.",
    "« {signal} » a déjà été posté dans {community}.",
)

# Log lines
APPEARS = _t("“{signal}” reaches {person}.", "« {signal} » parvient à {person}.")
ARRIVES = _t("{person} receives “{signal}” from {sender}.", "{person} reçoit « {signal} » de {sender}.")
SHELVED = _t("{person} shelves “{signal}”.", "{person} met « {signal} » de côté.")
VALIDATED = _t("{person} validates “{signal}”.", "{person} valide « {signal} ».")
RUMOUR_EXPOSED = _t(
    "{person} exposes “{signal}” as a rumour.",
    "{person} démasque « {signal} » : c'est une rumeur.",
)
CHANNEL_FIRED = _t(
    "{channel} carries “{signal}” (people who take it in: {count}).",
    "{channel} diffuse « {signal} » (personnes qui le retiennent : {count}).",
)
NETWORK_SPREAD = _t(
    "“{signal}” spreads on the network (people reached: {count}).",
    "« {signal} » se propage sur le réseau (personnes atteintes : {count}).",
)
OPPOSED = _t(
    "“{signal}” is dismissed and will not be relayed (sceptics: {count}).",
    "« {signal} » est rejeté et ne sera pas relayé (sceptiques : {count}).",
)
LEAKED = _t(
    "“{signal}” leaked to {rival}.",
    "« {signal} » a fuité chez {rival}.",
)
WORK_STARTS = _t(
    "{person} starts acting on “{signal}”.",
    "{person} commence à exploiter « {signal} ».",
)
EXPLOITED = _t("{person} exploits “{signal}”.", "{person} exploite « {signal} ».")
RUMOUR_FADED = _t(
    "{rival} looked into “{signal}” and dropped it: it was only a rumour.",
    "{rival} s'est penché sur « {signal} » et l'a abandonné : ce n'était qu'une rumeur.",
)
ARRIVES_URGENT = _t(
    "{person} receives “{signal}” from {sender}, urgently.",
    "{person} reçoit « {signal} » de {sender}, en urgence.",
)
POSTPONED = _t(
    "{person} is away: “{signal}” waits for their next meeting with {sender} (turn {turn}).",
    "{person} est absent(e) : « {signal} » attend sa prochaine rencontre avec {sender} (tour {turn}).",
)
RIVAL_EXPLOITED = _t("{rival} exploits “{signal}”.", "{rival} exploite « {signal} ».")
PLAYS_OUT = _t(
    "Nothing left to decide: the work under way plays out by itself until the end.",
    "Plus rien à décider : le travail en cours se poursuit seul jusqu'à la fin.",
)
ENDED_EARLY = _t(
    "The game is ended after turn {turn}: work under way counts for the share done, the rival finishes what it would have.",
    "La partie est arrêtée après le tour {turn} : le travail en cours compte pour la part faite, le concurrent finit ce qu'il aurait fini.",
)
ABSENCE = _t(
    "{person} is away for {duration:one=# turn|other=# turns}.",
    "{person} est absent(e) pendant {duration:one=# tour|other=# tours}.",
)
REORG = _t("{person} now reports to {manager}.", "{person} dépend désormais de {manager}.")
ASKED = _t(
    "{person} asks around about {topic} (skilled people found: {people}; new ties: {ties}).",
    "{person} se renseigne sur {topic} (personnes compétentes trouvées : {people} ; nouveaux liens : {ties}).",
)
