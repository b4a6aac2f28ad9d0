"""Cross-reference checks, part one: ids, references with did-you-mean, the hierarchy and departments.

`OrgChecker` resolves explicit people, their managers (no cycle, one root) and
everyone's department; `references.Checker` adds the other sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.scenario import schema as sc
from game.scenario.report import Path_, Report, did_you_mean
from game.scenario.salvage import Parts

MAX_SUGGESTIONS = 200  # problems after which unknown references get no did-you-mean (it is slow)
GENERAL_DEPARTMENT = "general"  # department of a top person who names none
PEOPLE = ("organization", "people")
GENERATE = ("organization", "generate")
NETWORK = ("organization", "network")


@dataclass
class Context:
    """What the checks resolved, for the build."""

    person: dict[str, int] = field(default_factory=dict)  # explicit id -> row
    department_of: dict[str, str] = field(default_factory=dict)  # explicit id -> department id
    department_ids: list[str] = field(default_factory=list)  # final order
    gate: dict[str, int] = field(default_factory=dict)
    signal: dict[str, int] = field(default_factory=dict)


class OrgChecker:
    """Reference helpers, and the checks of people, managers and departments."""

    def __init__(self, parts: Parts, report: Report):
        self.parts, self.report, self.ctx = parts, report, Context()

    def unique(self, items: list, base: Path_, what: str) -> dict[str, int]:
        """Id -> position of valid items; duplicates reported."""
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item is None:
                continue
            if item.id in seen:
                first = self.report.line_of(base + (seen[item.id], "id"))
                self.report.at(
                    base + (i, "id"),
                    f"duplicate {what} id '{item.id}' (first at line {first}); ids must be unique",
                )
            else:
                seen[item.id] = i
        return seen

    def ref(
        self,
        value: str,
        known: dict[str, int] | list[str],
        raw: set[str],
        path: Path_,
        role: str,
        kind: str,
        on_key: bool = False,
    ) -> bool:
        """True when `value` is known; reports it unless it names an invalid item."""
        if value in known:
            return True
        if value not in raw:
            hint = ""
            if len(self.report.problems) < MAX_SUGGESTIONS:  # suggestions cost O(known) each
                candidates = list(dict.fromkeys([*known, *sorted(raw)]))
                hint = did_you_mean(value, candidates)
                if not hint and 0 < len(candidates) <= 12:
                    hint = f"; known: {', '.join(candidates)}"
            message = f"{role} '{value}' is not {kind} in this scenario{hint}"
            self.report.at(path, message, on_key=on_key)
        return False

    def person_ref(self, value: str, path: Path_, role: str) -> bool:
        return self.ref(value, self.ctx.person, self.parts.raw_people, path, role, "a person")

    # -- organisation -------------------------------------------------------

    def organisation(self) -> dict[str, str | None]:
        """Check people and departments; returns id -> manager for a sound hierarchy."""
        parts = self.parts
        self.ctx.person = self.unique(parts.people, PEOPLE, "person")
        declared = None
        if parts.departments is not None:
            declared = self.unique(parts.departments, ("organization", "departments"), "department")
        managers: dict[str, str | None] = {}
        bad_reference = False
        for i, person in enumerate(parts.people):
            if person is None or self.ctx.person.get(person.id) != i:
                continue
            self.traits_once(person, PEOPLE + (i,))
            if declared is not None and person.department is not None:
                self.ref(
                    person.department, declared, parts.raw_departments,
                    PEOPLE + (i, "department"), "department", "a department",
                )  # fmt: skip
            manager = person.manager
            checked = manager is None or manager == person.id
            if not checked and not self.person_ref(manager, PEOPLE + (i, "manager"), "manager"):
                bad_reference = True
                continue
            managers[person.id] = manager
        cyclic = self.cycles(managers)
        sound = not cyclic and not bad_reference and parts.people_complete
        if sound and not self.one_root(managers):
            sound = False
        self.departments(declared, managers if sound else None)
        return managers if sound else {}

    def traits_once(self, person: sc.Person, path: Path_) -> None:
        """A trait given both directly and under traits: is an error."""
        for name in sc.TRAIT_DEFAULTS:
            if getattr(person, name) is not None and getattr(person.traits, name) is not None:
                self.report.at(
                    path + ("traits", name),
                    f"trait '{name}' is given twice, directly on the person and under `traits:`; keep only one",
                    on_key=True,
                )

    def cycles(self, managers: dict[str, str | None]) -> bool:
        """Report every cycle of manager links; True if there was one."""
        state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
        found = False
        for start in managers:
            walk: list[str] = []
            node: str | None = start
            while node is not None and node in managers and state.get(node) is None:
                state[node] = 1
                walk.append(node)
                node = managers[node]
            if node is not None and state.get(node) == 1:
                loop = walk[walk.index(node) :]
                found = True
                first = min(loop, key=lambda pid: self.ctx.person[pid])
                at = loop.index(first)
                chain = " -> ".join(loop[at:] + loop[:at] + [first])
                self.report.at(
                    PEOPLE + (self.ctx.person[first], "manager"),
                    f"people form a cycle: {chain}; one of them must report to someone outside the cycle",
                )
            for pid in walk:
                state[pid] = 2
        return found

    def one_root(self, managers: dict[str, str | None]) -> bool:
        """Exactly one person without a manager; reports otherwise."""
        roots = [pid for pid, manager in managers.items() if manager is None]
        if len(roots) == 1:
            return True
        if not roots:
            self.report.at(
                PEOPLE,
                "everybody has a manager; exactly one person (the top of the organisation) must have no manager",
            )
            return False
        shown = ", ".join(roots[:5]) + (", ..." if len(roots) > 5 else "")
        self.report.at(
            PEOPLE + (self.ctx.person[roots[1]],),
            f"{len(roots)} people have no manager ({shown}); exactly one person (the top of "
            "the organisation) must have no manager",
        )
        return False

    def departments(self, declared: dict[str, int] | None, managers: dict | None) -> None:
        """Resolve every person's department and the final list of departments."""
        people = {pid: self.parts.people[row] for pid, row in self.ctx.person.items()}  # a duplicated id: its first
        ids = list(declared) if declared is not None else []
        resolved = self.ctx.department_of
        for pid in managers or {}:
            chain, seen = [pid], {pid}  # climb until a written or already resolved department
            while chain[-1] not in resolved and people[chain[-1]].department is None:
                boss = people[chain[-1]].manager
                if boss is None or boss in seen:  # the top (a loop, already reported by `cycles`)
                    resolved[chain[-1]] = GENERAL_DEPARTMENT
                    break
                chain.append(boss)
                seen.add(boss)
            top = chain[-1]
            department = resolved.get(top) or people[top].department
            for member in chain:
                resolved[member] = department
        if declared is None:
            used = [p.department for p in self.parts.people if p is not None and p.department]
            used += [g.department for g in self.parts.generate if g is not None and g.department]
            ids = list(dict.fromkeys(used))
        if GENERAL_DEPARTMENT in self.ctx.department_of.values() and GENERAL_DEPARTMENT not in ids:
            ids.append(GENERAL_DEPARTMENT)
        self.ctx.department_ids = ids

    def department_known(self) -> list[str]:
        """Department ids a reference may use."""
        declared = self.parts.departments
        if declared is not None:
            return [d.id for d in declared if d is not None] + [GENERAL_DEPARTMENT]
        return self.ctx.department_ids + [GENERAL_DEPARTMENT]
