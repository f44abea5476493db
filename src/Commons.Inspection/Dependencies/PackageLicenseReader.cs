// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Xml;
using Commons.Compliance.Facts;
using Commons.Inspection.Repository;
using NuGet.Packaging;

namespace Commons.Inspection.Dependencies;

/// <summary>Reads a restored package's licence from its <c>.nuspec</c>: expression, file inside the package, or legacy URL.</summary>
public static class PackageLicenseReader
{
    /// <summary>What <c>pack</c> writes into <c>licenseUrl</c> when a licence file or expression is used: not a licence.</summary>
    private const string DeprecatedLicenseUrl = "https://aka.ms/deprecateLicenseUrl";

    /// <summary>Reads the licence of the package extracted in <paramref name="packageFolder"/>. Never throws.</summary>
    public static PackageLicense Read(string packageFolder, string packageId, long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        var nuspecPath = FindNuspec(packageFolder, packageId);
        if (nuspecPath is null)
        {
            return Failed(CollectionProblemKind.NuspecUnreadable, "no .nuspec in " + packageFolder, null);
        }

        NuspecLicenseFields fields;
        try
        {
            // Inside the package folder and not through a link: a nuspec linked elsewhere is not the package's.
            var read = BoundedFile.Read(nuspecPath, new BoundedRead { MaxBytes = maxBytes, Inside = packageFolder });
            var content = read.Bytes ?? throw new IOException(read.Problem);
            using var stream = new MemoryStream(content);
            fields = NuspecLicenseFields.Read(stream);
        }
        catch (Exception ex) when (ex is XmlException or IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            return Failed(CollectionProblemKind.NuspecUnreadable, "the nuspec " + nuspecPath + " cannot be read: " + ex.Message, nuspecPath);
        }

        var result = FromFields(packageFolder, fields, maxBytes);
        if (result.License is null && result.Source is LicenseSource.Url or LicenseSource.None)
        {
            result = FromPackagedFile(packageFolder, result, maxBytes) ?? result;
        }

        result.IsDevelopmentDependency = fields.DevelopmentDependency;
        result.NuspecPath = nuspecPath;
        return result;
    }

    private static PackageLicense FromFields(string packageFolder, NuspecLicenseFields fields, long maxBytes)
    {
        var licenseUrl = fields.LicenseUrl;
        var url = string.IsNullOrWhiteSpace(licenseUrl) || string.Equals(licenseUrl!.Trim(), DeprecatedLicenseUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : licenseUrl.Trim();

        if (fields.LicenseType == LicenseType.Expression)
        {
            return FromExpression(fields.LicenseText!, url);
        }

        if (fields.LicenseType == LicenseType.File)
        {
            return FromFile(packageFolder, fields.LicenseText, url, maxBytes);
        }

        if (url is not null)
        {
            return new PackageLicense { Source = LicenseSource.Url, LicenseUrl = url, License = LicensingBridge.MapUrl(url) };
        }

        return new PackageLicense { Source = LicenseSource.None };
    }

    private static PackageLicense FromExpression(string expression, string? url)
    {
        // Commons.Licensing decides, not NuGet's own grammar: NuGet's list of ids is older than the SPDX list we carry.
        var normalized = LicensingBridge.Normalize(expression, out var error);
        var result = new PackageLicense { Source = LicenseSource.Expression, License = normalized, LicenseUrl = url };
        if (normalized is null)
        {
            result.Problem = error;
            result.ProblemKind = CollectionProblemKind.LicenseMetadataInvalid;
        }

        return result;
    }

    private static PackageLicense FromFile(string packageFolder, string? relativePath, string? url, long maxBytes)
    {
        var result = new PackageLicense { Source = LicenseSource.File, LicenseFile = relativePath, LicenseUrl = url };
        var fullPath = PathSafety.ResolveInside(packageFolder, relativePath ?? "");
        if (fullPath is null)
        {
            result.Problem = "the licence file '" + relativePath + "' lies outside the package: not read";
            result.ProblemKind = CollectionProblemKind.LicenseFileOutsidePackage;
            return result;
        }

        if (!File.Exists(fullPath))
        {
            result.Problem = "the licence file '" + relativePath + "' is missing from the package";
            result.ProblemKind = CollectionProblemKind.LicenseFileUnreadable;
            return result;
        }

        // NuGet never extracts a link, but a hand-made or tampered package folder may hold one pointing anywhere.
        if (PathSafety.HasLinkBelow(packageFolder, fullPath))
        {
            result.Problem = "the licence file '" + relativePath + "' is a link (or lies in a linked folder): not followed";
            result.ProblemKind = CollectionProblemKind.LicenseFileOutsidePackage;
            return result;
        }

        var content = BoundedFile.TryRead(fullPath, maxBytes, out var readProblem);
        if (content is null)
        {
            result.Problem = "the licence file '" + relativePath + "': " + readProblem;
            result.ProblemKind = CollectionProblemKind.LicenseFileUnreadable;
            return result;
        }

        var identification = LicensingBridge.Identify(content);
        result.License = identification.License;
        result.Confidence = identification.Confidence;
        if (identification.License is null)
        {
            result.Problem = "the licence file '" + relativePath + "' was not identified"
                + (identification.Reason is { } reason ? ": " + reason : "")
                + (identification.ClosestLicense is { } closest ? " (closest: " + closest + ")" : "");
        }

        return result;
    }

    /// <summary>
    /// A package whose nuspec gives no licence, or only a licence URL that maps to none (often an unversioned link such as
    /// corefx's <c>blob/master/LICENSE.TXT</c>), may still ship its licence text at its root: that text, identified, is the
    /// licence of this very version, which a moving URL is not. Several licence files count only when they agree.
    /// Returns null when no packaged file settles it, so that the URL (or its absence) stays the finding.
    /// </summary>
    private static PackageLicense? FromPackagedFile(string packageFolder, PackageLicense declared, long maxBytes)
    {
        string? license = null;
        string? licenseFile = null;
        double? confidence = null;
        foreach (var candidate in PackagedLicenseFiles(packageFolder))
        {
            var content = BoundedFile.TryRead(candidate, maxBytes, out _);
            if (content is null)
            {
                continue;
            }

            var identification = LicensingBridge.Identify(content);
            if (identification.License is null)
            {
                // An unidentified licence file beside an identified one leaves the package's licence open.
                return null;
            }

            if (license is not null && !string.Equals(license, identification.License, StringComparison.Ordinal))
            {
                return null;
            }

            license = identification.License;
            licenseFile ??= Path.GetFileName(candidate);
            confidence = confidence is { } c ? Math.Min(c, identification.Confidence) : identification.Confidence;
        }

        return license is null
            ? null
            : new PackageLicense { Source = LicenseSource.PackagedFile, License = license, LicenseFile = licenseFile, Confidence = confidence, LicenseUrl = declared.LicenseUrl };
    }

    /// <summary>The licence files at the package's root (not its notices of third parties), links left alone, in a stable order.</summary>
    private static string[] PackagedLicenseFiles(string packageFolder)
    {
        try
        {
            return new DirectoryInfo(packageFolder).EnumerateFiles()
                .Where(f => RepositoryFileTable.KindOf(f.Name) == RepositoryFileKind.License && !PathSafety.IsLink(f))
                .Select(f => f.FullName)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Array.Empty<string>();
        }
    }

    private static string? FindNuspec(string packageFolder, string packageId)
    {
        try
        {
            var expected = Path.Combine(packageFolder, packageId.ToLowerInvariant() + ".nuspec");
            if (File.Exists(expected))
            {
                return expected;
            }

            return Directory.Exists(packageFolder)
                ? Directory.GetFiles(packageFolder, "*.nuspec").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault()
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static PackageLicense Failed(CollectionProblemKind kind, string message, string? nuspecPath)
        => new() { Source = LicenseSource.None, Problem = message, ProblemKind = kind, NuspecPath = nuspecPath };
}
