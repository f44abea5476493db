#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
#
# Whole-process build overhead of the Commons.Analyzers package on a three-project sample (issue 5, "Done when"):
# the same repository is built with and without the package, as a no-op `dotnet build` and as a full rebuild
# (`dotnet build --no-incremental`), RUNS times each, interleaved (with, without, with, …) so machine load
# drifts hit both sides alike. Prints the medians side by side and their ratios (targets: no-op <= 1.03x,
# full rebuild <= 1.10x).
#
# usage: build/bench/build-overhead.sh [RUNS]    (default 7; packs the package from this checkout first)
set -euo pipefail

runs="${1:-7}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/commons-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="0.1.0-bench.$(date -u +%Y%m%d%H%M%S)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
unset CI TF_BUILD GITHUB_ACTIONS
# The samples restore into a packages folder of their own (set below, after packing): packing with it set would leave
# this checkout's obj/project.assets.json pointing into a folder deleted on exit.

echo "packing Commons.Analyzers $version …" >&2
dotnet pack "$repo/src/Commons.Analyzers.Package/Commons.Analyzers.Package.csproj" -c Release -o "$work/feed" \
  -p:PackageVersion="$version" -nodeReuse:false >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; exit 1; }

# write_sample DIR WITH_PACKAGE: a git repository with a licence, a README and three projects (A <- B <- C).
write_sample() {
  local dir="$1" with="$2"
  mkdir -p "$dir/.git/objects" "$dir/.git/refs/heads"
  printf 'ref: refs/heads/main\n' >"$dir/.git/HEAD"
  cp "$repo/LICENSE" "$dir/LICENSE"
  printf '# Bench sample\n\n## Installation\n\n## Usage\n\n## Contributing\n\n## Licence\n\nApache-2.0\n' >"$dir/README.md"
  cat >"$dir/NuGet.Config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="commons" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
XML
  local reference=""
  if [ "$with" = yes ]; then
    reference="<ItemGroup><PackageReference Include=\"Commons.Analyzers\" Version=\"$version\" PrivateAssets=\"all\" /></ItemGroup>"
  fi
  printf '<Project>\n  <PropertyGroup><PackageLicenseExpression>Apache-2.0</PackageLicenseExpression></PropertyGroup>\n  %s\n</Project>\n' "$reference" >"$dir/Directory.Build.props"
  local previous=""
  for name in Alpha Beta Gamma; do
    mkdir -p "$dir/src/$name"
    local projectRef=""
    [ -n "$previous" ] && projectRef="<ItemGroup><ProjectReference Include=\"../$previous/$previous.csproj\" /></ItemGroup>"
    printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  %s\n</Project>\n' "$projectRef" >"$dir/src/$name/$name.csproj"
    for i in $(seq 1 20); do
      printf '// SPDX-License-Identifier: Apache-2.0\nnamespace %s;\npublic static class Type%s { public static int Value() => %s; }\n' "$name" "$i" "$i" >"$dir/src/$name/Type$i.cs"
    done
    previous="$name"
  done
  printf '<Solution>\n  <Project Path="src/Alpha/Alpha.csproj" />\n  <Project Path="src/Beta/Beta.csproj" />\n  <Project Path="src/Gamma/Gamma.csproj" />\n</Solution>\n' >"$dir/Bench.slnx"
}

export NUGET_PACKAGES="$work/packages"
write_sample "$work/with" yes
write_sample "$work/without" no
for side in with without; do
  (cd "$work/$side" && dotnet build Bench.slnx -nodeReuse:false >"$work/warmup-$side.log" 2>&1) || { cat "$work/warmup-$side.log" >&2; exit 1; }
done

# seconds SIDE ARGS…: wall-clock time of one whole dotnet process.
seconds() {
  local side="$1"; shift
  local start end
  start=$(date +%s.%N)
  (cd "$work/$side" && dotnet build Bench.slnx -nodeReuse:false "$@" >"$work/last-$side.log" 2>&1) || { cat "$work/last-$side.log" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }' 
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure() {
  local label="$1"; shift
  local with_times="" without_times=""
  for _ in $(seq 1 "$runs"); do
    with_times+="$(seconds with "$@")"$'\n'
    without_times+="$(seconds without "$@")"$'\n'
  done
  local with_median without_median
  with_median=$(printf '%s' "$with_times" | median)
  without_median=$(printf '%s' "$without_times" | median)
  printf '%-14s  without %7.2f s   with %7.2f s   ratio %.3f   (median of %s runs)\n' \
    "$label" "$without_median" "$with_median" "$(awk -v w="$with_median" -v o="$without_median" 'BEGIN { print w / o }')" "$runs"
}

measure "no-op build"
measure "full rebuild" --no-incremental
