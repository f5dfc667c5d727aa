"""`check` spell-checks the records' Dutch with hunspell; an editor's change that `check` passes also builds.

The cases of a misspelt word, an undeclared name and a declared one are in
tests/bad_records/ (dutch-misspelt, dutch-undeclared-name, dutch-declared-name).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.records import spelling

from .conftest import TODAY, copy_fixture_project, fixture_files

BASE = Path(__file__).resolve().parent / "bad_records" / "base.yaml"

# A made-up provider as an editor would add it: new ids, Welsh place names in its Dutch, declared as names.
WELSH_PROVIDER = """\
provider:
  id: north-wales-dads
  name:
    en: North Wales Dads
    nl: North Wales Dads
  short_name: NWD
  other_names:
    - name: Llandudno Junction
      lang: en
    - name: Rhyl
      lang: en
  country: GB
  about:
    en: A made-up service with groups in Llandudno Junction and Rhyl.
    nl: Een verzonnen dienst met groepen in Llandudno Junction en Rhyl.
  website: https://north-wales-dads.example.org
  contacts:
    - id: team
      role:
        en: Programme team
        nl: Programmateam
      email: team@north-wales-dads.example.org
      phone: "01234 567891"

programmes:
  - id: north-wales-dads-group
    name:
      en: North Wales Dads Group
      nl: North Wales Dads Group
    model: Caring Dads
    status: active
    summary:
      en: A group course for fathers in Llandudno Junction and Rhyl.
      nl: Een groepscursus voor vaders in Llandudno Junction en Rhyl.
    description:
      - en: Fathers meet weekly, in Rhyl or in Llandudno Junction.
        nl: Vaders komen wekelijks bij elkaar, in Rhyl of in Llandudno Junction.
    format:
      kind: group
      sessions: unknown
      weeks: unknown
      hours: unknown
      frequency: unknown
      facilitators: unknown
      delivery_modes:
        - in_person
      voluntary: true
    cost: unknown
    for_whom:
      - en: Fathers who live in North Wales.
        nl: Vaders die in Noord-Wales wonen.
    country: GB
    areas:
      - code: W06000003
        name:
          en: Conwy
          nl: Conwy
      - code: W06000004
        name:
          en: Denbighshire
          nl: Denbighshire
    residency_rule: unknown
    referral_routes:
      - referrer: cafcass_cymru
        allowed: false
        channel: unknown
        response_time: unknown
        source: leaflet
      - referrer: social_worker
        allowed: true
        channel:
          kind: email
          description:
            en: E-mail the referral form to the team.
            nl: Mail het aanmeldformulier naar het team.
          address: team@north-wales-dads.example.org
          contact: team
        response_time: unknown
        source: leaflet
    partner_support: unknown
    contacts:
      - team
    sources:
      - leaflet

sources:
  - id: leaflet
    title:
      en: North Wales Dads leaflet
      nl: Folder van North Wales Dads
    publisher: North Wales Dads
    published: undated
    url: https://north-wales-dads.example.org/leaflet

last_reviewed: {today}
"""


def test_the_names_a_record_declares_include_its_venues_and_organisations() -> None:
    wales = next(item for item in fixture_files() if item.record.provider.id == "wales")
    names, texts = spelling.names_and_texts(wales)
    assert {"Tadau", "Cymdeithas", "Enghreifftiol", "Conwy", "Denbighshire"} <= names
    assert ("programmes", 0, "summary", "nl") in [path for path, _ in texts]
    assert not any(path[-2:] == ("name", "nl") for path, _ in texts), "a name is declared, not spell-checked"


def test_words_keep_compounds_and_leave_out_addresses() -> None:
    text = "Het Caring Dads-team (team@example.org, https://example.org/a-b) helpt 3 vaders; DVPP's."
    assert spelling.words(text) == {"Het", "Caring", "Dads-team", "helpt", "vaders", "DVPP's"}


@pytest.mark.parametrize("missing", ["/nonexistent/hunspell", "false"], ids=["no hunspell", "no Dutch dictionary"])
def test_without_hunspell_check_says_once_that_the_spelling_was_not_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], missing: str) -> None:
    """`false` stands for hunspell without its nl_NL dictionary: it runs, and fails."""
    monkeypatch.setattr(spelling, "HUNSPELL", missing)
    monkeypatch.setattr(spelling, "_verdicts", {})  # what an earlier test's hunspell said is not known here
    (tmp_path / "services").mkdir()
    for name in ("first", "second"):
        text = BASE.read_text(encoding="utf-8").replace("id: example", f"id: {name}").replace("example-page", f"{name}-page")
        (tmp_path / "services" / f"{name}.yaml").write_text(text, encoding="utf-8")
    assert main(["--root", str(tmp_path), "--today", TODAY.isoformat(), "check", "--strict"]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "services/first.yaml:1: notice: the Dutch spelling of the records was not checked (in any file), because hunspell or its Dutch "
        "dictionary is not installed; install them (on Debian or Ubuntu: apt-get install hunspell hunspell-nl) and run the check again",
        "0 error(s), 0 warning(s), 1 notice(s)",
    ]
    assert "Traceback" not in err


@pytest.mark.slow
def test_an_editor_who_reviews_today_and_adds_a_provider_passes_check_and_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The editor's path: every record reviewed today, a new provider added; `check --strict` passes, so the build does too."""
    today = datetime.date.today().isoformat()
    root = copy_fixture_project(tmp_path / "project")
    for record in (root / "services").glob("*.yaml"):
        text = record.read_text(encoding="utf-8")
        record.write_text(re.sub(r"^last_reviewed: .*$", f"last_reviewed: {today}", text, flags=re.M), encoding="utf-8")
    (root / "services" / "north-wales-dads.yaml").write_text(WELSH_PROVIDER.format(today=today), encoding="utf-8")
    assert main(["--root", str(root), "--today", today, "check", "--strict"]) == 0, capsys.readouterr().err
    assert main(["--root", str(root), "--today", today, "build", "--strict"]) == 0, capsys.readouterr().err
    page = root / "site" / "nl" / "programmes" / "north-wales-dads-group" / "index.html"
    assert '<span lang="en">Llandudno Junction</span>' in page.read_text(encoding="utf-8")
