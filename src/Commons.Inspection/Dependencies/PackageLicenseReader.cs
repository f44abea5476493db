// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Xml;
using Commons.Compliance.Facts;
using NuGet.Packaging;
using NuGet.Packaging.Licenses;

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

        NuspecReader reader;
        LicenseMetadata? metadata;
        string? licenseUrl;
        bool developmentDependency;
        try
        {
            var content = BoundedFile.TryRead(nuspecPath, maxBytes, out var readProblem)
                ?? throw new IOException(readProblem);
            using var stream = new MemoryStream(content);
            reader = new NuspecReader(stream);
            metadata = reader.GetLicenseMetadata();
            licenseUrl = reader.GetLicenseUrl();
            developmentDependency = reader.GetDevelopmentDependency();
        }
        catch (Exception ex) when (ex is XmlException or IOException or InvalidDataException or NuGet.Packaging.Core.PackagingException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or FormatException)
        {
            return Failed(CollectionProblemKind.NuspecUnreadable, "the nuspec " + nuspecPath + " cannot be read: " + ex.Message, nuspecPath);
        }

        var result = FromMetadata(packageFolder, metadata, licenseUrl, maxBytes);
        result.IsDevelopmentDependency = developmentDependency;
        result.NuspecPath = nuspecPath;
        return result;
    }

    private static PackageLicense FromMetadata(string packageFolder, LicenseMetadata? metadata, string? licenseUrl, long maxBytes)
    {
        var url = string.IsNullOrWhiteSpace(licenseUrl) || string.Equals(licenseUrl!.Trim(), DeprecatedLicenseUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : licenseUrl.Trim();

        if (metadata is not null && metadata.Type == LicenseType.Expression)
        {
            return FromExpression(metadata, url);
        }

        if (metadata is not null && metadata.Type == LicenseType.File)
        {
            return FromFile(packageFolder, metadata.License, url, maxBytes);
        }

        if (url is not null)
        {
            return new PackageLicense { Source = LicenseSource.Url, LicenseUrl = url, License = LicensingBridge.MapUrl(url) };
        }

        return new PackageLicense { Source = LicenseSource.None };
    }

    private static PackageLicense FromExpression(LicenseMetadata metadata, string? url)
    {
        // NuGet's own parser returns a null expression for ids newer than its list or a too-new version; ours decides.
        var normalized = LicensingBridge.Normalize(metadata.License ?? "", out var error);
        var result = new PackageLicense { Source = LicenseSource.Expression, License = normalized, LicenseUrl = url };
        if (normalized is null)
        {
            var nugetSays = metadata.WarningsAndErrors is { Count: > 0 } w ? " (NuGet: " + string.Join("; ", w) + ")" : "";
            result.Problem = error + nugetSays;
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
