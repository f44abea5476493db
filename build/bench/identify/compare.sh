#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole-process comparison of `commons identify` with licensee and licensecheck over the same real licence files.
#   build/bench/identify/compare.sh [CORPUS_DIR] [MAX_FILES]
# MAX_FILES (default 160) takes an even, deterministic sample of the corpus: licensee needs seconds per file.
# Needs: apt-get install -y ruby-licensee licensecheck; the .NET SDK. Gathers the corpus first when the folder is
# missing (gather-corpus.sh). Prints the time each tool takes for all files and how often `commons` agrees with the
# answer licensee and licensecheck agree on.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="${1:-/tmp/commons-identify-corpus}"
results="$(mktemp -d)"

[ -d "$corpus" ] || "$here/gather-corpus.sh" "$corpus"
max="${2:-160}"
mapfile -t all < <(find "$corpus" -maxdepth 1 -type f | sort)
files=()
step=$(( (${#all[@]} + max - 1) / max )); [ "$step" -ge 1 ] || step=1
for ((k = 0; k < ${#all[@]} && ${#files[@]} < max; k += step)); do files+=("${all[$k]}"); done
echo "corpus: ${#files[@]} of ${#all[@]} files in $corpus"

commons="$("$root/build/bench/install-tool.sh" "$results/cli")"
now() { date +%s.%N; }

# commons: one process for all files, as a user would run it; first with an empty user cache (its first run on a
# machine: the catalogue index read from the tool's own copy, every file identified), then again with that cache
# (answers from the identification memo). The comparison uses the first.
export COMMONS_CACHE_DIR="$results/commons-cache"
t0=$(now)
"$commons" identify "${files[@]}" --format tsv >"$results/commons.tsv" 2>/dev/null
t1=$(now)
"$commons" identify "${files[@]}" --format tsv >/dev/null 2>&1
t1w=$(now)
echo "commons with the cache of the first run: $(echo "$t1w - $t1" | bc) s"

# licensee: one process per file (it reads a project folder, so each file is given as LICENSE in a folder of its own).
t2=$(now)
for f in "${files[@]}"; do
  dir="$results/licensee/$(basename "$f")"
  mkdir -p "$dir" && cp "$f" "$dir/LICENSE"
  printf '%s\t' "$f" >>"$results/licensee.tsv"
  licensee detect --json "$dir/LICENSE" 2>/dev/null | tr -d '\n' >>"$results/licensee.tsv" || true
  printf '\n' >>"$results/licensee.tsv"
done
t3=$(now)

# licensecheck: one process for all files, whole file read.
t4=$(now)
licensecheck --machine --shortname-scheme=spdx --lines 0 -c '.*' "${files[@]}" >"$results/licensecheck.tsv" 2>/dev/null || true
t5=$(now)

python3 "$here/compare.py" "$results" \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t3 - $t2" | bc)" "$(echo "$t5 - $t4" | bc)"
echo "raw results: $results"
