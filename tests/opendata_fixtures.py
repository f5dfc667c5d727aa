"""Programme views of the fixture records, and variants of them, for the open-data tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.build import plan
from generator.pages.answers import RouteEntry, Verdict
from generator.pages.views import ProgrammeView
from generator.records.load import load_services
from generator.records.model import Area, Country, Referrer, Text

HERE = Path(__file__).resolve().parent
BASE_URL = "https://directory.example.org/"


def fixture_views() -> list[ProgrammeView]:
    """The programme views of tests/fixtures/services/, as the build makes them."""
    files, problems = load_services(HERE / "fixtures" / "services", HERE)
    assert not problems, [str(p) for p in problems]
    views = plan(files)[1].programmes
    assert views
    return views


def dutch_view(view: ProgrammeView) -> ProgrammeView:
    """The same programme run in the whole of the Netherlands, with another id."""
    programme = view.programme.model_copy(
        update={"id": "example-nl", "country": Country.NL, "areas": [Area(code="NL", name=Text(en="The Netherlands", nl="Nederland"))]}
    )
    return dataclasses.replace(view, programme=programme)


def with_status(view: ProgrammeView, status: str) -> ProgrammeView:
    """The programme with another status, including the plain word unknown that the model may give."""
    return dataclasses.replace(view, programme=view.programme.model_copy(update={"status": status}))


@dataclasses.dataclass(frozen=True)
class _Refused(RouteEntry):
    """A referrer the programme excludes without a route of its own: verdict no, route None."""

    @property
    def verdict(self) -> Verdict:
        return Verdict.no


def with_refusal_without_route(view: ProgrammeView, referrer: Referrer) -> ProgrammeView:
    """The programme saying no to a referrer with no route behind the answer, as the model may."""
    routes = [_Refused(e.referrer, None) if e.referrer == referrer else e for e in view.routes]
    return dataclasses.replace(view, routes=routes)
