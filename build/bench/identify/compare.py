#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Reads the three tools' answers (see compare.sh) and prints timing and agreement."""
import json
import re
import sys

results, t_commons, t_licensee, t_licensecheck = sys.argv[1], *map(float, sys.argv[2:5])

# The three tools name licences differently: compare licence families, not "-only"/"-or-later" (a licence text
# alone never says which), and map licensecheck's short GPL names.
ALIASES = {"GPL-1": "GPL-1.0", "GPL-2": "GPL-2.0", "GPL-3": "GPL-3.0", "LGPL-2": "LGPL-2.0", "LGPL-3": "LGPL-3.0",
           "AGPL-3": "AGPL-3.0", "LGPL-2.1": "LGPL-2.1", "Expat": "MIT", "Artistic-1.0-Perl": "Artistic-1.0-Perl",
           "BSD-2-clause": "BSD-2-Clause", "BSD-3-clause": "BSD-3-Clause", "GFDL-1.2": "GFDL-1.2", "GFDL-1.3": "GFDL-1.3"}
NONE = {"", "NOASSERTION", "UNKNOWN", "other", "NONE", "no-license"}


def key(spdx):
    if spdx is None or spdx.strip() in NONE:
        return None
    s = spdx.strip()
    s = re.sub(r"(-only|-or-later|\+)$", "", s)
    return ALIASES.get(s, s)


def read_tsv(path, column=1):
    answers = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) > column:
                answers[parts[0]] = parts[column]
    return answers


commons = read_tsv(f"{results}/commons.tsv")
confidence = read_tsv(f"{results}/commons.tsv", 2)
licensecheck = read_tsv(f"{results}/licensecheck.tsv")
licensee = {}
with open(f"{results}/licensee.tsv", encoding="utf-8", errors="replace") as f:
    for line in f:
        path, _, payload = line.rstrip("\n").partition("\t")
        try:
            data = json.loads(payload)
            ids = [m.get("matched_license") for m in data.get("matched_files", [])]
            licensee[path] = ids[0] if ids else None
        except json.JSONDecodeError:
            licensee[path] = None

files = sorted(commons)
both = [p for p in files if key(licensee.get(p)) and key(licensee.get(p)) == key(licensecheck.get(p))]
same = [p for p in both if key(commons[p]) == key(licensee[p])]
noassert = [p for p in both if key(commons[p]) is None]
wrong = [p for p in both if key(commons[p]) is not None and key(commons[p]) != key(licensee[p])]
commons_found = sum(1 for p in files if key(commons[p]))
licensee_found = sum(1 for p in files if key(licensee.get(p)))
licensecheck_found = sum(1 for p in files if key(licensecheck.get(p)))

print(f"files: {len(files)}")
print(f"time for all files: commons {t_commons:.2f} s (one process) | licensee {t_licensee:.2f} s (one process per file) "
      f"| licensecheck {t_licensecheck:.2f} s (one process)")
print(f"commons is {t_licensee / t_commons:.1f}x faster than licensee")
print(f"identified: commons {commons_found}, licensee {licensee_found}, licensecheck {licensecheck_found}")
print(f"licensee and licensecheck agree on {len(both)} files; commons gives the same id for {len(same)} "
      f"({100.0 * len(same) / max(1, len(both)):.1f} %), NOASSERTION for {len(noassert)}, another id for {len(wrong)}")
for p in noassert:
    print(f"  NOASSERTION  {p}  (licensee {licensee[p]})")
for p in wrong:
    print(f"  WRONG        {p}  commons {commons[p]} {confidence.get(p)} vs {licensee[p]}")
disagree = [p for p in files if key(commons[p]) and key(licensee.get(p)) and key(commons[p]) != key(licensee.get(p))]
print(f"commons and licensee both answer but differ on {len(disagree)} files:")
for p in disagree:
    print(f"  {p}: commons {commons[p]} {confidence.get(p)}, licensee {licensee.get(p)}, licensecheck {licensecheck.get(p)}")
