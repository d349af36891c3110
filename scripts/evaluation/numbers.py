#!/usr/bin/env python3
"""Scores tmk-numbers on the numbers-recognizers-* gold sets, as eval/README.md defines it.

Usage: python3 scripts/evaluation/numbers.py BUILD_DIR SHARED_EVAL_DIR [--misses]

A gold row is found when a predicted row overlaps its span and its value holds the same
number(s) within max(1e-6 relative, 0.001). Precision counts only the predicted rows of the
kinds the set annotates. Documents listed in flags.tsv are skipped; relative ordinals are not
scored. Prints precision, recall and F1 per set, then the misses by kind.
"""
import os
import re
import subprocess
import sys

import figures

SETS = {
    "numbers-recognizers-number": {"cardinal", "fraction"},
    "numbers-recognizers-percent": {"percent"},
    "numbers-recognizers-ordinal": {"ordinal"},
}
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def unescape(field):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(m.group(1), m.group(0)),
                  field)


def numbers_in(value):
    """The numbers a value holds: '100%' -> [100], '[20,30)' -> [20, 30], '10..20' -> [10, 20]."""
    if re.fullmatch(r"-?-\d\d-\d\d|\d{4}-\d\d(-\d\d)?|\d\d:\d\d", value):
        return None  # dates and times hold no comparable number
    found = [float(x) for x in NUMBER.findall(value.replace("..", " "))]
    return found or None


def close(a, b):
    return abs(a - b) <= max(1e-6 * max(abs(a), abs(b)), 0.001)


def same_numbers(gold, predicted):
    if gold is None or predicted is None or len(gold) != len(predicted):
        return False
    return all(close(g, p) or close(g / 100, p) for g, p in zip(sorted(gold), sorted(predicted)))


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, [unescape(x) for x in line.split("\t")])) for line in lines[1:] if line]


def score(build, set_dir, kinds):
    flagged = set()
    flags = os.path.join(set_dir, "flags.tsv")
    if os.path.exists(flags):
        flagged = {row["doc"] for row in read_tsv(flags)}
    gold = [r for r in read_tsv(os.path.join(set_dir, "gold.tsv")) if r["doc"] not in flagged]
    relative = [r for r in gold if r["type"] == "ordinal.relative"]
    gold = [r for r in gold if r["type"] != "ordinal.relative"]
    docs = os.path.join(set_dir, "docs")
    run = subprocess.run([os.path.join(build, "tmk-numbers"), "--jobs", "1", docs], capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"tmk-numbers failed ({run.returncode}): {run.stderr}")
    predicted = []
    for row in read_tsv_text(run.stdout):
        row["doc"] = os.path.basename(row["doc"])[:-4] if row["doc"].endswith(".txt") else os.path.basename(row["doc"])
        if row["doc"] in flagged:
            continue
        predicted.append(row)

    def overlaps(a, b):
        return a["doc"] == b["doc"] and int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])

    def matches(g, p):
        return overlaps(g, p) and same_numbers(numbers_in(g["value"]), numbers_in(p["value"]))

    found = [g for g in gold if any(matches(g, p) for p in predicted)]
    missed = [g for g in gold if g not in found]
    scored = [p for p in predicted if p["kind"] in kinds and not any(overlaps(r, p) for r in relative)]
    right = [p for p in scored if any(matches(g, p) for g in gold)]
    wrong = [p for p in scored if p not in right]
    precision = len(right) / len(scored) if scored else 1.0
    recall = len(found) / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, missed, wrong, len(gold), len(scored)


def read_tsv_text(text):
    lines = text.splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, [unescape(x) for x in line.split("\t")])) for line in lines[1:] if line]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    build, shared = sys.argv[1], sys.argv[2]
    for name, kinds in SETS.items():
        set_dir = os.path.join(shared, name)
        if not os.path.isdir(set_dir):
            print(f"{name}: missing")
            continue
        p, r, f, missed, wrong, n_gold, n_pred = score(build, set_dir, kinds)
        print(f"{name}: P={p:.3f} R={r:.3f} F1={f:.3f} (gold {n_gold}, predicted {n_pred})")
        figures.record(f'{name}/F1', f)
        by_kind = {}
        for g in missed:
            by_kind.setdefault("missed " + g["type"], []).append(f'{g["doc"]} {g["text"]!r}={g["value"]}')
        for w in wrong:
            by_kind.setdefault("wrong " + w["kind"], []).append(f'{w["doc"]} {w["text"]!r}={w["value"]}')
        for kind, rows in sorted(by_kind.items()):
            print(f"  {kind}: {len(rows)}")
            for row in rows:
                print(f"    {row}")


if __name__ == "__main__":
    main()
