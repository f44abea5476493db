// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>One diagnostic as the compiler wrote it into a SARIF 2.1 error log.</summary>
public sealed record SarifResult(string RuleId, string Level, string Message, string? FilePath, int? StartLine, string LogFile, string? Suppression = null)
{
    public bool IsOurs => RuleId.StartsWith("CMN", StringComparison.Ordinal);

    public bool IsWarningOrError => Level is "warning" or "error";

    public override string ToString() => $"{RuleId} {Level} {FilePath}({StartLine}): {Message} [{Path.GetFileName(LogFile)}]";
}

/// <summary>
/// Reads the <c>-p:ErrorLog=…,version=2.1</c> files of a build; suppressed results are left out, as a user never sees them,
/// unless asked for (then only they are read, each with its suppression's <c>suppressionType</c>).
/// </summary>
public static class SarifLog
{
    public static IReadOnlyList<SarifResult> ReadFolder(string folder, bool suppressed = false)
        => Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.sarif").OrderBy(f => f, StringComparer.Ordinal).SelectMany(f => Read(f, suppressed)).ToArray()
            : Array.Empty<SarifResult>();

    public static IReadOnlyList<SarifResult> Read(string file) => Read(file, suppressed: false);

    public static IReadOnlyList<SarifResult> Read(string file, bool suppressed)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var results = new List<SarifResult>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                var isSuppressed = result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0;
                if (isSuppressed != suppressed)
                {
                    continue;
                }

                var suppression = isSuppressed && suppressions[0].TryGetProperty("properties", out var properties)
                    && properties.TryGetProperty("suppressionType", out var type) ? type.GetString() : null;

                var ruleId = result.GetProperty("ruleId").GetString() ?? string.Empty;
                var level = result.TryGetProperty("level", out var levelElement) ? levelElement.GetString() ?? "warning" : "warning";
                var message = result.TryGetProperty("message", out var messageElement) && messageElement.TryGetProperty("text", out var text)
                    ? text.GetString() ?? string.Empty
                    : string.Empty;
                var (path, line) = Location(result);
                results.Add(new SarifResult(ruleId, level, message, path, line, file, suppression));
            }
        }

        return results;
    }

    private static (string? Path, int? Line) Location(JsonElement result)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0
            || !locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            return (null, null);
        }

        string? path = null;
        if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
        {
            var value = uri.GetString();
            path = value is not null && Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : value;
        }

        int? line = physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var start) ? start.GetInt32() : null;
        return (path, line);
    }
}
