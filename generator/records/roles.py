"""Which referrer roles each jurisdiction has: a programme answers for the roles of the places it serves.

Roles carry their own country's institutions (Cafcass in England, Cafcass
Cymru in Wales, the Raad voor de Kinderbescherming in the Netherlands), so a
role from another country never appears beside a programme as "not stated".
The roles every country has (the father himself, a GP, a health visitor or
midwife, any other professional) are listed for every programme.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.records.geography import Jurisdiction
from generator.records.model import Referrer

_ENGLAND_AND_WALES = frozenset({Jurisdiction.ENG, Jurisdiction.WLS})

JURISDICTIONS_OF: dict[Referrer, frozenset[Jurisdiction]] = {
    Referrer.social_worker: frozenset({Jurisdiction.ENG, Jurisdiction.WLS, Jurisdiction.SCT, Jurisdiction.NIR}),
    Referrer.probation_officer: frozenset({Jurisdiction.ENG, Jurisdiction.WLS, Jurisdiction.NIR}),
    Referrer.cafcass: frozenset({Jurisdiction.ENG}),
    Referrer.cafcass_cymru: frozenset({Jurisdiction.WLS}),
    Referrer.family_court: _ENGLAND_AND_WALES,
    Referrer.youth_protection: frozenset({Jurisdiction.NL}),
    Referrer.youth_probation: frozenset({Jurisdiction.NL}),
    Referrer.dutch_probation: frozenset({Jurisdiction.NL}),
    Referrer.child_protection_board: frozenset({Jurisdiction.NL}),
    Referrer.veilig_thuis: frozenset({Jurisdiction.NL}),
    Referrer.neighbourhood_team: frozenset({Jurisdiction.NL}),
}
"""The jurisdictions whose institutions a role belongs to; a role not named here is one every country has."""


def is_shared(role: Referrer) -> bool:
    """True for a role every country has (the father himself, GP, health visitor or midwife, any other professional)."""
    return role not in JURISDICTIONS_OF


def roles_for(jurisdictions: Iterable[Jurisdiction]) -> list[Referrer]:
    """The roles of the given jurisdictions and the shared ones, in the model's order."""
    served = set(jurisdictions)
    return [role for role in Referrer if is_shared(role) or JURISDICTIONS_OF[role] & served]


def role_places(role: Referrer) -> list[Jurisdiction]:
    """Where a role belongs, in the model's order of jurisdictions; empty for a shared role."""
    return [j for j in Jurisdiction if j in JURISDICTIONS_OF.get(role, ())]
