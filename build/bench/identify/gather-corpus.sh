#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Gathers real licence files into $1 (default /tmp/commons-identify-corpus): Debian's common licences, the licence
# files of popular npm packages, of popular NuGet packages (restored through a throwaway project) and of the Ruby
# gems installed with licensee. Reproducible: the package lists are below, versions are whatever the registries serve.
set -euo pipefail
out="${1:-/tmp/commons-identify-corpus}"
work="$(mktemp -d)"
mkdir -p "$out"

copy() { # copy SRC NAME: keep only regular, non-empty files
  [ -s "$1" ] && cp -L "$1" "$out/$2" || true
}

# 1. Debian common licences (symlinks resolved; one copy per target)
for f in /usr/share/common-licenses/*; do
  [ -L "$f" ] && continue
  copy "$f" "debian-$(basename "$f")"
done

# 2. npm: each package ships a LICENSE
npm_packages="react react-dom lodash express chalk commander debug axios moment vue typescript webpack rxjs uuid
  semver yargs minimist glob rimraf mkdirp async bluebird underscore jquery classnames prop-types redux
  immutable ws cors body-parser dotenv eslint prettier jest mocha chai sinon ramda date-fns dayjs
  zod ajv qs mime nanoid esbuild rollup vite postcss sass less handlebars mustache ejs pug marked
  highlight.js d3 three socket.io node-fetch tslib core-js regenerator-runtime inherits safe-buffer
  readable-stream string_decoder once wrappy graceful-fs fs-extra ms escape-string-regexp
  ansi-styles supports-color has-flag color-convert color-name picomatch micromatch fast-glob
  source-map acorn esprima js-yaml argparse sprintf-js entities htmlparser2 domhandler cheerio
  yaml toml ini cookie jsonwebtoken bcryptjs pako jszip xmlbuilder sax xml2js protobufjs long
  buffer events punycode querystring url util path-browserify browserify-zlib diff jsdiff
  tape tap ava nyc istanbul c8 lru-cache p-limit p-map execa cross-spawn which shebang-regex
  isexe signal-exit onetime mimic-fn strip-ansi ansi-regex wrap-ansi cliui y18n get-caller-file
  require-directory emoji-regex string-width is-fullwidth-code-point"
mkdir -p "$work/npm" && cd "$work/npm" && npm init -y >/dev/null 2>&1
npm install --no-audit --no-fund --ignore-scripts --silent $npm_packages >/dev/null 2>&1 || true
for d in node_modules/* node_modules/@*/*; do
  [ -d "$d" ] || continue
  for f in "$d"/LICENSE "$d"/LICENSE.md "$d"/LICENSE.txt "$d"/LICENCE "$d"/license "$d"/license.md "$d"/COPYING; do
    [ -f "$f" ] && { copy "$f" "npm-$(echo "${d#node_modules/}" | tr '/@' '__')-$(basename "$f")"; break; }
  done
done

# 3. NuGet: restore popular packages into a private folder with a throwaway project
nuget_packages="Newtonsoft.Json Serilog NLog AutoMapper Dapper Polly FluentValidation MediatR xunit NUnit Moq
  FluentAssertions Humanizer CsvHelper RestSharp StackExchange.Redis Npgsql MySqlConnector Swashbuckle.AspNetCore
  BenchmarkDotNet YamlDotNet CommandLineParser Spectre.Console MessagePack protobuf-net Google.Protobuf
  SharpZipLib HtmlAgilityPack AngleSharp MailKit MimeKit Bogus NodaTime Castle.Core NSubstitute Autofac
  SimpleInjector Quartz Hangfire.Core ClosedXML EPPlus DocumentFormat.OpenXml Markdig Scriban Handlebars.Net
  IdentityModel BouncyCastle.Cryptography SixLabors.ImageSharp SkiaSharp Microsoft.Extensions.Logging
  System.Text.Json Grpc.Net.Client Azure.Core AWSSDK.Core Refit Flurl.Http Ardalis.GuardClauses Mapster
  LiteDB RabbitMQ.Client Confluent.Kafka MongoDB.Driver Elasticsearch.Net Octokit Sentry ZstdSharp.Port
  K4os.Compression.LZ4 Iced Mono.Cecil ICSharpCode.Decompiler Nerdbank.GitVersioning MinVer Cake.Core"
mkdir -p "$work/nuget" && cd "$work/nuget"
dotnet new classlib -n Throwaway -o . --force >/dev/null 2>&1
# One package at a time: a package that cannot be restored (not served, incompatible) is dropped, not fatal.
for p in $nuget_packages; do
  dotnet add package "$p" --package-directory "$work/nuget/packages" >/dev/null 2>&1 || true
done
find "$work/nuget/packages" -maxdepth 3 -type f -iregex '.*/\(licen[cs]e\|copying\)[^/]*' ! -iname '*.nupkg*' |
  while read -r f; do
    rel="${f#$work/nuget/packages/}"
    copy "$f" "nuget-$(echo "$rel" | tr '/' '_')"
  done

# 4. Ruby gems installed with licensee (Debian installs them under /usr/share/rubygems-integration and /usr/lib/ruby)
find /usr/share/rubygems-integration /usr/lib/ruby/vendor_ruby /usr/share/ruby-* -maxdepth 4 -type f \
  -iregex '.*/\(licen[cs]e\|copying\|mit-license\)\(\.txt\|\.md\)?' 2>/dev/null |
  while read -r f; do copy "$f" "gem-$(echo "$f" | tr '/' '_')"; done
# licensee's own vendored licence texts are choosealicense.com's: real licence files too
find /usr/share/rubygems-integration/all/gems/licensee-*/vendor/choosealicense.com/_licenses -type f -name '*.txt' 2>/dev/null |
  while read -r f; do copy "$f" "choosealicense-$(basename "$f")"; done

# One copy per distinct content: hundreds of npm packages ship the same MIT text byte for byte.
declare -A seen
for f in "$out"/*; do
  sum="$(md5sum <"$f" | cut -c1-32)"
  if [ -n "${seen[$sum]:-}" ]; then rm -f "$f"; else seen[$sum]=1; fi
done

rm -rf "$work"
echo "$(ls "$out" | wc -l) files in $out"
