"""Cross-reference checks of every section: generated blocks, network, gates, channels, signals, events.

`check(parts, report)` runs them all on the valid parts of a file and returns
the `Context` they resolved for the build.
"""

from __future__ import annotations

from typing import Any

from game.scenario import schema as sc
from game.scenario.references_org import (
    GENERAL_DEPARTMENT,
    GENERATE,
    MAX_SUGGESTIONS,
    NETWORK,
    Context,
    OrgChecker,
)
from game.scenario.report import Path_, Report, did_you_mean
from game.scenario.salvage import Parts

__all__ = ["GENERAL_DEPARTMENT", "Checker", "Context", "check"]


class Checker(OrgChecker):
    """Cross-reference checks over the valid parts of the file."""

    def generate(self) -> None:
        """Generate blocks: who they go under, their department, the people count."""
        total = sum(1 for p in self.parts.people if p is not None)
        reported = False
        departments = self.department_known()
        for i, block in enumerate(self.parts.generate):
            if block is None:
                continue
            self.person_ref(block.under, GENERATE + (i, "under"), "generate under")
            if block.department is not None and self.parts.departments is not None:
                self.ref(
                    block.department, departments, self.parts.raw_departments,
                    GENERATE + (i, "department"), "department", "a department",
                )  # fmt: skip
            total += block.count
            if total > sc.MAX_PEOPLE and not reported:
                reported = True
                self.report.at(
                    GENERATE + (i, "count"),
                    f"the organisation would have more than {sc.MAX_PEOPLE:,} people "
                    f"({total:,} so far); lower the counts",
                )

    def network(self) -> None:
        """Explicit ties and communities."""
        for i, tie in enumerate(self.parts.ties):
            if tie is None:
                continue
            ok = [self.person_ref(tie[k], NETWORK + ("ties", i, k), "tie end") for k in (0, 1)]
            if all(ok) and tie[0] == tie[1]:
                self.report.at(NETWORK + ("ties", i), f"a tie links '{tie[0]}' to themselves; name two people")
        base = NETWORK + ("communities",)
        self.unique(self.parts.communities, base, "community")
        departments = self.department_known()
        for i, community in enumerate(self.parts.communities):
            if community is None:
                continue
            for k, dep in enumerate(community.members.departments):
                self.ref(
                    dep, departments, self.parts.raw_departments,
                    base + (i, "members", "departments", k), "department", "a department",
                )  # fmt: skip
            for k, pid in enumerate(community.members.people):
                self.person_ref(pid, base + (i, "members", "people", k), "member")

    def gates(self) -> None:
        """Validation gates approve by a person or a department."""
        self.ctx.gate = self.unique(self.parts.gates, ("validation",), "validation gate")
        departments = self.department_known()
        for i, gate in enumerate(self.parts.gates):
            if gate is None or gate.by in self.ctx.person or gate.by in departments:
                continue
            if gate.by not in self.parts.raw_people | self.parts.raw_departments:
                hint = ""
                if len(self.report.problems) < MAX_SUGGESTIONS:
                    hint = did_you_mean(gate.by, list(self.ctx.person) + departments)
                self.report.at(
                    ("validation", i, "by"),
                    f"'{gate.by}' is neither a person nor a department in this scenario{hint}",
                )

    def channels(self) -> None:
        """Audiences, publishers and gates of channels."""
        self.unique(self.parts.channels, ("channels",), "channel")
        departments = self.department_known()
        for i, channel in enumerate(self.parts.channels):
            if channel is None:
                continue
            base = ("channels", i)
            audience = channel.audience
            if audience is not None and channel.kind == "team_meeting":
                self.report.at(
                    base + ("audience",),
                    "`audience` is only for broadcast channels; a team meeting always reaches a "
                    "manager and their direct reports, so remove it",
                    on_key=True,
                )
            elif isinstance(audience, sc.AudienceSpec):
                if audience.department is not None:
                    self.ref(
                        audience.department, departments, self.parts.raw_departments,
                        base + ("audience", "department"), "department", "a department",
                    )  # fmt: skip
                if audience.subtree is not None:
                    self.person_ref(audience.subtree, base + ("audience", "subtree"), "subtree")
            for k, pid in enumerate(channel.publishers):
                self.person_ref(pid, base + ("publishers", k), "publisher")
            if channel.validation is not None:
                self.ref(
                    channel.validation, self.ctx.gate, self.parts.raw_gates,
                    base + ("validation",), "validation gate", "a validation gate",
                )  # fmt: skip

    def signals(self) -> None:
        """Signal origins and turns; competitor reactions."""
        self.ctx.signal = self.unique(self.parts.signals, ("signals",), "signal")
        turns = self.parts.turns
        for i, signal in enumerate(self.parts.signals):
            if signal is None:
                continue
            self.person_ref(signal.appears.at, ("signals", i, "appears", "at"), "signal origin")
            if turns is not None and signal.appears.turn > turns:
                self.report.at(
                    ("signals", i, "appears", "turn"),
                    f"the signal appears at turn {signal.appears.turn} but the game lasts "
                    f"{turns} turns; choose a turn between 1 and {turns}",
                )
        if self.parts.competitor is not None:
            for sid in self.parts.competitor.reaction:
                self.ref(
                    sid, self.ctx.signal, self.parts.raw_signals,
                    ("competitor", "reaction", sid), "reaction to signal", "a signal", on_key=True,
                )  # fmt: skip

    def events(self, managers: dict[str, str | None]) -> None:
        """Scripted events: turn, people concerned, re-organisations without cycles."""
        turns, hierarchy = self.parts.turns, dict(managers)
        order = sorted(
            (e.turn, i) for i, e in enumerate(self.parts.events) if e is not None
        )  # reorgs apply in turn order
        for _, i in order:
            event, base = self.parts.events[i], ("events", i)
            if turns is not None and event.turn > turns:
                self.report.at(
                    base + ("turn",),
                    f"the event happens at turn {event.turn} but the game lasts {turns} turns",
                )
            needs_person = event.kind in ("absence", "reorg")
            self.allowed_only(event.person, needs_person, base, "person", "absence and reorg")
            self.allowed_only(event.duration, event.kind == "absence", base, "duration", "absence")
            self.allowed_only(event.manager, event.kind == "reorg", base, "manager", "reorg")
            if needs_person and event.person is None:
                self.report.at(base, f"a {event.kind} event needs `person:` (who is concerned)")
            if event.kind == "reorg" and event.manager is None:
                self.report.at(base, "a reorg event needs `manager:` (the person's new manager)")
            person_ok = event.person is not None and self.person_ref(event.person, base + ("person",), "person")
            manager_ok = event.manager is not None and self.person_ref(
                event.manager, base + ("manager",), "new manager"
            )
            if event.kind == "reorg" and person_ok and manager_ok and hierarchy:
                self.reorg(event.person, event.manager, hierarchy, base + ("manager",))

    def allowed_only(self, value: Any, allowed: bool, base: Path_, key: str, kinds: str) -> None:
        if value is not None and not allowed:
            self.report.at(base + (key,), f"`{key}` only applies to {kinds} events; remove it", on_key=True)

    def reorg(self, person: str, manager: str, hierarchy: dict, path: Path_) -> None:
        """The new manager must not be the person or in their team; applies the change."""
        chain, node = [manager], hierarchy.get(manager)
        while chain[-1] != person and node is not None:
            chain.append(node)
            node = hierarchy.get(node)
        if chain[-1] == person:
            shown = " -> ".join(chain)
            self.report.at(
                path,
                f"'{manager}' is in the team of '{person}' ({shown}), so this reorg would make a "
                "cycle; choose a manager outside their team",
            )
        else:
            hierarchy[person] = manager


def check(parts: Parts, report: Report) -> Context:
    """Run every cross-reference check; returns what they resolved."""
    checker = Checker(parts, report)
    managers = checker.organisation()
    checker.generate()
    checker.network()
    checker.gates()
    checker.channels()
    checker.signals()
    checker.events(managers)
    return checker.ctx
