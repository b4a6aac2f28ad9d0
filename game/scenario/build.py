"""Core records (`game.core.model`) built from a valid file, including generated people and informal ties."""

from __future__ import annotations

from typing import Any

import numpy as np

from game.core import model as core
from game.core.text import Text
from game.scenario import i18n
from game.scenario import schema as sc
from game.scenario.labels import Labeller
from game.scenario.references import GENERAL_DEPARTMENT, Context
from game.scenario.report import Report


class Builder:
    """Core records from a valid file whose cross-references hold."""

    def __init__(self, spec: sc.ScenarioFile, ctx: Context, report: Report):
        self.spec, self.ctx, self.report = spec, ctx, report
        self.lang = spec.language
        self.labeller = Labeller(spec, report)

    def text(self, value: Any, default: Text | str | None = None) -> Text:
        if isinstance(default, str):
            default = Text.plain(default, self.lang)
        return i18n.to_text(value, self.lang, default)

    def build(self, source: str, digest: str) -> core.Scenario:
        """The whole scenario."""
        spec = self.spec
        rng = np.random.default_rng(spec.seed)
        self.people(rng)
        self.tags = self.collect_tags()
        self.check_labels()
        org = self.org()
        self.levels = self.compute_levels(org.manager)
        network = self.network(org, rng)
        gates = tuple(core.ValidationGate(g.id, self.approver(g, i), g.delay) for i, g in enumerate(spec.validation))
        scenario = core.Scenario(
            id=spec.id,
            title=self.text(spec.title),
            summary=self.text(spec.summary),
            language=spec.language,
            turns=spec.turns,
            turn_unit=spec.turn_unit,
            action_points=spec.action_points,
            seed=spec.seed,
            visibility=core.Visibility(
                network_hidden=spec.visibility.network == "hidden",
                skills_hidden=spec.visibility.skills == "hidden",
            ),
            tags=tuple(self.tags),
            tag_labels=tuple(self.labeller.tag(t) for t in self.tags),
            org=org,
            network=network,
            communities=tuple(self.community(c, org) for c in spec.organization.network.communities),
            gates=gates,
            channels=tuple(self.channel(c) for c in spec.channels),
            signals=tuple(self.signal(s) for s in spec.signals),
            competitor=self.competitor(),
            events=tuple(self.event(e) for e in spec.events),
            pace=core.Pace(spec.pace.one_to_one, spec.pace.urgent_cost, spec.pace.word_of_mouth),
            source=source,
            digest=digest,
            extras={
                "objectives": [self.text(t) for t in spec.objectives],
                "debrief_questions": [self.text(t) for t in spec.debrief_questions],
            },
        )
        return scenario

    def people(self, rng: np.random.Generator) -> None:
        """Rows of explicit then generated people (ids, names, ... as lists)."""
        from game.scenario.generate import generate_people

        explicit = self.spec.organization.people
        self.ids = [p.id for p in explicit]
        self.names = [Text.plain(p.name or p.id, self.lang) for p in explicit]
        self.titles = [self.labeller.title(self.text(p.title)) for p in explicit]
        self.dept_ids = [self.ctx.department_of[p.id] for p in explicit]
        self.managers = [p.manager for p in explicit]
        self.skill_lists = [list(p.skills) for p in explicit]
        self.traits = {name: [_trait(p, name) for p in explicit] for name in sc.TRAIT_DEFAULTS}
        self.spokes = [p.spokesperson for p in explicit]
        taken = set(self.ids)
        departments = list(self.ctx.department_ids)
        for block in self.spec.organization.generate:
            department = block.department or self.ctx.department_of[block.under]
            if department not in departments:
                departments.append(department)
            made = generate_people(
                under=block.under,
                count=block.count,
                span=block.span,
                department=department,
                title=self.labeller.title(self.text(block.title, i18n.EMPLOYEE_TITLE)),
                skill_shares=dict(block.skills),
                id_prefix=block.id_prefix if block.id_prefix is not None else f"{block.under}_",
                taken_ids=taken,
                rng=rng,
            )
            self.ids += [g.id for g in made]
            self.names += [Text.plain(g.name, self.lang) for g in made]
            self.titles += [g.title for g in made]
            self.dept_ids += [g.department for g in made]
            self.managers += [g.manager for g in made]
            self.skill_lists += [list(g.skills) for g in made]
            for name, default in sc.TRAIT_DEFAULTS.items():
                self.traits[name] += [default] * len(made)
            self.spokes += [False] * len(made)
        self.ctx.department_ids = departments
        self.explicit_count = len(explicit)

    def collect_tags(self) -> list[str]:
        """Every tag in order of first appearance."""
        spec = self.spec
        tags: list[str] = []
        for person in spec.organization.people:
            tags += person.skills
        for block in spec.organization.generate:
            tags += list(block.skills)
        for community in spec.organization.network.communities:
            tags += community.topics
        for signal in spec.signals:
            tags += signal.topics
        for signal in spec.signals:
            tags += signal.exploit.skills
        return list(dict.fromkeys(tags))

    def check_labels(self) -> None:
        """Every label names a tag, channel, community or department of the file."""
        network = self.spec.organization.network
        self.labeller.check_ids("tags", self.tags, "a skill or topic")
        self.labeller.check_ids("channels", [c.id for c in self.spec.channels], "a channel")
        self.labeller.check_ids("communities", [c.id for c in network.communities], "a community")
        self.labeller.check_ids("departments", self.ctx.department_ids, "a department")
        self.labeller.check_titles()

    def org(self) -> core.Org:
        """The Org record."""
        n, spec = len(self.ids), self.spec
        declared = {d.id: d for d in spec.organization.departments or []}
        departments = tuple(
            core.Department(
                d,
                self.labeller.name(
                    "departments",
                    d,
                    declared[d].name if d in declared else None,
                    i18n.GENERAL_DEPARTMENT if d == GENERAL_DEPARTMENT else Text.plain(d, self.lang),
                ),
            )
            for d in self.ctx.department_ids
        )
        dept_index = {d: i for i, d in enumerate(self.ctx.department_ids)}
        row = {pid: i for i, pid in enumerate(self.ids)}
        tag_index = {t: i for i, t in enumerate(self.tags)}
        skills = np.zeros((n, len(self.tags)), dtype=bool)
        rows = np.repeat(np.arange(n), [len(k) for k in self.skill_lists])
        cols = [tag_index[t] for person_skills in self.skill_lists for t in person_skills]
        skills[rows, np.array(cols, dtype=np.int64)] = True
        generated = np.zeros(n, dtype=bool)
        generated[self.explicit_count :] = True
        self.row = row
        return core.Org(
            ids=tuple(self.ids),
            names=tuple(self.names),
            titles=tuple(self.titles),
            departments=departments,
            department=np.array([dept_index[d] for d in self.dept_ids], dtype=np.int32),
            manager=np.array([core.NO_PERSON if m is None else row[m] for m in self.managers], dtype=np.int32),
            skills=skills,
            availability=np.array(self.traits["availability"], dtype=np.float64),
            openness=np.array(self.traits["openness"], dtype=np.float64),
            scepticism=np.array(self.traits["scepticism"], dtype=np.float64),
            spokesperson=np.array(self.spokes, dtype=bool),
            generated=generated,
        )

    def compute_levels(self, manager: np.ndarray) -> np.ndarray:
        """Depth of everyone in the hierarchy (root 0)."""
        level = np.full(len(manager), -1, dtype=np.int64)
        for start in range(len(manager)):
            chain = []
            node = start
            while node != core.NO_PERSON and level[node] < 0:
                chain.append(node)
                node = manager[node]
            depth = -1 if node == core.NO_PERSON else level[node]
            for person in reversed(chain):
                depth += 1
                level[person] = depth
        return level

    def network(self, org: core.Org, rng: np.random.Generator) -> core.Network:
        """Generated and explicit informal ties."""
        from game.scenario.generate import build_network

        spec = self.spec.organization.network
        ties = [(self.row[t[0]], self.row[t[1]], float(t[2]) if len(t) == 3 else 1.0) for t in spec.ties]
        return build_network(
            model=spec.model,
            department=org.department,
            mean_degree=spec.mean_degree,
            rewire=spec.rewire,
            homophily=spec.homophily,
            explicit_ties=ties,
            rng=rng,
        )

    def tag_array(self, tags: list[str]) -> np.ndarray:
        index = {t: i for i, t in enumerate(self.tags)}
        return np.array([index[t] for t in tags], dtype=np.int32)

    def community(self, spec: sc.Community, org: core.Org) -> core.Community:
        dept_index = {d: i for i, d in enumerate(self.ctx.department_ids)}
        wanted = [dept_index[d] for d in spec.members.departments if d in dept_index]
        members = set(np.flatnonzero(np.isin(org.department, wanted)).tolist())
        members |= {self.row[p] for p in spec.members.people}
        return core.Community(
            id=spec.id,
            name=self.labeller.name("communities", spec.id, spec.name, Text.plain(spec.id, self.lang)),
            topics=self.tag_array(spec.topics),
            members=np.array(sorted(members), dtype=np.int32),
        )

    def approver(self, gate: sc.Gate, i: int) -> int:
        """A gate's person, or its department's highest-ranked person."""
        if gate.by in self.row and self.row[gate.by] < self.explicit_count:
            return self.row[gate.by]
        ids = self.ctx.department_ids
        in_dept = np.flatnonzero(np.array(self.dept_ids) == gate.by) if gate.by in ids else np.array([])
        if len(in_dept) == 0:
            self.report.at(
                ("validation", i, "by"),
                f"department '{gate.by}' has nobody in it, so nobody can approve; name a person",
            )
            return core.NO_PERSON
        return int(in_dept[np.argmin(self.levels[in_dept])])

    def channel(self, spec: sc.Channel) -> core.Channel:
        gates = {g.id: i for i, g in enumerate(self.spec.validation)}
        return core.Channel(
            id=spec.id,
            name=self.labeller.name(
                "channels",
                spec.id,
                spec.name,
                i18n.TEAM_MEETING if spec.kind == "team_meeting" else i18n.name_from_id(spec.id, self.lang),
            ),
            kind=spec.kind,
            audience=self.audience(spec.audience),
            every=spec.every if spec.every is not None else (5 if spec.kind == "team_meeting" else 7),
            offset=spec.offset,
            attention=spec.attention,
            publishers=np.array([self.row[p] for p in spec.publishers], dtype=np.int32),
            validation=gates[spec.validation] if spec.validation is not None else core.NO_PERSON,
        )

    def audience(self, spec: Any) -> core.Audience:
        if not isinstance(spec, sc.AudienceSpec):
            return core.Audience("all")
        if spec.max_level is not None:
            return core.Audience("max_level", spec.max_level)
        if spec.min_level is not None:
            return core.Audience("min_level", spec.min_level)
        if spec.department is not None:
            return core.Audience("department", self.ctx.department_ids.index(spec.department))
        return core.Audience("subtree", self.row[spec.subtree])

    def signal(self, spec: sc.Signal) -> core.Signal:
        exploit = spec.exploit
        return core.Signal(
            id=spec.id,
            title=self.text(spec.title, spec.id),
            appears_turn=spec.appears.turn,
            origin=self.row[spec.appears.at],
            topics=self.tag_array(spec.topics),
            value=float(spec.value),
            decay=float(spec.decay),
            virality=float(spec.virality),
            distortion=float(spec.distortion),
            sensitivity=float(spec.sensitivity),
            genuine=spec.genuine,
            exploit=core.Exploit(
                skills=self.tag_array(exploit.skills),
                min_fidelity=float(exploit.min_fidelity),
                approval_level=exploit.approval.level if exploit.approval else None,
                effort=exploit.effort,
            ),
        )

    def competitor(self) -> core.Competitor:
        spec = self.spec.competitor
        mean, spread = sc.STYLE_REACTIONS[spec.style]
        reactions = []
        for signal in self.spec.signals:
            given = spec.reaction.get(signal.id)
            reactions.append(
                core.Reaction(float(given.mean), float(given.spread)) if given else core.Reaction(mean, spread)
            )
        return core.Competitor(
            name=self.text(spec.name, i18n.COMPETITOR_NAME),
            style=spec.style,
            reactions=tuple(reactions),
            leak_gain=float(spec.leak_gain),
        )

    def event(self, spec: sc.Event) -> core.Event:
        return core.Event(
            turn=spec.turn,
            kind=spec.kind,
            text=self.text(spec.text),
            person=self.row[spec.person] if spec.person else core.NO_PERSON,
            duration=(spec.duration or 1) if spec.kind == "absence" else 0,
            new_manager=self.row[spec.manager] if spec.manager else core.NO_PERSON,
        )


def _trait(person: sc.Person, name: str) -> float:
    """A person's trait, written directly, under traits:, or the default."""
    value = getattr(person, name)
    if value is None:
        value = getattr(person.traits, name)
    return float(sc.TRAIT_DEFAULTS[name] if value is None else value)
