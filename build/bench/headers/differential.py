#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
"""Differential run for issue 17: `reuse lint --json` against `commons headers --format json` on one REUSE tree.

usage: build/bench/headers/differential.py FOLDER...
  REUSE    the reuse command (default: reuse); it must read REUSE.toml (REUSE Tool >= 3.0, REUSE 3.2/3.3): Debian
           bookworm's reuse 1.1.2 implements REUSE 3.0 and has no --json.
  COMMONS  the commons command (default: the tool build/bench/install-tool.sh installs into a temporary folder).

For each folder: the number of covered files, and, set by set, what both tools name: files without licensing or copyright
information, files with an invalid SPDX expression, licences used but missing from LICENSES/, texts in LICENSES/ that
nothing uses, bad, deprecated and extensionless licence files, read errors. Prints SAME or what differs; exit 1 when
any folder differs.
"""
import json, os, re, shlex, subprocess, sys, tempfile

repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
reuse = shlex.split(os.environ.get("REUSE", "reuse"))
commons = os.environ.get("COMMONS")
if not commons:
    dest = tempfile.mkdtemp(prefix="commons-differential.")
    commons = subprocess.run([os.path.join(repo, "build/bench/install-tool.sh"), dest], check=True, capture_output=True, text=True).stdout.strip()

# commons rule -> the reuse lint set it belongs to, and how the finding names its member (the file, or the licence id).
FILE_RULES = {"CMN0401": "no-licensing", "CMN0404": "no-copyright", "CMN0402": "invalid-expression", "CMN0410": "read-error"}
ID_RULES = {"CMN0405": "missing-licence", "CMN0406": "unused-licence"}
LICENSE_FILE_RULES = {"CMN0407": "bad-licence", "CMN0408": "deprecated-licence", "CMN0409": "no-extension"}


def reuse_sets(folder):
    run = subprocess.run(reuse + ["lint", "--json"], cwd=folder, capture_output=True, text=True)
    report = json.loads(run.stdout)
    bad = report["non_compliant"]
    return report["summary"]["compliant"], {
        "covered-files": {str(report["summary"]["files_total"])},
        "no-licensing": set(bad["missing_licensing_info"]),
        "no-copyright": set(bad["missing_copyright_info"]),
        "invalid-expression": {f["path"] for f in report["files"] if any(not e["is_valid"] for e in f["spdx_expressions"])},
        "read-error": set(bad["read_errors"]),
        "missing-licence": set(bad["missing_licenses"]),
        "unused-licence": set(bad["unused_licenses"]),
        "bad-licence": set(bad["bad_licenses"]),
        "deprecated-licence": set(bad["deprecated_licenses"]),
        "no-extension": set(bad["licenses_without_extension"]),
    }


def commons_sets(folder):
    run = subprocess.run([commons, "headers", ".", "--format", "json"], cwd=folder, capture_output=True, text=True)
    report = json.loads(run.stdout)
    sets = {key: set() for key in ["covered-files", *FILE_RULES.values(), *ID_RULES.values(), *LICENSE_FILE_RULES.values()]}
    sets["covered-files"].add(str(report["files"]))
    other = []
    for finding in report["findings"]:
        rule, path = finding["rule"], os.path.relpath(finding["path"], folder)
        if rule in FILE_RULES:
            # An invalid expression in a sidecar is located at the sidecar; reuse lint names the file it licenses.
            sets[FILE_RULES[rule]].add(path[: -len(".license")] if rule == "CMN0402" and path.endswith(".license") else path)
        elif rule in ID_RULES:
            sets[ID_RULES[rule]].add(re.findall(r"'([^']*)'", finding["message"])[0])
        elif rule in LICENSE_FILE_RULES:
            sets[LICENSE_FILE_RULES[rule]].add(os.path.splitext(os.path.basename(path))[0])
        else:
            other.append(f"{rule} {path}: {finding['message']}")
    return run.returncode == 0, sets, other


differs = False
for folder in sys.argv[1:]:
    folder = os.path.abspath(folder)
    reuse_compliant, expected = reuse_sets(folder)
    commons_compliant, actual, other = commons_sets(folder)
    print(f"{folder}: reuse lint {'compliant' if reuse_compliant else 'not compliant'}, commons headers {'compliant' if commons_compliant else 'not compliant'}")
    same = reuse_compliant == commons_compliant and not other
    for key, members in expected.items():
        if members != actual[key]:
            same = False
            print(f"  {key}: only reuse {sorted(members - actual[key])[:20]}, only commons {sorted(actual[key] - members)[:20]}")
        elif members:
            print(f"  {key}: {', '.join(sorted(members)) if key == 'covered-files' else len(members)}")
    for line in other:
        print("  only commons:", line)
    print("  SAME" if same else "  DIFFERENT")
    differs |= not same
sys.exit(1 if differs else 0)
