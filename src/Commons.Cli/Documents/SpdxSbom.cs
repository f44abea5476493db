// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Commons.Cli.Output;
using Commons.Compliance.Facts;
using Commons.Licensing;

namespace Commons.Cli.Documents;

/// <summary>
/// An SPDX 2.3 JSON document: one package per project (its own licence as licenseDeclared) and per NuGet package (its
/// licence expression whole, never split at OR; NOASSERTION when unknown), SHA-512 checksums from the package folder,
/// purl references, DESCRIBES / DEPENDS_ON / DEV_DEPENDENCY_OF relationships.
/// </summary>
internal static class SpdxSbom
{
    private const string NoAssertion = "NOASSERTION";

    public static string Write(PackageInventory inventory, DateTimeOffset created)
    {
        var name = System.IO.Path.GetFileName(inventory.Root.TrimEnd('/', '\\'));
        var projectIds = inventory.Projects.ToDictionary(p => p, p => SpdxId("Project", p.RelativePath));
        var packageIds = inventory.Packages.ToDictionary(p => PackageInventory.Key(p.Id, p.Version), p => SpdxId("Package", p.Id + "-" + p.Version));
        return Json.Document(json =>
        {
            json.WriteStartObject();
            json.WriteString("spdxVersion", "SPDX-2.3");
            json.WriteString("dataLicense", "CC0-1.0");
            json.WriteString("SPDXID", "SPDXRef-DOCUMENT");
            json.WriteString("name", name);
            json.WriteString("documentNamespace", "https://spdx.org/spdxdocs/" + Uri.EscapeDataString(name) + "-" + ContentHash(inventory, created));
            json.WriteStartObject("creationInfo");
            json.WriteString("created", created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            Json.WriteStrings(json, "creators", new[] { "Tool: commons-" + SarifReport.ToolVersion() });
            json.WriteString("comment", "Licences as declared by each package (or mapped from its licence URL or identified from its licence file); a licence corrected by a curation of the policy file is the package's licenseConcluded, its provenance in licenseComments; " + SpdxCatalog.Default.ListVersion + ".");
            json.WriteEndObject();
            Json.WriteStrings(json, "documentDescribes", projectIds.Values);

            json.WriteStartArray("packages");
            foreach (var project in inventory.Projects)
            {
                json.WriteStartObject();
                json.WriteString("SPDXID", projectIds[project]);
                json.WriteString("name", project.Name);
                Json.WriteIfSet(json, "versionInfo", project.Version);
                json.WriteString("downloadLocation", NoAssertion);
                json.WriteBoolean("filesAnalyzed", false);
                json.WriteString("licenseConcluded", NoAssertion);
                json.WriteString("licenseDeclared", project.License ?? NoAssertion);
                json.WriteString("copyrightText", project.Analyzed.Project.Get("Copyright") ?? NoAssertion);
                json.WriteString("primaryPackagePurpose", project.IsApplication ? "APPLICATION" : "LIBRARY");
                json.WriteString("comment", project.RelativePath);
                json.WriteEndObject();
            }

            foreach (var package in inventory.Packages)
            {
                json.WriteStartObject();
                json.WriteString("SPDXID", packageIds[PackageInventory.Key(package.Id, package.Version)]);
                json.WriteString("name", package.Id);
                json.WriteString("versionInfo", package.Version);
                json.WriteString("downloadLocation", NoAssertion);
                json.WriteBoolean("filesAnalyzed", false);
                // A curated licence is a conclusion drawn by the team, not what the package declares (SPDX 2.3 §7.13, §7.15).
                // So is a licence identified from the text behind the package's licence URL: the package declared a URL only.
                var curated = package.Fact.Source == LicenseSource.Curated;
                var fetched = package.Fact.Source == LicenseSource.FetchedUrl;
                json.WriteString("licenseConcluded", curated || fetched ? package.Fact.License : NoAssertion);
                json.WriteString("licenseDeclared", (curated ? package.Fact.DeclaredLicense : fetched ? null : package.Fact.License) ?? NoAssertion);
                if (curated)
                {
                    json.WriteString("licenseComments", "curated: " + package.Fact.Curation);
                }
                else if (fetched)
                {
                    json.WriteString("licenseComments", package.FetchedUrlProvenance);
                }

                json.WriteString("copyrightText", NoAssertion);
                json.WriteString("primaryPackagePurpose", "LIBRARY");
                if (package.Sha512Hex is { } sha)
                {
                    json.WriteStartArray("checksums");
                    json.WriteStartObject();
                    json.WriteString("algorithm", "SHA512");
                    json.WriteString("checksumValue", sha);
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartArray("externalRefs");
                json.WriteStartObject();
                json.WriteString("referenceCategory", "PACKAGE-MANAGER");
                json.WriteString("referenceType", "purl");
                json.WriteString("referenceLocator", package.Purl);
                json.WriteEndObject();
                json.WriteEndArray();
                if (package.Fact.License is null && package.Fact.LicenseUrl is { } url && !curated)
                {
                    json.WriteString("comment", "licence given only as a URL: " + url);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("relationships");
            foreach (var id in projectIds.Values)
            {
                Relationship(json, "SPDXRef-DOCUMENT", "DESCRIBES", id);
            }

            foreach (var project in inventory.Projects)
            {
                foreach (var key in project.Direct.Distinct(StringComparer.Ordinal))
                {
                    var package = inventory.Packages.First(p => PackageInventory.Key(p.Id, p.Version) == key);
                    if (package.Runtime)
                    {
                        Relationship(json, projectIds[project], "DEPENDS_ON", packageIds[key]);
                    }
                    else
                    {
                        Relationship(json, packageIds[key], "DEV_DEPENDENCY_OF", projectIds[project]);
                    }
                }
            }

            foreach (var package in inventory.Packages)
            {
                foreach (var parent in package.Parents.OrderBy(p => p, StringComparer.OrdinalIgnoreCase))
                {
                    var parentEntry = inventory.Packages.FirstOrDefault(p => string.Equals(p.Id, parent, StringComparison.OrdinalIgnoreCase));
                    if (parentEntry is not null)
                    {
                        Relationship(json, packageIds[PackageInventory.Key(parentEntry.Id, parentEntry.Version)], "DEPENDS_ON", packageIds[PackageInventory.Key(package.Id, package.Version)]);
                    }
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>An SPDX id: <c>SPDXRef-</c> then letters, digits, '.' and '-' only.</summary>
    public static string SpdxId(string kind, string text)
    {
        var sb = new StringBuilder("SPDXRef-" + kind + "-");
        foreach (var c in text)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '.' || c == '-' ? c : '-');
        }

        return sb.ToString();
    }

    private static void Relationship(Utf8JsonWriter json, string from, string type, string to)
    {
        json.WriteStartObject();
        json.WriteString("spdxElementId", from);
        json.WriteString("relationshipType", type);
        json.WriteString("relatedSpdxElement", to);
        json.WriteEndObject();
    }

    /// <summary>A namespace unique to this content and time, yet reproducible for the same inputs.</summary>
    private static string ContentHash(PackageInventory inventory, DateTimeOffset created)
    {
        var text = created.ToUnixTimeSeconds() + "|" + string.Join("|", inventory.Projects.Select(p => p.RelativePath))
            + "|" + string.Join("|", inventory.Packages.Select(p => p.Purl));
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)).ToString();
    }

    public static Guid SerialNumber(PackageInventory inventory, DateTimeOffset created) => Guid.Parse(ContentHash(inventory, created));
}
