"""Who may open which page: one unguessable code per team and one for the facilitator, kept across restarts.

Codes come from `secrets` (128 bits, URL-safe) and are compared in constant
time. A team's link can be replaced (a leaked or mistyped link): the old code
is then revoked, and a page or socket that presents it is refused.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

CODE_BYTES = 16  # 128 bits of randomness per code
MAX_CODE_CHARS = 64  # a longer code in a URL is refused before any comparison
FACILITATOR = -1  # the `team` of the facilitator's code


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


@dataclass
class AccessCodes:
    """The live codes (team codes by team number, the facilitator's) and the revoked ones."""

    teams: list[str]
    facilitator: str
    revoked: list[str] = field(default_factory=list)

    @classmethod
    def fresh(cls, team_count: int) -> AccessCodes:
        return cls([new_code() for _ in range(team_count)], new_code())

    def find(self, code: str) -> int | None:
        """The team number a code opens (FACILITATOR for the facilitator's), or None."""
        if not code or len(code) > MAX_CODE_CHARS:
            return None
        found = None
        for team, candidate in enumerate(self.teams):  # every code is compared, so timing says nothing
            if secrets.compare_digest(candidate.encode(), code.encode()):
                found = team
        if secrets.compare_digest(self.facilitator.encode(), code.encode()):
            found = FACILITATOR
        return found

    def is_revoked(self, code: str) -> bool:
        return len(code) <= MAX_CODE_CHARS and any(
            secrets.compare_digest(r.encode(), code.encode()) for r in self.revoked
        )

    def replace(self, team: int) -> str:
        """Give team `team` a new code; the old one stops working at once."""
        self.revoked.append(self.teams[team])
        self.teams[team] = new_code()
        return self.teams[team]

    def to_record(self) -> dict:
        return {"teams": list(self.teams), "facilitator": self.facilitator, "revoked": list(self.revoked)}

    @classmethod
    def from_record(cls, record: dict, team_count: int) -> AccessCodes:
        """Codes read back from a save; ValueError when they do not fit the session."""
        teams, facilitator = record.get("teams"), record.get("facilitator")
        revoked = record.get("revoked", [])
        codes = [*(teams or []), facilitator, *revoked] if isinstance(teams, list) and isinstance(revoked, list) else []
        if len(teams or []) != team_count or not all(
            isinstance(c, str) and 0 < len(c) <= MAX_CODE_CHARS for c in codes
        ):
            raise ValueError(f"the saved links do not fit a workshop of {team_count} teams")
        return cls(list(teams), facilitator, list(revoked))
