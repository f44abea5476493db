#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
"""Corpus measurement for issue 3: licence coverage of `commons licenses` on ~300 real NuGet packages, and its run time
against CycloneDX-dotnet's on the same project, same machine, same run.

usage: build/bench/corpus.py PACKAGE_LIST.tsv [COUNT=300] [WORKDIR=/tmp/commons-corpus] [RUNS=5]

Both tools run as a user installs them (`commons` from build/bench/install-tool.sh: the release's ReadyToRun package
for this platform), RUNS times each, interleaved; the medians are compared. commons also runs once with an empty user
cache first (its first run ever on the machine), reported apart.

PACKAGE_LIST.tsv: name <TAB> version that restores alone on net10.0 <TAB> licence the registry shows (the machine's
package list). The corpus is the first COUNT rows, sorted by name, whose version is a plain version.
"""
import json, os, re, subprocess, sys, time

repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
listing = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
work = sys.argv[3] if len(sys.argv) > 3 else "/tmp/commons-corpus"
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
os.makedirs(work, exist_ok=True)

rows = []
for line in open(listing, encoding="utf-8").read().splitlines()[1:]:
    f = line.split("\t")
    if len(f) >= 3 and re.fullmatch(r"\d+(\.\d+){1,3}", f[1]) and not f[0].lower().startswith(("microsoft.aspnetcore", "runtime.", "aspire.apphost")) and not f[0].lower().endswith(".sdk"):
        rows.append((f[0], f[1], f[2]))
rows = sorted(rows, key=lambda r: r[0].lower())[:count]
declared = {r[0].lower(): r[2] for r in rows}

refs = "\n".join(f'    <PackageReference Include="{n}" Version="{v}" />' for n, v, _ in rows)
open(os.path.join(work, "Corpus.csproj"), "w").write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <NoWarn>$(NoWarn);NU1603;NU1605;NU1608;NU1701;NU1902;NU1903;NU1904</NoWarn>
    <WarningsAsErrors></WarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
{refs}
  </ItemGroup>
</Project>
""")
open(os.path.join(work, "NuGet.Config"), "w").write(f"""<configuration><config><add key="globalPackagesFolder" value="{work}/.packages" /></config>
<packageSources><clear /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>""")
open(os.path.join(work, "Directory.Build.props"), "w").write("<Project />")
open(os.path.join(work, "Directory.Packages.props"), "w").write("<Project />")

def run(args, **kw):
    t = time.monotonic()
    p = subprocess.run(args, cwd=work, capture_output=True, text=True, **kw)
    return p, time.monotonic() - t

p, t = run(["dotnet", "restore", "Corpus.csproj"])
print(f"restore: exit {p.returncode} in {t:.1f} s")
if p.returncode != 0:
    print(p.stdout[-3000:]); sys.exit(1)

commons = subprocess.run([os.path.join(repo, "build/bench/install-tool.sh"), os.path.join(work, ".commons-tool")], check=True, capture_output=True, text=True).stdout.strip()
cold_cache = os.path.join(work, ".commons-cold-cache")
subprocess.run(["rm", "-rf", cold_cache], check=True)
p, t_cold = run([commons, "licenses", "Corpus.csproj", "--format", "json"], env=dict(os.environ, COMMONS_CACHE_DIR=cold_cache))
print(f"commons licenses, first run with an empty user cache: exit {p.returncode} in {t_cold:.2f} s")
p, _ = run([commons, "licenses", "Corpus.csproj", "--format", "json"])
report = json.loads(p.stdout)
packages = report["packages"]
print(f"commons licenses: exit {p.returncode}, {len(packages)} packages")

known = [q for q in packages if q["license"]]
by_source = {}
for q in packages:
    by_source.setdefault(q["source"], [0, 0])
    by_source[q["source"]][0] += 1
    by_source[q["source"]][1] += 1 if q["license"] else 0
print("by source (packages, with licence):", by_source)

# Ground truth: the registry's licence for the directly referenced packages, where it is an SPDX expression.
spdx_like = re.compile(r"^[A-Za-z0-9.\-+]+( (AND|OR|WITH) [A-Za-z0-9.\-+()]+)*$")
agree = disagree = unknown = 0
wrong = []
for q in packages:
    truth = declared.get(q["id"].lower())
    if not truth or not spdx_like.match(truth) or "/" in truth:
        continue
    if q["license"] is None:
        unknown += 1
    elif q["license"].lower() == truth.lower():
        agree += 1
    else:
        disagree += 1; wrong.append((q["id"], q["license"], truth))
knowable = [q for q in packages if q["source"] == "expression" or (q["source"] in ("file", "url") and q["license"])]
print(f"against the registry's SPDX licence: {agree} agree, {disagree} differ, {unknown} unknown to commons")
for w in wrong[:20]: print("  differs:", w)
print(f"coverage: {len(known)}/{len(packages)} packages with a licence ({100*len(known)/max(1,len(packages)):.1f} %)")

tools = os.path.join(work, ".tools")
if not os.path.exists(os.path.join(tools, "dotnet-CycloneDX")):
    subprocess.run(["dotnet", "tool", "install", "--tool-path", tools, "CycloneDX", "--version", "6.3.1"], check=True, capture_output=True)
cdx = [os.path.join(tools, "dotnet-CycloneDX"), "Corpus.csproj", "-o", os.path.join(work, "sbom"), "-F", "Json"]
commons_times, cdx_times = [], []
for _ in range(runs):
    p, t = run([commons, "licenses", "Corpus.csproj", "--format", "json"]); commons_times.append(t)
    p, t = run(cdx); cdx_times.append(t)
median = lambda v: sorted(v)[len(v) // 2] if len(v) % 2 else sum(sorted(v)[len(v) // 2 - 1:len(v) // 2 + 1]) / 2
t_commons, t_cdx = median(commons_times), median(cdx_times)
print("commons runs:", " ".join(f"{t:.2f}" for t in commons_times), f"-> median {t_commons:.2f} s")
print("CycloneDX runs:", " ".join(f"{t:.2f}" for t in cdx_times), f"-> median {t_cdx:.2f} s")
print(f"CycloneDX: exit {p.returncode}")
try:
    bom = json.load(open(os.path.join(work, "sbom", "bom.json")))
    comps = bom.get("components", [])
    with_id = sum(1 for c in comps if any("license" in l and ("id" in l["license"]) or "expression" in l for l in c.get("licenses", [])))
    print(f"CycloneDX coverage: {with_id}/{len(comps)} components with an SPDX id or expression")
except Exception as e:
    print("CycloneDX output not read:", e, p.stdout[-2000:], p.stderr[-2000:])
print(f"ratio commons/CycloneDX (medians): {t_commons / t_cdx:.3f}; first run with an empty cache: {t_cold / t_cdx:.3f}")
