"""Regenerate the sample workbooks in sample_data/ (deterministic: same code, same files' data).

    /work/venv/bin/python scripts/make_sample_data.py [OUT_DIR]

The data are built by ``ei_cli.workbook.sample`` (also used by ``ei init --sample`` and the tests);
this script only writes them, atomically.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from ei_cli.output import write_with
from ei_cli.workbook.sample import build_brussels_sample, build_walloon_sample
from ei_cli.workbook.template import write_template

SAMPLES = {
    "ei-wallonie.xlsx": build_walloon_sample,
    "ei-bruxelles.xlsx": build_brussels_sample,
}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "sample_data"
    out.mkdir(parents=True, exist_ok=True)
    for name, build in SAMPLES.items():
        path = out / name
        # Sample files hold only fictitious data: readable by everyone (0644), unlike user outputs.
        write_with(path, partial(_write, sample=build()), mode=0o644)
        print(f"écrit : {path}")
    return 0


def _write(path: Path, sample: dict) -> None:
    write_template(path, **sample)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
