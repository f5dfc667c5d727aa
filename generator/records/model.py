"""The record schema: the one source of truth for what a provider file holds.

Every field carries a description written for editors: the JSON Schema that
VS Code uses, and the field reference in CONTRIBUTING.md, are exported from
these descriptions, never written by hand.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Literal, TypeGuard, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetJsonSchemaHandler

from generator.records.geography import CODE_EXAMPLES, CODE_PATTERN, Jurisdiction, code_problem, jurisdiction_of

UNKNOWN = "unknown"
Unknown = Literal["unknown"]
"""The value an editor writes where the source does not publish a fact."""

T = TypeVar("T")


def known(value: T | Unknown | None) -> TypeGuard[T]:
    """True where the record gives the fact: not `unknown`, not left out. The one test of “published or not”, for code and templates (`is known`)."""
    return value is not None and value != UNKNOWN


# The patterns are written so that Python and JavaScript read them alike (no
# flags), because the JSON Schema hands them to editors' tools as well.
_UNSAFE_PATTERN = r"<\s*[a-zA-Z/!?]|[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]\s*:|\{\s*[:#.]|&#|\]\s*\("
UNSAFE = re.compile(_UNSAFE_PATTERN)
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_EMAIL_PATTERN = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
# Digits in groups, split by a space or hyphen, with any area code in brackets that close where they open, like
# +44 (0)20 7946 0000 or (020) 7946 0000: at least seven digits. Groups are split so that a long run of
# digits can be matched one way only, which keeps a hostile value from making the pattern backtrack.
PHONE_PATTERN = r"(?=(?:[^0-9]*[0-9]){7})\+?(?:\([0-9]+\)[ -]?)?[0-9]+(?:[ -]+(?:\([0-9]+\)[ -]?)?[0-9]+|\([0-9]+\)[ -]?[0-9]+)*"
_URL_PATTERN = r"""https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:/[^\s<>"']*)?"""
# Matched with fullmatch: “$” would let a value end in a line break (“https://example.org/\n”).
_EMAIL = re.compile(_EMAIL_PATTERN)
_PHONE = re.compile(PHONE_PATTERN)
_URL = re.compile(_URL_PATTERN)


@dataclass(frozen=True)
class _SchemaPattern:
    """What a validator checks, told to editors' tools: a JSON Schema pattern and the message VS Code shows.

    The validators stay the judges (`check` says more than a pattern can);
    this lets VS Code flag the same mistakes while the editor types.
    """

    pattern: str
    message: str

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        schema = handler(core_schema)
        return {**schema, "pattern": self.pattern, "patternErrorMessage": self.message}


def _or_unknown(pattern: str) -> str:
    return f"^(?:{UNKNOWN}|{pattern})$"


def _plain_text(value: str) -> str:
    """Refuse text that would put HTML, script or a Markdown link into a page."""
    if not value.strip():
        raise ValueError("is empty: write the text, or remove the field")
    found = UNSAFE.search(value)
    if found:
        raise ValueError(
            f"contains “{found.group(0)}”, which looks like HTML, script or a link; "
            "write plain text only"
        )
    return value.strip()


def _email(value: str) -> str:
    if value != UNKNOWN and not _EMAIL.fullmatch(value):
        raise ValueError(f"“{value}” is not an e-mail address (like team@example.org), or write unknown")
    return value


def _phone(value: str) -> str:
    if value != UNKNOWN and not _PHONE.fullmatch(value):
        raise ValueError(
            f"“{value}” is not a phone number: use digits, spaces and an optional leading +, with any area code "
            "in brackets, like \"+44 (0)20 7946 0000\", in quotes, or write unknown"
        )
    return value


_FILE_NAME_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]*"
_FILE_NAME = re.compile(_FILE_NAME_PATTERN)


def _file_name(value: str) -> str:
    # A name in the folder of source documents, never a path: "../x" would let the report tell whether a file outside it exists.
    if not _FILE_NAME.fullmatch(value):
        raise ValueError(f"“{value}” is not a file name: write the name of the file in the folder of source documents, without a folder, like 000_5e80289e4ba53dda.txt")
    return value


def _area_code(value: str) -> str:
    problem = code_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _url(value: str) -> str:
    if value != UNKNOWN and not _URL.fullmatch(value):
        raise ValueError(f"“{value}” is not a web address starting with https://, or write unknown")
    return value


PlainText = Annotated[
    str,
    AfterValidator(_plain_text),
    _SchemaPattern(
        f"^(?![\\s\\S]*(?:{_UNSAFE_PATTERN}))[\\s\\S]*\\S",
        "This would put HTML, a script or a link into the page: write plain text only "
        "(no < > tags, “javascript:”, [text](address) links or {: …} markup).",
    ),
]
Slug = Annotated[str, Field(pattern=SLUG, min_length=2, max_length=60)]
Email = Annotated[
    str, AfterValidator(_email), _SchemaPattern(_or_unknown(_EMAIL_PATTERN), "Not an e-mail address (like team@example.org); or write unknown.")
]
Phone = Annotated[
    str,
    AfterValidator(_phone),
    _SchemaPattern(_or_unknown(PHONE_PATTERN), "Not a phone number: use digits, spaces and an optional leading +, with any area code in brackets (like +44 (0)20 7946 0000), in quotes; or write unknown."),
]
AreaCode = Annotated[
    str,
    AfterValidator(_area_code),
    _SchemaPattern(CODE_PATTERN, f"Not an official area code: write {CODE_EXAMPLES}."),
]
LanguageTag = Annotated[str, Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
"""A BCP 47 language tag, e.g. en, nl, cy (Welsh), fy (Frisian)."""
FileName = Annotated[
    str,
    Field(max_length=200),
    AfterValidator(_file_name),
    _SchemaPattern(f"^{_FILE_NAME_PATTERN}$", "Not a file name: write the name of the file, without a folder, like 000_5e80289e4ba53dda.txt."),
]
Url = Annotated[
    str, AfterValidator(_url), _SchemaPattern(_or_unknown(_URL_PATTERN), "Not a web address starting with https://; or write unknown.")
]


class Record(BaseModel):
    """Base of every part of a record: unknown keys are mistakes, not extras."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Record):
    """A text a reader reads, in English and in Dutch."""

    en: PlainText = Field(description="The English text.")
    nl: PlainText = Field(description="The Dutch text (Nederlandse tekst).")

    def get(self, lang: str) -> str:
        """Return the text in the given language."""
        return getattr(self, lang)


class _Essential:
    """The mark of a text a record means nothing without (a name, a summary, what a source is): `check` refuses unknown there."""


ESSENTIAL = _Essential()
EssentialText = Annotated[Text, ESSENTIAL]


class Name(Record):
    """A proper name, written once, with the language it is in."""

    name: PlainText = Field(description="The name as the organisation writes it.")
    lang: LanguageTag = Field(
        description="The language of the name, as a BCP 47 tag: en, nl, cy (Welsh), fy (Frisian) and so on. Pages mark a name in another language than the page's, so screen readers say it right."
    )


class Country(str, Enum):
    """Countries the directory covers (ISO 3166 codes)."""

    GB = "GB"
    NL = "NL"


class Referrer(str, Enum):
    """Who makes a referral: roles of one or more jurisdictions, then the roles every country has (roles.py says which is which)."""

    social_worker = "social_worker"
    probation_officer = "probation_officer"
    cafcass = "cafcass"
    cafcass_cymru = "cafcass_cymru"
    family_court = "family_court"
    youth_protection = "youth_protection"
    youth_probation = "youth_probation"
    dutch_probation = "dutch_probation"
    child_protection_board = "child_protection_board"
    veilig_thuis = "veilig_thuis"
    neighbourhood_team = "neighbourhood_team"
    gp = "gp"
    health = "health"
    professional = "professional"
    self = "self"


class Format(str, Enum):
    """How the programme is delivered to fathers."""

    group = "group"
    one_to_one = "one_to_one"


class DeliveryMode(str, Enum):
    """Where sessions take place."""

    in_person = "in_person"
    phone = "phone"
    online = "online"


class Status(str, Enum):
    """Whether the programme runs."""

    active = "active"
    pilot = "pilot"
    ended = "ended"


class ChannelKind(str, Enum):
    """How a referral is sent."""

    email = "email"
    referral_form = "referral_form"
    mosaic = "mosaic"
    phone = "phone"
    through_worker = "through_worker"


class Source(Record):
    """A document that facts in this file come from."""

    id: Slug = Field(description="A short name for the source, used by `sources:` lists in programmes, e.g. hacro-page.")
    title: EssentialText = Field(description="What the document is, e.g. “HACRO web page: Caring Dads and Dedicated Dads” or “Caring Dads leaflet (2025)”.")
    publisher: PlainText = Field(description="Who published the document.")
    published: datetime.date | Literal["undated"] = Field(
        description="The day the document was published, as YYYY-MM-DD (a press release's or a leaflet's date), or undated where the document gives none. A fact from a dated source is shown with its date, and a status from an old one is not shown as current."
    )
    document: FileName | None = Field(
        default=None,
        description="Leave this out: the directory's maintainers fill it in with the file name of the copy they keep in their shared source folder, e.g. 000_5e80289e4ba53dda.txt.",
    )
    url: Url | Unknown = Field(
        description="The web address of the original: the web page, or where the leaflet or report can be downloaded. For a printed leaflet that is not online, write unknown and say in the title what it is and when it was printed."
    )


class Area(Record):
    """An area a programme serves, as an official code with its name."""

    code: AreaCode = Field(
        description="The area's official code: an ONS code for a UK council, county or nation (E10000015 is Hertfordshire, W06000003 Conwy, W92000004 all of Wales), a CBS code for a Dutch gemeente (GM0363) or province (PV27), or NL for the whole Netherlands."
    )
    name: EssentialText = Field(description="The area's name as a reader sees it, e.g. Hertfordshire.")

    @property
    def id(self) -> str:
        """The area's code, which links and filters name it by."""
        return self.code

    def is_whole(self, country: Country) -> bool:
        """Whether the area is the whole of `country`: its code is the country's own (NL)."""
        return self.code == country.value


class Contact(Record):
    """A way to reach the provider. Team inboxes first; name people only where the source names them."""

    id: Slug = Field(description="A short name for this contact, used by referral routes, e.g. caring-dads-team.")
    role: Text = Field(description="What this contact is for, e.g. “Caring Dads team” or “Team leader”.")
    person: PlainText | None = Field(default=None, description="The person's name, only where the source names them.")
    email: Email = Field(description="The e-mail address, or unknown where the source does not publish it.")
    phone: Phone = Field(description="The phone number in quotes, or unknown.")
    note: Text | None = Field(default=None, description="Anything a reader should know, e.g. how quickly the team answers.")


class Channel(Record):
    """How a referral is sent."""

    kind: ChannelKind = Field(description="email, referral_form, mosaic, phone or through_worker.")
    description: Text = Field(description="What the referrer sends, and where, in a sentence.")
    address: Email | Unknown | None = Field(
        default=None,
        description="The e-mail address referrals go to, or unknown where the source leaves it out. Leave out for channels that are not e-mail.",
    )
    contact: Slug | None = Field(default=None, description="The id of the contact (under `contacts:`) that receives referrals.")


class Route(Record):
    """One way in: who may refer, and exactly how."""

    referrer: Referrer = Field(
        description="Who refers, one of the roles of the places the programme serves (CONTRIBUTING lists them): in England and Wales social_worker, probation_officer, cafcass (England), cafcass_cymru (Wales), family_court; in the Netherlands youth_protection (jeugdbescherming), youth_probation (jeugdreclassering), dutch_probation (reclassering), child_protection_board (Raad voor de Kinderbescherming), veilig_thuis, neighbourhood_team (wijkteam); everywhere gp, health (health visitor or midwife), professional (any other professional or agency) and self (the father himself)."
    )
    referrer_as: Text | None = Field(
        default=None,
        description="How the source names this referrer, where it says more than the role, e.g. “the worker for the child within Children and Families”.",
    )
    also_for: list[Referrer] = Field(
        default_factory=list,
        description="Other referrers for whom the source gives this same way in, word for word (e.g. a social worker or a probation officer), so the route is written once.",
    )
    allowed: bool = Field(description="true if this referrer may refer, false if the source says they may not.")
    conditions: list[Text] = Field(default_factory=list, description="Conditions that must be met first. Empty if the referrer may refer directly.")
    documents: list[Text] = Field(default_factory=list, description="Documents the referrer must send, e.g. the Section 7 report.")
    steps: list[Text] = Field(default_factory=list, description="The steps of the referral, in order.")
    channel: Channel | Unknown = Field(description="How the referral is sent, or unknown.")
    response_time: Text | Unknown = Field(description="How soon the provider answers, or unknown.")
    commitments: list[Text] = Field(default_factory=list, description="What the referrer commits to, e.g. attending review meetings.")
    also_needed: Text | None = Field(
        default=None,
        description="Where the route needs a second referrer too: who, and what they do, e.g. “a professional who knows the family also refers and attends the screening”. The answer is then yes on conditions.",
    )
    source: Slug = Field(description="The id of the source (under `sources:`) that states this route.")

    @property
    def referrers(self) -> list[Referrer]:
        """Every referrer this route is for: `referrer`, then `also_for`."""
        return [self.referrer, *self.also_for]


class Intake(Record):
    """Whether the provider is taking referrals, as a source says on the day it was published."""

    state: Literal["open", "waiting_list", "full", "closed"] = Field(
        description="open (taking referrals), waiting_list (taking referrals onto a waiting list), full (the current group is full) or closed (not taking referrals)."
    )
    note: Text | None = Field(default=None, description="What the source adds, e.g. “the next start date is to be confirmed”.")
    source: Slug = Field(description="The id of the source (under `sources:`) that says so; its date is shown with it.")


class CostCase(Record):
    """What the programme costs one group of fathers, where the cost depends on where they or their family live."""

    who: Text = Field(description="Whom this cost is for, in the source's words, e.g. “fathers living in the borough, or whose children do”.")
    cost: Text = Field(description="What it costs them, e.g. “Free” or “£150”.")
    source: Slug = Field(description="The id of the source (under `sources:`) that gives it.")


class OnlyRoutes(Record):
    """The source names the only way in, so every referrer without a route here may not refer."""

    through: Text = Field(
        description="The only way in, as the source names it, written to follow “only through”, e.g. “the child's allocated worker in Children and Families”."
    )
    source: Slug = Field(description="The id of the source (under `sources:`) that says these are the only routes.")


class OtherReferrers(Record):
    """What the source says that bears on the roles it does not name, e.g. that its form is for professionals."""

    note: Text = Field(
        description="The source's words, e.g. “The referral form is for use by professionals.” Shown beside every role whose answer is “not stated”, which it stays: nothing is derived from it."
    )
    source: Slug = Field(description="The id of the source (under `sources:`) that says it.")


class ProgrammeFormat(Record):
    """Format, duration and intensity."""

    # Every number has a ceiling far above any real one, so that an absurd number (10^25 sessions) is refused
    # on its line rather than passing the check and stopping the build.

    kind: Format | Unknown = Field(description="group or one_to_one, or unknown.")
    sessions: Annotated[int, Field(gt=0, le=500)] | Unknown = Field(description="How many sessions, or unknown.")
    weeks: Annotated[int, Field(gt=0, le=520)] | Unknown = Field(description="How many weeks the programme runs, or unknown.")
    hours: Annotated[float, Field(gt=0, le=2_000, allow_inf_nan=False)] | Unknown = Field(description="Contact hours in all, or unknown.")
    frequency: Text | Unknown = Field(description="How often sessions take place, e.g. “weekly, one evening a week”, or unknown.")
    group_size: Annotated[int, Field(gt=0, le=200)] | Unknown | None = Field(default=None, description="The largest number of fathers in a group, or unknown. Leave out for one-to-one programmes.")
    facilitators: Text | Unknown = Field(description="Who runs the sessions, or unknown.")
    delivery_modes: list[DeliveryMode] | Unknown = Field(description="in_person, phone and/or online, or unknown.")
    voluntary: bool | Unknown = Field(description="true if taking part is voluntary, or unknown.")


class Figure(Record):
    """A figure a source states (an outcome, the programme's own activity, an evaluation's finding or context about the area), with who states it and where it comes from."""

    kind: Literal["outcome", "activity", "evaluation", "context"] = Field(
        description="outcome for results of the programme as its provider states them; activity for what the programme itself did (referrals, participants, children reached); evaluation for findings of an evaluation; context for background figures about the area, such as local crime statistics."
    )
    value: Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False)] | None = Field(
        default=None,
        description="The number, e.g. 80 or 20906. Leave out, with unit, where the source states the figure in words only (“several dozens of children”): label then holds the whole statement.",
    )
    unit: Literal["percent", "count"] | None = Field(default=None, description="percent or count; leave out with value.")
    label: Text = Field(
        description="What the number counts, written to follow the number, e.g. “of fathers engaged”; without a value, the statement in the source's words, e.g. “has prevented several dozens of children from being taken into care”."
    )
    period: PlainText | Unknown = Field(description="The year or period the source gives the figure for, e.g. 2019/20, or unknown where the source gives none.")
    by: Text = Field(description="Who states the figure, as the source says, e.g. “Herts Constabulary” or “Wiltshire Council”.")
    basis: Text | None = Field(
        default=None,
        description="What the figure is from, in the source's words, e.g. “cases tracked as part of ongoing evaluation”. Leave out where the source does not say.",
    )
    source: Slug = Field(description="The id of the source (under `sources:`) that gives the figure.")


class Venue(Record):
    """A place where the programme meets, as the source names it."""

    id: Slug = Field(description="A short name for the venue, used by `courses:`, e.g. llandudno-junction.")
    name: Text = Field(description="The place as the source names it, e.g. Llandudno Junction.")
    area: AreaCode = Field(description="The official code of the area it lies in: one of the programme's `areas`.")
    address: PlainText | None = Field(default=None, description="The street address, only where the source publishes it.")


class Course(Record):
    """One run of the programme with a start date, from a source that gives it."""

    starts: datetime.date = Field(description="The day the course starts, as YYYY-MM-DD. Once it has passed, pages no longer show the course as upcoming.")
    when: Text | None = Field(default=None, description="The day and time of its sessions, where the source gives them, e.g. “Tuesdays, 6 to 8 pm”.")
    venue: Slug | Literal["online"] = Field(description="The id of the venue (under the programme's `venues:`), or online.")
    source: Slug = Field(description="The id of the source (under `sources:`) that gives the date.")


class Testimonial(Record):
    """What a participant or worker said. The speaker's role only, never a name."""

    quote: Text = Field(description="The words, as the source gives them; the other language is a translation.")
    speaker_role: Text | Unknown = Field(
        description="The speaker's role as the source gives it, e.g. “Service user” or “Social worker”; unknown where the source does not say who said it. Never a name."
    )
    source: Slug = Field(description="The id of the source (under `sources:`).")


class Organisation(Record):
    """An organisation the source names as taking part in a programme, and its part in it."""

    name: PlainText = Field(description="The organisation's name as the source writes it.")
    lang: LanguageTag = Field(description="The language of the name, as a BCP 47 tag (en, nl, cy ...).")
    part: Literal["runs", "manages", "partner", "licence_holder", "funder", "evaluator", "trainer"] = Field(
        description="What the source says it does: runs (delivers the sessions), manages, partner, licence_holder (of the programme model), funder, evaluator or trainer (gave training to those who deliver it)."
    )
    source: Slug = Field(description="The id of the source (under `sources:`) that names it.")


class Alternative(Record):
    """Another programme to point to when this one does not fit."""

    programme: Slug = Field(description="The id of the other programme.")
    when: Text = Field(description="When a reader should look at it instead.")


class Programme(Record):
    """One programme a provider runs."""

    id: Slug = Field(description="A short name, unique across all files, that becomes the page address, e.g. hacro-caring-dads.")
    name: EssentialText = Field(description="The programme's name as a reader sees it.")
    model: PlainText = Field(description="The programme model it delivers, e.g. Caring Dads.")
    status: Status | Unknown = Field(description="active, pilot or ended, or unknown where the source does not say whether it runs.")
    summary: EssentialText = Field(description="One or two sentences saying what the programme is, for tables and search.")
    description: list[Text] = Field(min_length=1, description="What the programme is and does, one paragraph per item.")
    aims: list[Text] = Field(default_factory=list, description="What the programme aims to achieve.")
    approaches: list[Text] = Field(default_factory=list, description="Methods it uses, e.g. motivational interviewing.")
    format: ProgrammeFormat = Field(description="Format, duration and intensity.")
    cost: Text | Unknown = Field(description="What it costs the father, or unknown. Where it depends on where he or his family live, write unknown here and each case under `costs`.")
    costs: list[CostCase] = Field(default_factory=list, description="Where the cost depends on where the father, his children or his (ex-)partner live: one entry per case the source gives.")
    intake: Intake | None = Field(default=None, description="Whether the provider is taking referrals now, where a dated source says: open, a waiting list, full or closed. Leave out where no source says.")
    for_whom: list[Text] = Field(min_length=1, description="Who the programme is for.")
    only_when: Text | None = Field(
        default=None,
        description="Where the source offers the programme only in one situation (e.g. only for a father already referred to another programme for whom it has no place): that situation. Shown wherever the programme is offered.",
    )
    entry_conditions: list[Text] = Field(
        default_factory=list, description="What must be true of the father before he can start: what a referrer can check."
    )
    provider_rules: list[Text] = Field(
        default_factory=list,
        description="How the provider decides, which a referrer cannot check beforehand, e.g. “the facilitator decides whether a father is suitable”.",
    )
    exclusions: list[Text] = Field(default_factory=list, description="Who the programme does not take.")
    country: Country = Field(description="The country: GB (United Kingdom) or NL (the Netherlands).")
    areas: list[Area] = Field(min_length=1, description="The areas the programme serves.")
    residency_rule: Text | Unknown = Field(description="Who counts as living in the area, e.g. “the father or his children live in Hertfordshire”, or unknown.")
    referral_routes: list[Route] = Field(
        default_factory=list,
        description="One entry per kind of referrer the source speaks of. Leave out a referrer the source says nothing about: the site then says “not stated by the provider”.",
    )
    other_referrers: OtherReferrers | None = Field(
        default=None,
        description="Where the source says something about referrers without naming them (e.g. “the form is for use by professionals”): its words. Every role the routes do not name still reads “not stated”, with these words beside it.",
    )
    only_routes: OnlyRoutes | None = Field(
        default=None,
        description="Where the source names the only way in (e.g. “referrals will come from colleagues within Children and Families”): what it is and which source says so. Every referrer without a route then reads “no, only through …”.",
    )
    venues: list[Venue] = Field(default_factory=list, description="Where the programme meets, where the source names places.")
    courses: list[Course] = Field(default_factory=list, description="Courses with a start date, from sources that give them, each at a venue or online.")
    partner_support: list[Text] | Unknown = Field(description="Support offered to the partner or mother, or unknown.")
    contacts: list[Slug] = Field(default_factory=list, description="Ids of the provider's contacts (under `contacts:`) for this programme, team inboxes first.")
    organisations: list[Organisation] = Field(
        default_factory=list,
        description="Other organisations the source names as taking part, with their part: who runs or manages it, partners, the licence holder, funders, evaluators.",
    )
    figures: list[Figure] = Field(default_factory=list, description="Figures of four kinds (outcomes, activity, evaluation findings, context), each with its source.")
    testimonials: list[Testimonial] = Field(default_factory=list, description="What participants or workers said.")
    alternatives: list[Alternative] = Field(default_factory=list, description="Programmes to look at when this one does not fit.")
    sources: list[Slug] = Field(min_length=1, description="Ids of the sources (under `sources:`) this programme's facts come from.")

    @property
    def jurisdictions(self) -> list[Jurisdiction]:
        """The jurisdictions the programme's areas lie in, in the model's order: whose referrer roles it answers for."""
        served = {jurisdiction_of(area.code) for area in self.areas}
        return [j for j in Jurisdiction if j in served]


class Provider(Record):
    """The organisation that runs programmes."""

    id: Slug = Field(description="A short name, unique across all files, that becomes the page address, e.g. hacro.")
    name: EssentialText = Field(description="The organisation's name as a reader sees it.")
    short_name: PlainText = Field(description="A short form for tables, e.g. HACRO.")
    member_organisations: list[Name] = Field(default_factory=list, description="Organisations that deliver together under this provider, with the language of each name.")
    other_names: list[Name] = Field(
        default_factory=list,
        description="Names of teams, services or forms that stay in their own language in both versions of a text (e.g. Refuge Floating Support in a Dutch text), so pages mark their language for screen readers.",
    )
    country: Country = Field(description="The country: GB (United Kingdom) or NL (the Netherlands).")
    about: Text = Field(description="A few sentences about the organisation, from the sources.")
    website: Url | Unknown = Field(description="The provider's web address, or unknown.")
    contacts: list[Contact] = Field(min_length=1, description="Ways to reach the provider. Team inboxes first.")


class ProviderFile(Record):
    """A whole file under services/: one provider, its programmes and its sources."""

    provider: Provider = Field(description="The organisation.")
    programmes: list[Programme] = Field(min_length=1, description="The programmes it runs.")
    sources: list[Source] = Field(min_length=1, description="The documents the facts in this file come from.")
    last_reviewed: datetime.date = Field(description="The day an editor last checked every fact in this file against its sources, as YYYY-MM-DD.")
