#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
#
# Packs the `commons` tool from this checkout as a release does (RID-specific, ReadyToRun, for this machine's
# platform; see src/Commons.Cli/ToolPackages.props), installs it with `dotnet tool install --tool-path DEST` from a
# local feed, and prints the path of the installed `commons` command: the benchmarks time the tool a user installs.
#
# usage: build/bench/install-tool.sh DEST
set -euo pipefail

dest="$1"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64) rid=linux-arm64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  *) echo "install-tool.sh: no ReadyToRun package for $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac
feed="$(mktemp -d "${TMPDIR:-/tmp}/commons-tool-feed.XXXXXX")"
trap 'rm -rf "$feed"' EXIT
version="0.1.0-bench.$(date -u +%Y%m%d%H%M%S)"
dotnet pack "$repo/src/Commons.Cli/Commons.Cli.csproj" -c Release -o "$feed" -nodeReuse:false -v quiet \
  -p:PackageVersion="$version" -p:CommonsToolRuntimeIdentifiers="$rid" >"$feed/pack.log" 2>&1 || { cat "$feed/pack.log" >&2; exit 1; }
rm -rf "$dest"
dotnet tool install Commons.Cli --version "$version" --tool-path "$dest" --add-source "$feed" >"$feed/install.log" 2>&1 \
  || { cat "$feed/install.log" >&2; exit 1; }
echo "$dest/commons"
