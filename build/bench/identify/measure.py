#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
"""Runs `commons identify` over the labelled corpus and prints, per category, how many files it names right, wrong
or NOASSERTION (issue 13).    build/bench/identify/measure.py COMMONS_BINARY [CORPUS_DIR] [--list]"""
import os
import subprocess
import sys

binary = sys.argv[1]
corpus = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else \
    os.path.join(os.path.dirname(__file__), "../../../tests/Commons.Licensing.Tests/Identification/Labelled")
listing = "--list" in sys.argv


def key(expression):
    """Flat AND/OR expressions compare as sets of operands: "MIT OR Apache-2.0" is "Apache-2.0 OR MIT"."""
    e = expression.strip().strip("()")
    for op in (" OR ", " AND "):
        if op in e and "(" not in e:
            return op.strip() + ":" + ",".join(sorted(p.strip() for p in e.split(op)))
    return e


rows = []
for manifest in ("manifest-real.tsv", "manifest-variants.tsv"):
    path = os.path.join(corpus, manifest)
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            rows.append((os.path.join(corpus, f[0]), f[1], f[2]))

out = subprocess.run([binary, "identify", "--format", "tsv"] + [r[0] for r in rows], capture_output=True, text=True,
                     env=dict(os.environ, COMMONS_CACHE_DIR=os.environ.get("COMMONS_CACHE_DIR", "/tmp/commons-measure-cache"))).stdout
answers = {}
for line in out.splitlines():
    parts = line.split("\t")
    answers[parts[0]] = parts[1]

stats = {}
for path, category, expected in rows:
    got = answers.get(path, "NOASSERTION")
    s = stats.setdefault(category, [0, 0, 0])
    if expected == "NOASSERTION":
        verdict = 0 if got == "NOASSERTION" else 1
    else:
        verdict = 0 if key(got) == key(expected) else (2 if got == "NOASSERTION" else 1)
    s[verdict] += 1
    if listing and verdict:
        print(("WRONG " if verdict == 1 else "MISS  ") + os.path.relpath(path, corpus) + "\texpected " + expected + "\tgot " + got)

print("| category | files | right | wrong | NOASSERTION | right % |")
print("|---|---|---|---|---|---|")
total = [0, 0, 0]
for category in sorted(stats):
    s = stats[category]
    n = sum(s)
    total = [a + b for a, b in zip(total, s)]
    print(f"| {category} | {n} | {s[0]} | {s[1]} | {s[2]} | {100.0 * s[0] / n:.1f} |")
n = sum(total)
print(f"| all | {n} | {total[0]} | {total[1]} | {total[2]} | {100.0 * total[0] / n:.1f} |")
