"""The directory's open data, rebuilt with every build from the same programme views as the pages.

- `programmes_json`: data/programmes.json, the directory's own format, both languages in one file;
- `hsds`: an Open Referral HSDS 3.0 snapshot per language, laid out as the API's endpoints, and
  `openapi`: the description of what that snapshot answers;
- `spreadsheet`: data/programmes.csv and the Frictionless datapackage.json that describes it;
- `jsonld`: schema.org JSON-LD in the front matter of each programme page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from generator.formats import api_json_text, json_text
from generator.pages.opendata import hsds, jsonld, openapi, spreadsheet
from generator.pages.opendata.programmes_json import open_data
from generator.pages.urls import DATA_PACKAGE, HSDS_ANSWERS, OPENAPI, PROGRAMMES_CSV, PROGRAMMES_JSON, hsds_endpoint
from generator.pages.views import ProgrammeView


@dataclass(frozen=True)
class OpenData:
    """Every open-data file of one build, computed per language from the programme views."""

    programmes: list[ProgrammeView]

    def files(self, lang: str, base_url: str, changes: dict[str, datetime.datetime]) -> dict[str, str]:
        """The files staged beside one language's pages (so MkDocs copies them and checks links to them), by path; `changes` gives when each record file last changed."""
        files = {PROGRAMMES_JSON: json_text(open_data(self.programmes))}
        snapshot = hsds.snapshot(self.programmes, lang, base_url, changes)
        for folder, data in snapshot.items():
            files.update(dict.fromkeys((folder + name for name in HSDS_ANSWERS), api_json_text(data)))
        examples = {name: snapshot[hsds_endpoint(name)]["contents"][0]["id"] for name, _, _ in openapi.ENDPOINTS if snapshot[hsds_endpoint(name)]["contents"]}
        files[OPENAPI] = json_text(openapi.openapi(lang, base_url, examples))
        package = spreadsheet.data_package(base_url)
        files[PROGRAMMES_CSV] = spreadsheet.checked(spreadsheet.programmes_csv(self.programmes, base_url), package)
        files[DATA_PACKAGE] = json_text(package)
        return files

    def with_json_ld(self, docs: dict[str, str], lang: str, base_url: str) -> dict[str, str]:
        """The staged pages, each programme page with its schema.org JSON-LD in its front matter."""
        pages = {view.path: view for view in self.programmes}
        return {path: jsonld.with_json_ld(text, jsonld.page(pages[path], lang, base_url)) if path in pages else text for path, text in docs.items()}
