"""What `ei validate` says about one file: its JSON entry and its one-line summary."""

from __future__ import annotations

from pathlib import Path

from ei_cli.problems import display_path
from ei_cli.workbook.reader import read_workbook


def validation_entry(path: Path) -> dict:
    """``{file, valid, enterprise, workers, pay_rows, follow_ups, problems}``; the enterprise (the common
    ``enterprise`` object of spec/cli.md) and the counts are null when not valid."""
    result = read_workbook(Path(path))
    e = result.enterprise
    return {
        "file": display_path(path),
        "valid": result.valid,
        "enterprise": e.to_dict() if e else None,
        "workers": len(e.workers) if e else None,
        "pay_rows": len(e.pay) if e else None,
        "follow_ups": len(e.follow_ups) if e else None,
        "problems": list(result.problems),
    }


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def validation_line(entry: dict, lang: str = "fr") -> str:
    """"ei-wallonie.xlsx : valide (15 travailleurs, 180 lignes de paie, 60 actions de suivi)"."""
    errors = sum(1 for p in entry["problems"] if p.is_error)
    warnings = len(entry["problems"]) - errors
    en = lang == "en"
    if entry["valid"]:
        counts = (
            f"{_plural(entry['workers'], 'worker', 'workers')}, {_plural(entry['pay_rows'], 'pay row', 'pay rows')}, "
            f"{_plural(entry['follow_ups'], 'follow-up action', 'follow-up actions')}"
            if en else
            f"{_plural(entry['workers'], 'travailleur', 'travailleurs')}, "
            f"{_plural(entry['pay_rows'], 'ligne de paie', 'lignes de paie')}, "
            f"{_plural(entry['follow_ups'], 'action de suivi', 'actions de suivi')}"
        )
        state = "valid" if en else "valide"
        if warnings:
            state += ", " + (_plural(warnings, "warning", "warnings") if en
                             else _plural(warnings, "avertissement", "avertissements"))
        return f"{entry['file']}{': ' if en else ' : '}{state} ({counts})"
    parts = [_plural(errors, "error", "errors") if en else _plural(errors, "erreur", "erreurs")]
    if warnings:
        parts.append(_plural(warnings, "warning", "warnings") if en
                     else _plural(warnings, "avertissement", "avertissements"))
    verdict = "not valid" if en else "non valide"
    return f"{entry['file']}{': ' if en else ' : '}{verdict}, {', '.join(parts)}"
