"""What rule tests share: a stand-in for the eligibility report, built from target statuses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class StatusReport:
    """Stand-in for EligibilityReport: worker_id → target status (True, False, None); absent ids are
    ``default``."""

    status: dict
    default: bool | None = None

    @property
    def by_id(self):
        return self.status

    def is_target(self, wid):
        return self.status.get(wid, self.default)
