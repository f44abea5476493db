// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Xml;
using Commons.Compliance.Facts;
using NuGet.Packaging;
using NuGet.Packaging.Core;

namespace Commons.Inspection.Projects;

/// <summary>
/// Reads the <c>.nuspec</c> a project is packed from (<c>NuspecFile</c>): pack takes the package's licence and metadata
/// from it, not from the project's properties, so the rules must judge it. Replacement tokens (<c>$version$</c>) count as set.
/// </summary>
public static class ProjectNuspecReader
{
    public static NuspecFacts Read(string path, long maxBytes)
    {
        var facts = new NuspecFacts { Path = path };
        var bytes = BoundedFile.TryRead(path, maxBytes, out var problem);
        if (bytes is null)
        {
            facts.Problem = File.Exists(path) ? problem : "the file does not exist";
            return facts;
        }

        try
        {
            using var stream = new MemoryStream(bytes);
            var reader = new NuspecReader(stream);
            var metadata = reader.GetMetadata().ToList();
            string? Get(string name) => metadata.Where(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase))
                .Select(m => m.Value?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

            var license = reader.GetLicenseMetadata();
            facts.License = license?.License;
            facts.LicenseType = license?.Type.ToString().ToLowerInvariant();
            facts.LicenseUrl = Get("licenseUrl");
            facts.Readme = Get("readme");
            facts.RepositoryUrl = reader.GetRepositoryMetadata()?.Url is { Length: > 0 } url ? url : null;
            facts.ProjectUrl = Get("projectUrl");
            facts.Description = Get("description");
            facts.Authors = Get("authors");
            facts.Copyright = Get("copyright");
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or PackagingException or InvalidOperationException or ArgumentException or FormatException)
        {
            facts.Problem = "the nuspec cannot be read: " + ex.Message;
        }

        return facts;
    }
}
