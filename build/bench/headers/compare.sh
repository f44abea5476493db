#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
#
# Whole-process comparison of `commons headers` with `reuse lint` (issues 7 and 17) on a generated REUSE repository of
# FILES files (default 5000): C# sources, Markdown pages, shell scripts, JSON data with a .license sidecar and PNG
# images with a sidecar, 1 in 20 of them without licensing information; the same tree, same machine, same run, RUNS
# times each, interleaved, medians side by side. Both must name the same files without licensing information.
#
# usage: build/bench/headers/compare.sh [FILES] [RUNS]
# Needs: the .NET SDK; `reuse` (Debian: apt-get install -y reuse), installed here when missing and apt-get is there.
set -euo pipefail
files="${1:-5000}"
runs="${2:-5}"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/commons-headers.XXXXXX")"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

command -v reuse >/dev/null || { apt-get install -y reuse >/dev/null 2>&1 || { echo "install reuse first (apt-get install -y reuse)" >&2; exit 1; }; }
commons="$("$repo/build/bench/install-tool.sh" "$work/cli")"

tree="$work/tree"
mkdir -p "$tree/LICENSES"
cp "$repo/LICENSE" "$tree/LICENSES/Apache-2.0.txt"
python3 - "$tree" "$files" <<'PY'
import os, sys
tree, count = sys.argv[1], int(sys.argv[2])
kinds = ["cs"] * 14 + ["md", "md", "sh", "json", "json", "png"]
for i in range(count):
    folder = os.path.join(tree, "src", f"Module{i // 100:03d}")
    os.makedirs(folder, exist_ok=True)
    kind = kinds[i % len(kinds)]
    bare = i % 20 == 7
    path = os.path.join(folder, f"File{i:05d}.{kind}")
    tags = ["SPDX-License-Identifier: Apache-2.0", "SPDX-FileCopyrightText: 2026 Example Town Hall"]
    if kind == "cs":
        header = "" if bare else "".join(f"// {t}\n" for t in tags) + "\n"
        body = "".join(f"    public int Value{k}() => {k};\n" for k in range(30))
        text = f"{header}namespace Sample.Module{i // 100:03d};\n\npublic sealed class Type{i:05d}\n{{\n{body}}}\n"
    elif kind == "md":
        text = ("" if bare else "<!--\n" + "\n".join(tags) + "\n-->\n\n") + f"# Page {i}\n\n" + "Some words of documentation.\n" * 20
    elif kind == "sh":
        text = "#!/bin/sh\n" + ("" if bare else "".join(f"# {t}\n" for t in tags)) + "echo hello\n" * 10
    elif kind == "json":
        text = '{"values": [' + ", ".join(str(k) for k in range(100)) + ']}\n'
    else:
        text = None
    if text is None:
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    else:
        with open(path, "w") as f:
            f.write(text)
    if kind in ("json", "png") and not bare:
        with open(path + ".license", "w") as f:
            f.write("\n".join(tags) + "\n")
PY
(cd "$tree" && git init -q && git add -A && git -c user.email=bench@example.org -c user.name=bench commit -qm tree)

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
commons_times="" reuse_times=""
for _ in $(seq 1 "$runs"); do
  t0=$(now); (cd "$tree" && "$commons" headers . --format tsv >"$work/commons.tsv") || true; t1=$(now)
  (cd "$tree" && reuse lint >"$work/reuse.txt" 2>&1) || true; t2=$(now)
  commons_times+="$(echo "$t1 - $t0" | bc)"$'\n'
  reuse_times+="$(echo "$t2 - $t1" | bc)"$'\n'
done
c=$(printf '%s' "$commons_times" | median)
r=$(printf '%s' "$reuse_times" | median)

# Files without a licence header, by each tool.
commons_missing=$(awk -F'\t' '$4 == "CMN0401" { print $1 }' "$work/commons.tsv" | sed "s|^$tree/||" | sort -u)
reuse_missing=$(awk '/have no .*information:$/ { on = 1; next } /^$/ { on = 0 } on && /^\* / { print $2 }' "$work/reuse.txt" | sort -u)
printf 'tree: %s files (C#, Markdown, shell, JSON and PNG with sidecars), %s without licensing information\n' "$files" "$(( (files + 12) / 20 ))"
printf 'commons headers  median %6.2f s   files without licensing information: %s\n' "$c" "$(printf '%s\n' "$commons_missing" | grep -c . || true)"
printf 'reuse lint       median %6.2f s   files without licensing information: %s\n' "$r" "$(printf '%s\n' "$reuse_missing" | grep -c . || true)"
if [ "$commons_missing" = "$reuse_missing" ]; then echo "both name the same files"; else echo "the tools name different files:"; diff <(printf '%s\n' "$commons_missing") <(printf '%s\n' "$reuse_missing") | head -20; fi
awk -v c="$c" -v r="$r" 'BEGIN { printf "commons is %.1fx faster than reuse lint (median of '"$runs"' runs each)\n", r / c }'
