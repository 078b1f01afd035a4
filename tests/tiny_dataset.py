"""A small data set written from a test: the least a subject needs, plus what a test adds."""

from __future__ import annotations

from pathlib import Path

from sectorlens.store.refdata import OBS_COLUMNS, TARGET_COLUMNS

SUBJECT = """\
id: {id}
title: {{ko: 작은 시험 주제, en: A small test subject}}
scope: {{countries: [ZZ]}}
home_currency: EUR
currency: {{ko: KRW, en: USD}}
sections:
  - id: size
    kind: series
    title: {{ko: 규모, en: Size}}
    where: {{metric: size}}
"""


def write_dataset(
    root: Path,
    dataset_id: str = "tiny",
    rows: list[dict[str, str]] | None = None,
    subject: str | None = None,
    extra: dict[str, str] | None = None,
) -> Path:
    """Write a data set to ``root`` and return it; ``rows`` are observation fields by column."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "subject.yaml").write_text(subject or SUBJECT.format(id=dataset_id), "utf-8")
    (root / "sources.yaml").write_text(
        f"- source_id: {dataset_id}_src\n  title: A test source\n", "utf-8"
    )
    (root / "observations").mkdir(exist_ok=True)
    default = [
        {"obs_id": f"{dataset_id}_a", "metric": "size", "value": "10", "unit": "money",
         "currency": "EUR", "period_start": "2020-01-01", "period_end": "2020-12-31"},
        {"obs_id": f"{dataset_id}_b", "metric": "size", "value": "12", "unit": "money",
         "currency": "EUR", "period_start": "2021-01-01", "period_end": "2021-12-31"},
    ]  # fmt: skip
    lines = [",".join(OBS_COLUMNS)]
    for row in rows if rows is not None else default:
        full = {"qualifier": "exact", "status": "actual", "source_id": f"{dataset_id}_src", **row}
        lines.append(",".join(full.get(c, "") for c in OBS_COLUMNS))
    (root / "observations" / "figures.csv").write_text("\n".join(lines) + "\n", "utf-8")
    (root / "policies.yaml").write_text("[]\n", "utf-8")
    (root / "targets.csv").write_text(",".join(TARGET_COLUMNS) + "\n", "utf-8")
    for name, text in (extra or {}).items():
        (root / name).write_text(text, "utf-8")
    return root
