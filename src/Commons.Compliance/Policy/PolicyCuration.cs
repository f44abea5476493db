// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Licensing;

namespace Commons.Compliance.Policy;

/// <summary>
/// A correction of a package's licence metadata, with where the fact comes from: a <c>[curation: Package.Id]</c> section of the
/// policy file. An exception accepts a violation; a curation corrects a fact, so the package is then judged, reported and
/// listed (dependency report, SBOMs, notices) under the curated licence, with source <c>curated</c> and this provenance.
/// <code>
/// [curation: Legacy.Lib]
/// version = [1.0.0, 2.0.0)
/// license = MIT
/// source = https://github.com/legacy/lib/blob/v1.0.0/LICENSE (the nuspec names no licence)
/// </code>
/// <c>license</c> (an SPDX expression) and <c>source</c> (a URL or a sentence) are required; <c>version</c> is optional: without
/// it the curation covers every version.
/// </summary>
public sealed class PolicyCuration
{
    /// <summary>The prefix of a curation's section header, before the package id.</summary>
    public const string SectionPrefix = "curation:";

    public PolicyCuration(string packageId, PackageVersionRange? versions, string license, string source, int line)
    {
        PackageId = packageId;
        Versions = versions;
        License = license;
        Source = source;
        Line = line;
    }

    public string PackageId { get; }

    /// <summary>The versions covered, or null for every version.</summary>
    public PackageVersionRange? Versions { get; }

    /// <summary>The curated licence, a normalised SPDX expression.</summary>
    public string License { get; }

    /// <summary>Where the fact comes from: a URL or a sentence.</summary>
    public string Source { get; }

    /// <summary>1-based line of the section header in the policy file.</summary>
    public int Line { get; }

    public bool Covers(string packageId, string version)
        => string.Equals(PackageId, packageId, StringComparison.OrdinalIgnoreCase) && (Versions is null || Versions.Contains(version));

    /// <summary>
    /// Applies the first curation that covers each package: its licence becomes the curated one (source <see cref="LicenseSource.Curated"/>),
    /// the licence the metadata gave is kept as <see cref="PackageFact.DeclaredLicense"/>, the provenance as <see cref="PackageFact.Curation"/>.
    /// A curation decides; the problem that made the licence unreadable, if any, no longer applies to it.
    /// </summary>
    public static void Apply(IReadOnlyList<PolicyCuration> curations, IEnumerable<PackageFact> packages)
    {
        if (curations.Count == 0)
        {
            return;
        }

        foreach (var package in packages)
        {
            if (curations.FirstOrDefault(c => c.Covers(package.Id, package.Version)) is not { } curation)
            {
                continue;
            }

            package.DeclaredLicense = package.License;
            package.License = curation.License;
            package.Source = LicenseSource.Curated;
            package.Curation = curation.Source;
            package.Problem = null;
        }
    }

    /// <summary>Whether a section header (without its brackets) names a curation.</summary>
    internal static bool IsCurationHeader(string header) => header.StartsWith(SectionPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>A curation section being read, line by line.</summary>
    internal sealed class Section
    {
        private string? license;
        private string? source;
        private PackageVersionRange? versions;

        // A line already reported as an error: the curation is dropped, without a second error for it.
        private bool rejected;

        public Section(string header, int line)
        {
            PackageId = header.Substring(SectionPrefix.Length).Trim();
            Line = line;
        }

        public string PackageId { get; }

        public int Line { get; }

        public void Set(string key, string value, int line, List<PolicyFileError> errors)
        {
            switch (key)
            {
                case "license":
                    var parsed = SpdxExpression.Parse(value);
                    if (parsed.Normalized is not { } normalized)
                    {
                        errors.Add(new PolicyFileError(line, "the curated license '" + Excerpt(value) + "' is not a valid SPDX expression" + (parsed.Error is { } e ? ": " + e.Message : "")));
                        rejected = true;
                    }
                    else if (parsed.UnknownIds.Count > 0)
                    {
                        errors.Add(new PolicyFileError(line, "the curated license '" + Excerpt(value) + "' uses the unknown licence id '" + Excerpt(parsed.UnknownIds[0]) + "' (use an SPDX id or a LicenseRef-)"));
                        rejected = true;
                    }
                    else
                    {
                        license = normalized;
                    }

                    break;
                case "source":
                    source = value;
                    break;
                case "version":
                    versions = PackageVersionRange.Parse(value, out var error);
                    if (versions is null)
                    {
                        errors.Add(new PolicyFileError(line, "the curation's version '" + Excerpt(value) + "' " + error + " (a version, or a range such as [1.0,2.0))"));
                        rejected = true;
                    }

                    break;
                default:
                    errors.Add(new PolicyFileError(line, "unknown key '" + Excerpt(key) + "' in a curation (expected license, source or version)"));
                    break;
            }
        }

        public void Close(List<PolicyCuration> curations, List<PolicyFileError> errors)
        {
            if (rejected)
            {
                return;
            }

            if (PackageId.Length == 0)
            {
                errors.Add(new PolicyFileError(Line, "a curation's section header must be [curation: Package.Id]"));
            }
            else if (license is null)
            {
                errors.Add(new PolicyFileError(Line, "the curation for '" + Excerpt(PackageId) + "' gives no valid license"));
            }
            else if (string.IsNullOrWhiteSpace(source))
            {
                errors.Add(new PolicyFileError(Line, "the curation for '" + Excerpt(PackageId) + "' gives no source (where the fact comes from: a URL or a sentence)"));
            }
            else
            {
                curations.Add(new PolicyCuration(PackageId, versions, license, source!, Line));
            }
        }
    }

    /// <summary>The policy file may be any file: its text is quoted only as a short escaped excerpt (as in <see cref="PolicyFile"/>).</summary>
    private static string Excerpt(string text) => Commons.Compliance.Input.Printable.Excerpt(text, PolicyFile.MaxExcerpt);
}
