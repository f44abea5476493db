// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Commons.Compliance.Facts;

namespace Commons.Inspection.Output;

/// <summary>
/// The dependency report, <c>obj/commons.dependencies.json</c>:
/// <c>{"project", "targetFramework", "packages": [{"id", "version", "license", "source", "direct", "devOnly", "path",
/// "licenseUrl"?, "licenseFile"?, "confidence"?, "problem"?, "curation"?, "declaredLicense"?}]}</c>. The licence text itself is
/// never copied into it. A curated package (source <c>curated</c>) names the curation's provenance and what its metadata declared.
/// </summary>
public static class DependencyReport
{
    public const string FileName = "commons.dependencies.json";

    /// <summary>One project's report, or an array of reports when there are several.</summary>
    public static string ToJson(IReadOnlyList<ProjectFacts> projects)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            if (projects.Count == 1)
            {
                Write(writer, projects[0]);
            }
            else
            {
                writer.WriteStartArray();
                foreach (var project in projects)
                {
                    Write(writer, project);
                }

                writer.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void Write(Utf8JsonWriter writer, ProjectFacts facts)
    {
        writer.WriteStartObject();
        writer.WriteString("project", facts.ProjectPath);
        writer.WriteString("targetFramework", facts.TargetFramework);
        writer.WriteStartArray("packages");
        foreach (var package in facts.Packages.OrderBy(p => p.Id, System.StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, System.StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("id", package.Id);
            writer.WriteString("version", package.Version);
            writer.WriteString("license", package.License);
            writer.WriteString("source", SourceName(package.Source));
            writer.WriteBoolean("direct", package.Direct);
            writer.WriteBoolean("devOnly", package.DevOnly);
            writer.WriteStartArray("path");
            foreach (var step in package.Path)
            {
                writer.WriteStringValue(step);
            }

            writer.WriteEndArray();
            WriteIfSet(writer, "licenseUrl", package.LicenseUrl);
            WriteIfSet(writer, "licenseFile", package.LicenseFile);
            if (package.Confidence is double confidence)
            {
                writer.WriteNumber("confidence", System.Math.Round(confidence, 2));
            }

            WriteIfSet(writer, "problem", package.Problem);
            WriteIfSet(writer, "curation", package.Curation);
            if (package.Source == LicenseSource.Curated)
            {
                writer.WriteString("declaredLicense", package.DeclaredLicense);
            }

            if (package.Frameworks.Count > 0)
            {
                writer.WriteStartArray("frameworks");
                foreach (var framework in package.Frameworks)
                {
                    writer.WriteStringValue(framework);
                }

                writer.WriteEndArray();
            }

            if (package.Implicit)
            {
                writer.WriteBoolean("implicit", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The report's name for a licence source: <c>expression</c>, <c>file</c>, <c>url</c>, <c>packaged-file</c>, <c>online</c>,
    /// <c>fetched-url</c>, <c>curated</c> or <c>none</c>.
    /// </summary>
    public static string SourceName(LicenseSource source) => source switch
    {
        LicenseSource.PackagedFile => "packaged-file",
        LicenseSource.FetchedUrl => "fetched-url",
        _ => source.ToString().ToLowerInvariant(),
    };

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
