// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Commons.Cli.Output;
using Commons.Compliance.Facts;

namespace Commons.Cli.Documents;

/// <summary>
/// A CycloneDX 1.6 JSON BOM: the repository as metadata.component, each project and package a component, licences as
/// one <c>expression</c> each (an OR stays whole), SHA-512 hashes from the package folder, development-only packages with
/// <c>scope: optional</c>, and the dependency graph.
/// </summary>
internal static class CycloneDxSbom
{
    public static string Write(PackageInventory inventory, DateTimeOffset created)
    {
        var name = System.IO.Path.GetFileName(inventory.Root.TrimEnd('/', '\\'));
        return Json.Document(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
            json.WriteString("bomFormat", "CycloneDX");
            json.WriteString("specVersion", "1.6");
            json.WriteString("serialNumber", "urn:uuid:" + SpdxSbom.SerialNumber(inventory, created));
            json.WriteNumber("version", 1);

            json.WriteStartObject("metadata");
            json.WriteString("timestamp", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject("tools");
            json.WriteStartArray("components");
            json.WriteStartObject();
            json.WriteString("type", "application");
            json.WriteString("name", "commons");
            json.WriteString("version", SarifReport.ToolVersion());
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("component");
            json.WriteString("type", "application");
            json.WriteString("bom-ref", "repository");
            json.WriteString("name", name);
            var licenses = inventory.Projects.Select(p => p.License).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            if (licenses.Length == 1)
            {
                Licenses(json, licenses[0], null);
            }

            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("components");
            foreach (var project in inventory.Projects)
            {
                json.WriteStartObject();
                json.WriteString("type", project.IsApplication ? "application" : "library");
                json.WriteString("bom-ref", ProjectRef(project));
                json.WriteString("name", project.Name);
                Json.WriteIfSet(json, "version", project.Version);
                Licenses(json, project.License, null);
                Json.WriteIfSet(json, "copyright", project.Analyzed.Project.Get("Copyright"));
                json.WriteEndObject();
            }

            foreach (var package in inventory.Packages)
            {
                json.WriteStartObject();
                json.WriteString("type", "library");
                json.WriteString("bom-ref", package.Purl);
                json.WriteString("name", package.Id);
                json.WriteString("version", package.Version);
                json.WriteString("scope", package.Runtime ? "required" : "optional");
                if (package.Sha512Hex is { } sha)
                {
                    json.WriteStartArray("hashes");
                    json.WriteStartObject();
                    json.WriteString("alg", "SHA-512");
                    json.WriteString("content", sha);
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                var curated = package.Fact.Source == LicenseSource.Curated;
                var fetched = package.FetchedUrlProvenance;
                Licenses(json, package.Fact.License, package.Fact.LicenseUrl, curated || fetched is not null ? "concluded" : null);
                json.WriteString("purl", package.Purl);
                if (fetched is not null)
                {
                    json.WriteStartArray("properties");
                    Property(json, "commons:license-source", "fetched-url");
                    Property(json, "commons:license-url", package.Fact.LicenseUrl ?? "");
                    Property(json, "commons:license-provenance", fetched);
                    json.WriteEndArray();
                }

                if (curated)
                {
                    // The curation's provenance: where the team's correction of the package's metadata comes from.
                    json.WriteStartArray("properties");
                    Property(json, "commons:license-source", "curated");
                    Property(json, "commons:curation", package.Fact.Curation ?? "");
                    Property(json, "commons:declared-license", package.Fact.DeclaredLicense ?? "NOASSERTION");
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("dependencies");
            json.WriteStartObject();
            json.WriteString("ref", "repository");
            Json.WriteStrings(json, "dependsOn", inventory.Projects.Select(ProjectRef));
            json.WriteEndObject();
            var purls = inventory.Packages.ToDictionary(p => PackageInventory.Key(p.Id, p.Version), p => p.Purl);
            foreach (var project in inventory.Projects)
            {
                json.WriteStartObject();
                json.WriteString("ref", ProjectRef(project));
                Json.WriteStrings(json, "dependsOn", project.Direct.Distinct(StringComparer.Ordinal).Select(k => purls[k]));
                json.WriteEndObject();
            }

            foreach (var package in inventory.Packages)
            {
                json.WriteStartObject();
                json.WriteString("ref", package.Purl);
                Json.WriteStrings(json, "dependsOn", inventory.Packages.Where(c => c.Parents.Contains(package.Id)).Select(c => c.Purl).Distinct(StringComparer.Ordinal));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string ProjectRef(ProjectEntry project) => "project:" + project.RelativePath;

    private static void Property(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    /// <summary>One expression, whole (<paramref name="acknowledgement"/> <c>concluded</c> for a curated one); an unknown licence known only by URL becomes a named licence with that URL.</summary>
    private static void Licenses(Utf8JsonWriter json, string? expression, string? url, string? acknowledgement = null)
    {
        if (expression is null && url is null)
        {
            return;
        }

        json.WriteStartArray("licenses");
        json.WriteStartObject();
        if (expression is not null)
        {
            json.WriteString("expression", expression);
            Json.WriteIfSet(json, "acknowledgement", acknowledgement);
        }
        else
        {
            json.WriteStartObject("license");
            json.WriteString("name", "licence given only as a URL");
            json.WriteString("url", url);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }
}
