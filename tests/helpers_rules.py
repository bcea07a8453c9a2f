"""What rule tests share: a stand-in for the eligibility report, built from target statuses; a shipped
regime with some of its figures changed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path


def one_person(*rows):
    """The worker rows as one person's employment contracts here (one national number, ids kept)."""
    return [replace(w, national_number="90040410148") for w in rows]


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


@dataclass
class CategoryEntry:
    category: str
    missing: tuple = ()
    definition: object = None   # WorkerEligibility's eligibility.definition Value; none in these stubs

    @property
    def target_public(self):
        return None if self.category == "unknown" else self.category != "not_target"


class CategoryReport:
    """Stand-in for EligibilityReport: worker_id → category (« TD », « target », « not_target », « unknown »…)."""

    def __init__(self, categories: dict[str, str]):
        self.by_id = {k: CategoryEntry(v) for k, v in categories.items()}

    def category(self, wid):
        return self.by_id[wid].category

    def is_target(self, wid):
        return self.by_id[wid].target_public

    def counts(self, worker_ids=None) -> dict[str, int]:
        """Workers by category, in order of first appearance (all of them, or those of ``worker_ids``)."""
        out: dict[str, int] = {}
        for wid, entry in self.by_id.items():
            if worker_ids is None or wid in worker_ids:
                out[entry.category] = out.get(entry.category, 0) + 1
        return out


def regime_with(regime_id: str, tmp_path: Path, changes: dict[str, tuple[str, str]]):
    """The regime file with, in each named parameter's table, ``value = old`` replaced by ``value = new``:
    to show that a text or a result follows the regime's figure, not one written in the code."""
    from ei_cli.regimes import load_regime_file

    text = (Path(__file__).parent.parent / "ei_cli" / "regimes" / f"{regime_id}.toml").read_text(encoding="utf-8")
    for key, (old, new) in changes.items():
        head = text.index(f"[{key}]")
        end = text.index("\n[", head + 1)
        table = text[head:end]
        assert table.count(f"value = {old} ") == 1
        text = text[:head] + table.replace(f"value = {old} ", f"value = {new} ") + text[end:]
    path = tmp_path / f"{regime_id}.toml"
    path.write_text(text, encoding="utf-8")
    return load_regime_file(path)


def check_line(path: Path, name: str, year: int, regime=None) -> dict:
    """``ei check``'s JSON line of check ``name`` (``checks[]``) for the workbook ``path`` and calendar
    ``year``, under ``regime`` (default: the one ``ei check`` selects)."""
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime
    from ei_cli.rules.dashboard import run_checks
    from ei_cli.workbook import read_workbook

    enterprise = read_workbook(Path(path)).enterprise
    period = Period.calendar_year(year)
    [result] = run_checks(enterprise, regime or select_regime(enterprise, period)[0], period, only=(name,))
    return result.to_dict()


# Worker ids in Personnel row order, and the one order every output lists them in (``model.worker_order``:
# numbers by value, « 10 » after « 9 »): the tests that every list follows it.
SHEET_IDS = ("9", "10", "2", "1", "11")
IN_WORKER_ORDER = ["1", "2", "9", "10", "11"]
