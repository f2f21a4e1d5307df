"""Our numbers, quantities and dates scored on public test cases in ../shared/gold.

- cn2an: value of every numeral case (strict, normal and smart sets) and rejection of the error cases.
- Recognizers-Text Chinese specs: NumberModel (every numeral), PercentModel, DimensionModel and
  CurrencyModel (mention text and value), DateTimeModel (date and date-range results only: zhetl
  resolves dates to days, not clock times), each case with its own reference time.
- JioNLP time-parser cases whose expected answer is whole days, resolved against the case's time base.
Inputs are cleaned first as a run would (full-width to half-width, traditional to simplified), so the
cases measure extraction, not cleaning. Mentions match when their text is equal ignoring spaces.
Usage: python -m bench.specs
"""

from __future__ import annotations

import contextlib
import json
import math
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

from zhetl.dates import find_dates
from zhetl.numerals import find_numbers, parse_number
from zhetl.quantities import find_quantities

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
GOLD = SHARED / "gold"
RT = GOLD / "recognizers-text-zh" / "Specs"


@cache
def _t2s() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s").convert


def normalise(text: str) -> str:
    """Half-width and simplified, one character for one (so offsets still hold)."""
    half = "".join(c2 if len(c2 := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)
    simple = _t2s()(half)
    return simple if len(simple) == len(half) else half


def _squash(text: str) -> str:
    return "".join(text.split())


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def _prf(tp: int, found: int, gold: int) -> dict[str, float | int]:
    precision = tp / found if found else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "gold": gold,
            "found": found}


def score_cn2an() -> dict[str, float | int]:
    cases = json.loads((GOLD / "cn2an" / "cn2an_cases.json").read_text(encoding="utf-8"))["cn2an_test"]
    right = total = 0
    for name in ("strict_data_dict", "normal_data_dict", "smart_data_dict"):
        for text, value in cases[name].items():
            total += 1
            with contextlib.suppress(ValueError, KeyError, ZeroDivisionError):
                right += _close(_whole_number(normalise(text)), float(value))
    rejected = errors = 0
    for name in ("error_strict_datas", "error_normal_datas"):
        for text in cases[name]:
            errors += 1
            try:
                _whole_number(normalise(text))
            except (ValueError, KeyError, ZeroDivisionError):
                rejected += 1
    return {"value_accuracy": round(right / total, 4), "cases": total,
            "error_cases_rejected": round(rejected / errors, 4), "error_cases": errors}


def _whole_number(text: str) -> float:
    """The value of a text that should be one numeral from end to end (else ValueError)."""
    spans = find_numbers(text)
    money = [q for q in find_quantities(text) if q.kind == "money" and q.start == 0 and q.end == len(text)]
    if money:
        return money[0].value
    if len(spans) != 1 or spans[0][0] != 0 or spans[0][1] != len(text):
        if text.startswith(("负", "-")):
            return -parse_number(text[1:])
        raise ValueError(f"not one numeral: {text!r}")
    return spans[0][2]


def _rt_cases(model: str) -> list[dict]:
    folder = "DateTime" if model.startswith("DateTime") else (
        "NumberWithUnit" if model in ("DimensionModel", "CurrencyModel") else "Number")
    return json.loads((RT / folder / "Chinese" / f"{model}.json").read_text(encoding="utf-8-sig"))


def _score_mentions(cases: Iterable[dict], extract: Callable[[str], list[tuple[str, float]]],
                    gold_of: Callable[[dict], tuple[str, float] | None]) -> dict[str, float | int]:
    tp = found_total = gold_total = 0
    for case in cases:
        if case.get("NotSupported", "").find("dotNet") >= 0:
            continue
        text = normalise(case["Input"])
        gold = [g for g in (gold_of(r) for r in case["Results"]) if g is not None]
        found = extract(text)
        gold_total += len(gold)
        found_total += len(found)
        unmatched = list(gold)
        for mention, value in found:
            for item in unmatched:
                if _squash(normalise(item[0])) == _squash(mention) and _close(item[1], value):
                    unmatched.remove(item)
                    tp += 1
                    break
    return _prf(tp, found_total, gold_total)


def _number_gold(result: dict) -> tuple[str, float] | None:
    value = result.get("Resolution", {}).get("value")
    if value is None:
        return None
    return result["Text"], float(value.rstrip("%"))


def _unit_gold(result: dict) -> tuple[str, float] | None:
    resolution = result.get("Resolution") or {}
    if resolution.get("value") is None:
        return None
    return result["Text"], float(resolution["value"])


def score_rt_numbers() -> dict[str, dict]:
    def numbers(text: str) -> list[tuple[str, float]]:
        return [(text[s:e], v) for s, e, v in find_numbers(text)]

    def percents(text: str) -> list[tuple[str, float]]:
        out = []
        for q in find_quantities(text):
            if q.kind in ("percent", "ppoint"):
                out.append((q.text, q.value / 10 if q.unit == "‰" else q.value))
        return out

    def of_kind(kind: str) -> Callable[[str], list[tuple[str, float]]]:
        def extract(text: str) -> list[tuple[str, float]]:
            return [(q.text, q.value) for q in find_quantities(text) if q.kind == kind]
        return extract

    return {
        "NumberModel": _score_mentions(_rt_cases("NumberModel"), numbers, _number_gold),
        "PercentModel": _score_mentions(_rt_cases("PercentModel"), percents, _number_gold),
        "DimensionModel": _score_mentions(_rt_cases("DimensionModel"), of_kind("measure"), _unit_gold),
        "CurrencyModel": _score_mentions(_rt_cases("CurrencyModel"), of_kind("money"), _unit_gold),
    }


def score_rt_dates() -> dict[str, float | int]:
    """Date and date-range results of DateTimeModel: mention text plus start (and end) day."""
    tp = found_total = gold_total = resolved = 0
    for case in _rt_cases("DateTimeModel"):
        stamp = case.get("Context", {}).get("ReferenceDateTime")
        reference = datetime.fromisoformat(stamp).date() if stamp else None
        gold = []
        for result in case["Results"]:
            if result["TypeName"] not in ("datetimeV2.date", "datetimeV2.daterange"):
                continue
            values = result["Resolution"]["values"]
            starts = {v.get("value") or v.get("start") for v in values}
            gold.append((_squash(normalise(result["Text"])), starts))
        if not gold:
            continue
        text = normalise(case["Input"])
        found = [d for d in find_dates(text, reference)]
        gold_total += len(gold)
        found_total += len(found)
        for mention in found:
            match = next((g for g in gold if g[0] == _squash(mention.text)), None)
            if match is None:
                continue
            tp += 1
            if mention.start_date is not None and mention.start_date.isoformat() in match[1]:
                resolved += 1
    report = _prf(tp, found_total, gold_total)
    report["resolved_on_matched"] = round(resolved / tp, 4) if tp else 0.0
    return report


def _time_base(value: object) -> date | None:
    """JioNLP writes the reference time as a Unix time, an ISO string, a list or a dict of parts."""
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone(timedelta(hours=8))).date()
    if isinstance(value, str):
        return date.fromisoformat(value[:10])
    if isinstance(value, list) and len(value) >= 3:
        return date(*value[:3])
    if isinstance(value, dict) and {"year", "month", "day"} <= value.keys():
        return date(int(value["year"]), int(value["month"]), int(value["day"]))
    return None


def score_jionlp() -> dict[str, float | int]:
    """Cases whose expected span is whole days: does our one date mention resolve to the same days?"""
    cases = [json.loads(line) for line in (GOLD / "jionlp-time" / "test_time_parser.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    in_scope = resolved = found_one = 0
    for case in cases:
        expected = case.get("expected") or {}
        times = expected.get("time")
        if expected.get("type") not in ("time_point", "time_span") or not isinstance(times, list) or len(times) != 2:
            continue
        if not (times[0].endswith("00:00:00") and times[1].endswith("23:59:59")):
            continue  # clock times and open ends are out of scope
        in_scope += 1
        base = _time_base(case["kwargs"].get("time_base"))
        mentions = find_dates(normalise(case["input"]), base)
        if len(mentions) != 1 or mentions[0].start_date is None:
            continue
        found_one += 1
        first, last = (date.fromisoformat(t[:10]) for t in times)
        resolved += mentions[0].start_date == first and mentions[0].end_date == last
    return {"cases_in_scope": in_scope, "one_mention": round(found_one / in_scope, 4),
            "resolution_accuracy": round(resolved / in_scope, 4)}


def main() -> int:
    if not GOLD.is_dir():
        print(f"bench: {GOLD} not found; nothing to measure")
        return 0
    report = {"cn2an": score_cn2an(), **score_rt_numbers(), "DateTimeModel(dates)": score_rt_dates(),
              "jionlp-time(days)": score_jionlp()}
    for name, row in report.items():
        print(json.dumps({"bench": "specs", "set": name, **row}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
