"""The scenario file format as pydantic models: the one description of what a file may hold.

The loader validates YAML data against `ScenarioFile`; `json_schema()` gives the
JSON Schema editors use for completion. Cross-references between sections
(managers, signal origins, ...) are checked by the loader, not here.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

FORMAT_VERSION = 1
MAX_PEOPLE = 200_000  # people in a scenario, explicit and generated
MAX_SPAN = 1_000  # turns: any delay, effort, schedule or absence longer than this is a typo, not a design
MAX_MEAN_DEGREE = 1_000  # ties per person: beyond this the network is the whole company
MAX_VALUE = 1_000_000_000  # points a signal can be worth
SLUG_PATTERN = r"^[A-Za-z0-9_-]+$"

Language = Literal["en", "fr"]  # languages a scenario may be written in (matches LANGUAGES)

PLAIN_TAG = "<plain>"  # union tags pydantic puts in error locations; the loader strips them
MAP_TAG = "<map>"


def _text_kind(value: Any) -> str | None:
    """Which form of text `value` is, or None when it is neither."""
    if isinstance(value, str):
        return PLAIN_TAG
    if isinstance(value, dict):
        return MAP_TAG
    return None


TextMap = Annotated[
    dict[Language, str],
    Field(min_length=1, description="One version per language, e.g. {en: Hello, fr: Bonjour}."),
]

TextValue = Annotated[
    Annotated[str, Tag(PLAIN_TAG)] | Annotated[TextMap, Tag(MAP_TAG)],
    Discriminator(
        _text_kind,
        custom_error_type="text_type",
        custom_error_message=("expected a text: a string, or a map of language to string like {en: ..., fr: ...}"),
    ),
]

ALL_TAG = "<all>"  # union tags that appear in pydantic error locations
SPEC_TAG = "<spec>"
PAIR_TAG = "<pair>"
WEIGHTED_TAG = "<weighted>"
UNION_TAGS = frozenset({PLAIN_TAG, MAP_TAG, ALL_TAG, SPEC_TAG, PAIR_TAG, WEIGHTED_TAG})

Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]


def _fmt(x: float) -> str:
    """A bound as a short number (1 rather than 1.0)."""
    return str(int(x)) if float(x).is_integer() else str(x)


def _range_check(lo: float | None, hi: float | None, lo_open: bool, integer: bool):
    """A validator refusing non-finite numbers and numbers outside [lo, hi]."""
    what = "an integer" if integer else "a number"
    if lo is not None and hi is not None:
        expected = f"{what} between {_fmt(lo)} and {_fmt(hi)}"
        if lo_open:
            expected = f"{what} greater than {_fmt(lo)} and at most {_fmt(hi)}"
    elif lo is not None:
        expected = f"{what} {'greater than' if lo_open else 'of at least'} {_fmt(lo)}"
    elif hi is not None:
        expected = f"{what} of at most {_fmt(hi)}"
    else:
        expected = what

    def check(value: float) -> float:
        if isinstance(value, float) and not math.isfinite(value):
            raise PydanticCustomError(
                "not_finite", "expected {expected}, found {found}", {"expected": expected, "found": value}
            )
        low_bad = lo is not None and (value <= lo if lo_open else value < lo)
        if low_bad or (hi is not None and value > hi):
            raise PydanticCustomError(
                "out_of_range", "expected {expected}, found {found}", {"expected": expected, "found": value}
            )
        return value

    return check


def _bounds_schema(lo: float | None, hi: float | None, lo_open: bool) -> dict:
    """JSON Schema keywords for the bounds."""
    extra: dict[str, float] = {}
    if lo is not None:
        extra["exclusiveMinimum" if lo_open else "minimum"] = lo
    if hi is not None:
        extra["maximum"] = hi
    return extra


def Number(lo: float | None = None, hi: float | None = None, lo_open: bool = False) -> Any:
    """A finite float type with inclusive bounds (exclusive low bound if `lo_open`)."""
    return Annotated[
        float,
        AfterValidator(_range_check(lo, hi, lo_open, integer=False)),
        Field(json_schema_extra=_bounds_schema(lo, hi, lo_open)),
    ]


def Integer(lo: int | None = None, hi: int | None = None) -> Any:
    """An int type with inclusive bounds."""
    return Annotated[
        int,
        AfterValidator(_range_check(lo, hi, False, integer=True)),
        Field(json_schema_extra=_bounds_schema(lo, hi, False)),
    ]


Unit = Number(0, 1)  # a share or a probability


class Strict_(BaseModel):
    """Base of every model: YAML types are taken as they are, unknown keys are refused."""

    model_config = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)


def _check_format(value: int) -> int:
    """Only format 1 exists."""
    if value != FORMAT_VERSION:
        raise PydanticCustomError(
            "format_version",
            "this game reads scenarios of format {expected}, found format {found}; write `format: 1`",
            {"expected": FORMAT_VERSION, "found": value},
        )
    return value


class Visibility(Strict_):
    """What the players see from the start (fog of war)."""

    network: Literal["known", "hidden"] = Field(
        "known", description="known: informal ties shown; hidden: shown only once discovered."
    )
    skills: Literal["known", "hidden"] = Field(
        "known", description="known: skills shown; hidden: shown only once discovered."
    )


class Department(Strict_):
    """A department of the company."""

    id: Slug = Field(description="Identifier used by people, communities and audiences.")
    name: TextValue | None = Field(None, description="Display name; defaults to the id.")


class Traits(Strict_):
    """Behaviour of a person; the same keys may also be written directly on the person."""

    availability: Unit | None = Field(None, description="Chance to act on their inbox in a turn (0.8).")
    openness: Unit | None = Field(None, description="Chance to relay on the network (0.5).")
    scepticism: Unit | None = Field(None, description="Chance to oppose a network message (0.1).")


TRAIT_DEFAULTS = {"availability": 0.8, "openness": 0.5, "scepticism": 0.1}


class Person(Strict_):
    """One person written out in the scenario."""

    id: Slug = Field(description="Unique identifier of the person.")
    name: str | None = Field(None, description="Display name; defaults to the id.")
    title: TextValue = Field("", description="Job title.")
    department: Slug | None = Field(
        None, description="Department id; defaults to the manager's department ('general' for the top)."
    )
    manager: Slug | None = Field(None, description="Id of the manager; exactly one person (the top) has none.")
    skills: list[Slug] = Field(default_factory=list, description="Skill tags the person has.")
    spokesperson: bool = Field(False, description="May publish on broadcast channels by default.")
    availability: Unit | None = Field(None, description="Chance to act on their inbox in a turn (0.8).")
    openness: Unit | None = Field(None, description="Chance to relay on the network (0.5).")
    scepticism: Unit | None = Field(None, description="Chance to oppose a network message (0.1).")
    traits: Traits = Field(default_factory=Traits, description="Traits, as an alternative to direct keys.")


class Generate(Strict_):
    """A block of generated people placed under one person."""

    under: Slug = Field(description="Id of the person the generated people report to.")
    count: Integer(1, MAX_PEOPLE) = Field(description="How many people to generate.")
    span: Integer(2) | None = Field(
        None, description="Largest number of direct reports; intermediate managers are created."
    )
    department: Slug | None = Field(None, description="Department id; defaults to that of `under`.")
    title: TextValue | None = Field(None, description="Job title; defaults to 'Employee'.")
    skills: dict[Slug, Unit] = Field(
        default_factory=dict, description="Skill tag -> share of generated people who have it."
    )
    id_prefix: Slug | None = Field(
        None, description="Prefix of generated ids; defaults to '<under>_'.", examples=["lille_"]
    )


def _tie_kind(value: Any) -> str | None:
    """Which form of tie `value` is, or None when it is neither."""
    if isinstance(value, list):
        return {2: PAIR_TAG, 3: WEIGHTED_TAG}.get(len(value))
    return None


Weight = Number(0, 1, lo_open=True)
Tie = Annotated[
    Annotated[tuple[Slug, Slug], Strict(False), Tag(PAIR_TAG)]
    | Annotated[tuple[Slug, Slug, Weight], Strict(False), Tag(WEIGHTED_TAG)],
    Discriminator(
        _tie_kind,
        custom_error_type="tie_type",
        custom_error_message="expected a tie [person, person] or [person, person, weight]",
    ),
]


class Members(Strict_):
    """Who belongs to a community."""

    departments: list[Slug] = Field(default_factory=list, description="Every member of these departments.")
    people: list[Slug] = Field(default_factory=list, description="These people.")


class Community(Strict_):
    """A community of interest on the informal network."""

    id: Slug = Field(description="Unique identifier of the community.")
    name: TextValue | None = Field(None, description="Display name; defaults to the id.")
    topics: list[Slug] = Field(default_factory=list, description="Topic tags the community cares about.")
    members: Members = Field(default_factory=Members, description="Departments and people who belong.")


class Network(Strict_):
    """The informal network: generated ties, explicit ties and communities."""

    model: Literal["small_world", "scale_free", "none"] = Field("small_world", description="How ties are generated.")
    mean_degree: Number(0, MAX_MEAN_DEGREE) = Field(4.0, description="Average number of generated ties per person.")
    rewire: Unit = Field(0.1, description="Small world: share of ties rewired at random.")
    homophily: Unit = Field(0.5, description="Share of generated ties that stay inside a department.")
    ties: list[Tie] = Field(
        default_factory=list, description="Explicit ties [a, b] or [a, b, weight], weight in (0, 1]."
    )
    communities: list[Community] = Field(default_factory=list, description="Communities of interest.")


class Organization(Strict_):
    """Departments, people and the informal network."""

    departments: list[Department] | None = Field(
        None, description="Departments; when omitted, made from the ids people use."
    )
    people: list[Person] = Field(min_length=1, description="People written out, one of them the top.")
    generate: list[Generate] = Field(default_factory=list, description="Blocks of generated people.")
    network: Network = Field(default_factory=Network, description="The informal network.")


class Gate(Strict_):
    """A validation gate: someone who must approve before an official broadcast."""

    id: Slug = Field(description="Unique identifier of the gate.")
    by: Slug = Field(description="A person id, or a department id meaning its highest-ranked person.")
    delay: Integer(0, MAX_SPAN) = Field(2, description="Turns the approval takes.")


def _audience_kind(value: Any) -> str | None:
    """Which form of audience `value` is, or None when it is neither."""
    if isinstance(value, str):
        return ALL_TAG
    if isinstance(value, dict):
        return SPEC_TAG
    return None


class AudienceSpec(Strict_):
    """A targeted audience: exactly one of the keys."""

    max_level: Integer(0) | None = Field(None, description="People at this level or above (root is 0).")
    min_level: Integer(0) | None = Field(None, description="People at this level or below.", examples=[2])
    department: Slug | None = Field(None, description="Everyone in this department.", examples=["stores"])
    subtree: Slug | None = Field(None, description="This person and everyone under them.", examples=["head_stores"])

    @model_validator(mode="after")
    def _exactly_one(self) -> AudienceSpec:
        """Exactly one key must be given."""
        given = [k for k in type(self).model_fields if getattr(self, k) is not None]
        if len(given) != 1:
            found = ", ".join(given) if given else "none"
            raise PydanticCustomError(
                "audience_keys",
                "an audience takes exactly one of max_level, min_level, department, subtree; found {found}",
                {"found": found},
            )
        return self


Audience = Annotated[
    Annotated[Literal["all"], Tag(ALL_TAG)] | Annotated[AudienceSpec, Tag(SPEC_TAG)],
    Discriminator(
        _audience_kind,
        custom_error_type="audience_type",
        custom_error_message=(
            "expected an audience: 'all' or one of {max_level: N}, {min_level: N}, {department: id}, {subtree: person}"
        ),
    ),
]


class Channel(Strict_):
    """An official channel with a schedule."""

    id: Slug = Field(description="Unique identifier of the channel.")
    name: TextValue | None = Field(
        None,
        description="Display name; defaults to the id.",
        examples=[{"en": "Weekly newsletter", "fr": "Lettre hebdomadaire"}],
    )
    kind: Literal["team_meeting", "broadcast"] = Field(
        "broadcast", description="team_meeting: a manager and their reports; broadcast: an audience."
    )
    audience: Audience | None = Field(None, description="Broadcast only: who receives it (default all).")
    every: Integer(1, MAX_SPAN) | None = Field(
        None, description="Turns between two slots; defaults to 5 for team meetings, 7 for broadcasts."
    )
    offset: Integer(1, MAX_SPAN) = Field(1, description="First turn with a slot.")
    attention: Unit = Field(0.5, description="Chance that a receiver absorbs what is published.")
    publishers: list[Slug] = Field(
        default_factory=list, description="Who may publish; empty = the default rule of the kind."
    )
    validation: Slug | None = Field(None, description="Id of the gate that must approve first.")


class Appears(Strict_):
    """Where and when a signal appears."""

    turn: Integer(1) = Field(1, description="Turn it appears (at most `turns`).")
    at: Slug = Field(description="Id of the person who receives it first.")


class Approval(Strict_):
    """Approval needed before exploiting."""

    level: Integer(0, MAX_SPAN) = Field(description="The exploiter's line manager at this level must know it.")


class Exploit(Strict_):
    """What it takes to turn a signal into value."""

    skills: list[Slug] = Field(default_factory=list, description="Skills the exploiter must all have.")
    min_fidelity: Unit = Field(0.5, description="Least fidelity the exploiter's copy must have.")
    approval: Approval | None = Field(None, description="Line-manager approval, if needed.")
    effort: Integer(0, MAX_SPAN) = Field(1, description="Turns of work once the conditions hold.")


class Signal(Strict_):
    """A piece of information from the market."""

    id: Slug = Field(description="Unique identifier of the signal.")
    title: TextValue | None = Field(None, description="What the signal says; defaults to the id.")
    appears: Appears = Field(description="Where and when it appears.")
    topics: list[Slug] = Field(default_factory=list, description="Topic tags.")
    value: Number(0, MAX_VALUE) = Field(100.0, description="Points it is worth at appearance.")
    decay: Unit = Field(0.05, description="Share of the value lost per turn.")
    virality: Unit = Field(0.2, description="Chance per tie and turn that a holder passes it on.")
    distortion: Unit = Field(0.05, description="Fidelity lost per network hop.")
    sensitivity: Unit = Field(0.1, description="Chance per network share that it leaks.")
    genuine: bool = Field(True, description="false for a rumour: exploiting it costs points.")
    exploit: Exploit = Field(default_factory=Exploit, description="Conditions to exploit it.")


class Reaction(Strict_):
    """The rival's reaction time to one signal, in turns from its appearance."""

    mean: Number(0, MAX_SPAN, lo_open=True) = Field(description="Mean turns until the rival exploits it.")
    spread: Number(0, MAX_SPAN) = Field(2.0, description="Standard deviation, turns.")


STYLE_REACTIONS = {"hierarchical": (12.0, 3.0), "balanced": (9.0, 2.5), "agile": (6.0, 2.0)}


class Competitor(Strict_):
    """The simulated rival."""

    name: TextValue | None = Field(None, description="Display name; defaults to 'The competitor'.")
    style: Literal["hierarchical", "agile", "balanced"] = Field(
        "hierarchical", description="Sets default reaction times (12/3, 6/2, 9/2.5 turns)."
    )
    reaction: dict[Slug, Reaction] = Field(
        default_factory=dict, description="Signal id -> reaction time, overriding the style."
    )
    leak_gain: Number(0, MAX_SPAN) = Field(2.0, description="Turns the rival gains per leak.")


class Event(Strict_):
    """Something scripted to happen at a turn."""

    turn: Integer(1) = Field(description="Turn it happens (at most `turns`).")
    kind: Literal["absence", "message", "reorg"] = Field(description="What happens.")
    text: TextValue = Field("", description="Message shown to the players.")
    person: Slug | None = Field(None, description="Absence and reorg: who is concerned.")
    duration: Integer(1, MAX_SPAN) | None = Field(None, description="Absence: turns away (1).")
    manager: Slug | None = Field(None, description="Reorg: the person's new manager.", examples=["cpo"])


class PaceSpec(Strict_):
    """How fast the line and the grapevine move on their own."""

    one_to_one: Integer(0, MAX_SPAN) = Field(
        3, description="Turns between a manager's one-to-ones with each report (staggered); 0 for none."
    )
    urgent_cost: Integer(1, 50) = Field(
        2, description="Action points an urgent escalation or delegation costs (it skips the calendar)."
    )
    word_of_mouth: Unit = Field(
        0.1, description="Chance per turn that someone who knows a signal brings it up unprompted (× openness)."
    )


LABEL_EXAMPLE = {"furnaces": {"en": "furnaces", "fr": "fours"}}


class Labels(Strict_):
    """Names players read, in each language, for things the file names only by id or in one language."""

    tags: dict[Slug, TextValue] = Field(
        default_factory=dict,
        description="Skill or topic tag -> its name (skills and topics share one vocabulary); "
        "unlabelled tags show as the tag with spaces.",
        examples=[LABEL_EXAMPLE],
    )
    channels: dict[Slug, TextValue] = Field(
        default_factory=dict,
        description="Channel id -> its name in the languages its `name` lacks.",
        examples=[{"managers_letter": {"en": "Managers' letter", "fr": "Lettre aux managers"}}],
    )
    communities: dict[Slug, TextValue] = Field(
        default_factory=dict,
        description="Community id -> its name in the languages its `name` lacks.",
        examples=[{"app_fans": {"fr": "Bêta-testeurs de l'appli"}}],
    )
    departments: dict[Slug, TextValue] = Field(
        default_factory=dict,
        description="Department id -> its name in the languages its `name` lacks.",
        examples=[{"stores": {"fr": "Magasins"}}],
    )
    titles: dict[str, TextValue] = Field(
        default_factory=dict,
        description="Job title as the file writes it (in its own language) -> that title in the languages it "
        "lacks; every person and generated block with that title gets them.",
        examples=[{"Store staff": {"fr": "Personnel de magasin"}}],
    )


class ScenarioFile(Strict_):
    """A whole scenario file."""

    format: Annotated[int, AfterValidator(_check_format)] = Field(description="Version of the file format; always 1.")
    id: Slug = Field(description="Unique identifier of the scenario.")
    title: TextValue = Field(description="Title shown to the players.")
    summary: TextValue = Field("", description="A few sentences setting the scene.")
    language: Language = Field("en", description="Language of the plain (non-map) texts in the file.")
    turns: Integer(1, 500) = Field(description="Length of the game, in turns.")
    turn_unit: str = Field("turn", description="What a turn stands for (a label: day, week...).")
    action_points: Integer(1, 50) = Field(3, description="Actions per team per turn.")
    seed: Integer(0) = Field(1, description="Default random seed.")
    visibility: Visibility = Field(default_factory=Visibility, description="Fog of war settings.")
    pace: PaceSpec = Field(default_factory=PaceSpec, description="The line's calendar, urgency and word of mouth.")
    organization: Organization = Field(description="Departments, people and the informal network.")
    validation: list[Gate] = Field(default_factory=list, description="Validation gates.")
    channels: list[Channel] = Field(default_factory=list, description="Official channels.")
    signals: list[Signal] = Field(min_length=1, description="Signals to race for.")
    competitor: Competitor = Field(default_factory=Competitor, description="The simulated rival.")
    events: list[Event] = Field(default_factory=list, description="Scripted events.")
    objectives: list[TextValue] = Field(
        default_factory=list,
        description="Learning objectives shown before the game.",
        examples=[[{"en": "Find who can act on a signal", "fr": "Trouver qui peut agir sur un signal"}]],
    )
    debrief_questions: list[TextValue] = Field(
        default_factory=list,
        description="Questions for the debrief.",
        examples=[[{"en": "Who knew first?", "fr": "Qui a su en premier ?"}]],
    )
    labels: Labels = Field(
        default_factory=Labels,
        description="Names of skills, topics, channels, communities, departments and job titles in each language.",
    )


def json_schema() -> dict:
    """The JSON Schema of a scenario file, for editors: every key with a description and its default."""
    schema = ScenarioFile.model_json_schema()
    _complete(schema, ScenarioFile)
    for model in _models():
        if model.__name__ in schema.get("$defs", {}):
            _complete(schema["$defs"][model.__name__], model)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Signal Race scenario"
    return schema


def _models() -> list[type[BaseModel]]:
    """Every model of the format."""
    return [m for m in globals().values() if isinstance(m, type) and issubclass(m, Strict_) and m is not Strict_]


def _complete(definition: dict, model: type[BaseModel]) -> None:
    """Fill in what pydantic leaves out: defaults made by factories, descriptions it drops next to a $ref."""
    for name, info in model.model_fields.items():
        prop = definition["properties"][name]
        if "description" not in prop and info.description:
            prop["description"] = info.description
        if info.default_factory is not None and "default" not in prop:
            made = info.default_factory()
            prop["default"] = made.model_dump(mode="json", exclude_none=True) if isinstance(made, BaseModel) else made
        if name in TRAIT_DEFAULTS and model in (Person, Traits):  # None in the model only to catch a trait given twice
            prop["default"] = TRAIT_DEFAULTS[name]
