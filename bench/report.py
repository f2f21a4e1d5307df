"""Quantities, facts and dates on report-style sentences we wrote and labelled (bench/gold/report_quantities.jsonl).

The register of the held-out bars: government work reports and statistical bulletins. Scores quantity
recall and precision (same span and same value), approximate flag, kind, metric and change on the matched
quantities, traps wrongly extracted, and date resolution (same span, same start and end day) against the
reference date 2021-03-09.
Usage: python -m bench.report [--show]
"""

from __future__ import annotations

import argparse
import json
import math
from datetime import date
from pathlib import Path

from zhetl.pipeline import analyse_sentence

GOLD_DIR = Path(__file__).resolve().parent / "gold"
GOLD = GOLD_DIR / "report_quantities.jsonl"


def _sets(kind: str) -> list[Path]:
    """The ``report_quantities_<kind>N.jsonl`` sets in the order they were written."""
    found = GOLD_DIR.glob(f"report_quantities_{kind}[0-9]*.jsonl")
    return sorted(found, key=lambda path: int(path.stem.rpartition(kind)[2]))


# Each set after the first was written by another annotator who never saw the extractor's code or output
# (their notes are beside them). A new set starts blind: scored, but its misses are never printed, so no
# rule is tuned on it. When fresher blind sets arrive it is renamed devN and its misses are read (dev5 on
# 2026-11-23, dev6-8 when blind9-12 arrived, dev9-12 when blind13-15 arrived on 2026-12-02,
# dev13-15 when blind16-18 arrived later that day). dev19-21 were written as blind sets in new registers,
# scored once on arrival (metric 393/579 = 0.679 pooled) and then read at once: blind16-18 stay held out;
# dev22-24 the same way (406/574 = 0.707 on arrival), dev25-27 (422/580 = 0.728) and dev28-30, written in
# blind16-18's registers (432/589 = 0.733, when blind16-18 stood at 443/586 = 0.756), and dev31-33 in three new
# registers (442/582 = 0.759, when blind16-18 stood at 447/586 = 0.763), dev34-36 in three more (388/580 = 0.669)
# and dev37-39 in the registers closest to government reports (465/588 = 0.791). blind40-42, in those registers
# too, arrived next and stay held out with blind16-18 (471/595 = 0.792 on arrival, blind16-18 then 453/586).
# dev43-45 (county work reports, plan and budget execution reports, poverty-eradication results) were scored once
# on arrival (456/595 = 0.766 pooled) and then read; dev46-48 (provincial work reports, statistical bulletins, county
# poverty work reports) too (504/605 = 0.833 on arrival, with the rules from dev43-45 in place), and dev49-51
# (city work reports, rural poverty monitoring releases, department work summaries: 507/595 = 0.852 on arrival),
# dev52-54 (三农 parts of work reports, provincial statistical bulletins, county leaders' speeches: 525/599 = 0.876),
# dev55-57 (audit and rectification reports on poverty funds, county agriculture bureau summaries, township and
# village work-team summaries: 506/652 = 0.776), dev58-60 (national and provincial poverty-alleviation summaries,
# department work reports, eastern government work reports: 513/642 = 0.799) and dev61-63 (rural-revitalisation
# bureau summaries, whole county work reports, county media news: 516/629 = 0.820) and dev64-66 (east-west
# cooperation summaries, press-conference answers, plan execution reports: 492/626 = 0.786) and dev67-69 (living
# environment and infrastructure, social assistance and health, rural industry and finance: 455/626 = 0.727) and
# dev70-72 (western work reports, consolidation reports, county statistical bulletins: 481/596 = 0.807) and
# dev73-75 (people's congress inspection and CPPCC research reports, survey-based evaluation reports, relocation
# follow-up, ecological and photovoltaic poverty alleviation: 432/623 = 0.693) and dev76-78 (review sections of
# provincial and municipal work reports, county self-assessment reports, rural-revitalisation work summaries and
# plans: 517/621 = 0.833) and dev79-81 (national poverty-monitoring reports and press releases, provincial reports
# to the people's congress, work-plan sections of prefecture and county work reports: 491/607 = 0.809) and
# dev82-84 (whole provincial and municipal work reports, county bureau summaries in central China, media reports
# on poverty exits: 550/646 = 0.851) and dev85-87 (western county work reports, poverty-alleviation office
# summaries, the rural sections of statistical bulletins: 558/663 = 0.842) and dev88-90 (poverty-aid reports of
# enterprises and foundations, academic and think-tank papers, township and village work reports: 432/586 = 0.737)
# and dev91-93 (provincial work reports, county poverty-alleviation bureau summaries, municipal statistical bulletins:
# 539/635 = 0.849) and dev94-96 (in blind16-18's registers: city and county work reports of early 2021, provincial
# campaign summaries by sector, county department summaries: 503/616 = 0.817) and dev97-99 (national press
# conferences and the government work report, provincial east-west cooperation summaries, village work-team and
# first-secretary reports: 463/602 = 0.769) and dev100-102 (fourteenth-five-year implementation plans, provincial
# news reports on counties and villages, people's congress and CPPCC inspection reports: 469/588 = 0.798) and
# dev103-105 (provincial work reports of early 2021, municipal 2020 statistical bulletins and plan execution
# reports, county work reports of 2022-2023: 523/598 = 0.875) and dev106-108 (prefecture work reports of early 2021,
# provincial poverty alleviation office summaries, work reports of western autonomous prefectures and counties:
# 518/597 = 0.868) and dev109-111 (written from issue 5's specification alone, not our notes: provincial and
# municipal work reports, county work reports and summaries, statistical bulletins: 454/541 = 0.839 on exact spans,
# 482/577 = 0.835 matching by overlapping span and equal value, since their span conventions differ) and dev112-114
# (likewise from the specification alone: national and provincial work reports, bureau reports to the people's
# congress, rural statistical monitoring releases: 503/615 = 0.818 matching by overlap and value) and dev115-117
# (likewise, at the session's final code: city and county work reports, poverty and revitalisation work summaries,
# bulletins and work reports on the countryside: 492/588 = 0.837 matching by overlap and value).
DEV = _sets("dev")
BLIND = _sets("blind")
REFERENCE = date(2021, 3, 9)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _overlapping(ours: str | None, gold: str | None) -> bool:
    """A looser reading of the metric, for diagnosis only: equal, or one phrase inside the other (农村公路 and
    新改建农村公路). Annotators disagree most on how much of a phrase to take; the bar is exact equality."""
    if not ours or not gold:
        return (ours or None) == (gold or None)
    return ours in gold or gold in ours


def score(show: bool = False, gold_file: Path = GOLD) -> dict[str, float | int]:
    rows = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold_q = found_q = matched = value_ok = approx_ok = kind_ok = metric_ok = change_ok = metric_overlap = 0
    gold_d = resolved = trap_hits = traps = 0
    for row in rows:
        text = row["text"]
        found = analyse_sentence(text, reference=REFERENCE)
        ours = {(q.start, q.end): (q, link) for q, link in zip(found.quantities, found.links, strict=True)}
        gold_q += len(row["quantities"])
        found_q += len(ours)
        for gold in row["quantities"]:
            hit = ours.get((gold["start"], gold["end"]))
            if hit is None:
                if show:
                    print("MISS", gold["text"], "|", text)
                continue
            quantity, link = hit
            if not _same(quantity.value, gold["value"]):
                if show:
                    print("VALUE", gold["text"], gold["value"], quantity.value)
                continue
            matched += 1
            value_ok += _same(quantity.value_min, gold["value_min"]) and _same(quantity.value_max, gold["value_max"])
            approx_ok += quantity.approximate == gold["approximate"]
            kind_ok += quantity.kind == gold["kind"]
            metric_ok += (link.metric or None) == (gold["metric"] or None)
            metric_overlap += _overlapping(link.metric, gold["metric"])
            change_ok += link.change == gold["change"]
            if show and (link.metric or None) != (gold["metric"] or None):
                print("METRIC", gold["text"], gold["metric"], "→", link.metric, "|", text)
        gold_spans = {(g["start"], g["end"]) for g in row["quantities"]}
        if show:
            for (start, end), (quantity, _) in ours.items():
                if (start, end) not in gold_spans:
                    print("EXTRA", quantity.text, "|", text)
        for trap in row.get("traps", []):
            traps += 1
            trap_hits += any(s < trap["end"] and trap["start"] < e for s, e in ours)
        dates = {(d.start, d.end): d for d in found.dates}
        for gold in row["dates"]:
            gold_d += 1
            mention = dates.get((gold["start"], gold["end"]))
            if gold["start_date"] is None:  # a redacted date: resolved when it is left unresolved
                ok = mention is not None and mention.redacted and mention.start_date is None
            else:
                ok = mention is not None and mention.start_date is not None and \
                    mention.start_date.isoformat() == gold["start_date"] and \
                    mention.end_date.isoformat() == gold["end_date"]
            resolved += ok
            if show and not ok:
                got = (mention.text, mention.start_date, mention.end_date) if mention else None
                print("DATE", gold["text"], gold["start_date"], gold["end_date"], "→", got)
    true_found = sum(1 for _ in range(matched))
    return {
        "sentences": len(rows), "quantities": gold_q, "recall": round(matched / gold_q, 4),
        "precision": round(true_found / found_q, 4) if found_q else 0.0,
        "bounds": round(value_ok / max(matched, 1), 4), "approximate": round(approx_ok / max(matched, 1), 4),
        "kind": round(kind_ok / max(matched, 1), 4), "metric": round(metric_ok / max(matched, 1), 4),
        "metric_overlap": round(metric_overlap / max(matched, 1), 4),
        "change": round(change_ok / max(matched, 1), 4), "traps": traps, "traps_extracted": trap_hits,
        "dates": gold_d, "date_resolution": round(resolved / max(gold_d, 1), 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print every miss")
    parser.add_argument("--gold", type=Path, action="append", help="gold file(s); default: every report set")
    args = parser.parse_args()
    for gold_file in args.gold or [GOLD, *DEV, *BLIND]:
        if gold_file.exists():
            show = args.show and "blind" not in gold_file.stem
            print(json.dumps({"bench": "report", "set": gold_file.stem, **score(show, gold_file)},
                             ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
