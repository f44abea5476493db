// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Commons.Compliance.Facts;
using Commons.Inspection.Repository;

namespace Commons.Inspection.Tests;

/// <summary>
/// The file-name table matches with plain strings; these tests hold it to the case-insensitive regular expressions it
/// replaced (kept here as the reference), over every stem and many variations of it.
/// </summary>
public class RepositoryFileTableTests
{
    private const string Ext = @"(\.[a-z0-9]+)?";

    private static readonly (RepositoryFileKind Kind, Regex Pattern)[] Reference =
    {
        Row(RepositoryFileKind.ThirdPartyNotices, @"third[_-]?party[_-]?(notices?|licen[sc]es?)" + Ext),
        Row(RepositoryFileKind.License, @"(un)?licen[sc]e" + Ext),
        Row(RepositoryFileKind.License, @"(licen[sc]e|copying)-[^/]+"),
        Row(RepositoryFileKind.License, @"[^/]+[-_](licen[sc]e|copying)" + Ext),
        Row(RepositoryFileKind.License, @"(copying|copyright)" + Ext),
        Row(RepositoryFileKind.Readme, @"readme" + Ext),
        Row(RepositoryFileKind.Contributing, @"contributing" + Ext),
        Row(RepositoryFileKind.CodeOfConduct, @"code[_-]?of[_-]?conduct" + Ext),
        Row(RepositoryFileKind.Security, @"security" + Ext),
        Row(RepositoryFileKind.Governance, @"governance" + Ext),
        Row(RepositoryFileKind.Changelog, @"(changelog|changes|history|releases|news)" + Ext),
        Row(RepositoryFileKind.Authors, @"(authors|maintainers)" + Ext),
        Row(RepositoryFileKind.Notice, @"notice" + Ext),
        Row(RepositoryFileKind.PublicCode, @"publiccode\.ya?ml"),
        Row(RepositoryFileKind.ContributorLicenseAgreement, @"(cla|contributor[_-]?licen[sc]e[_-]?agreement)" + Ext),
        Row(RepositoryFileKind.DeveloperCertificateOfOrigin, @"(dco|developer[_-]?certificate[_-]?of[_-]?origin)" + Ext),
        Row(RepositoryFileKind.ReuseToml, @"reuse\.toml"),
    };

    [Fact]
    public void EveryStemAndVariation_IsClassifiedAsTheRegularExpressionsDid()
    {
        var names = Names().Distinct(StringComparer.Ordinal).ToList();
        Assert.True(names.Count > 20_000, "the variation set is too small to mean anything: " + names.Count);
        var differences = names
            .Select(n => (Name: n, Expected: ReferenceKindOf(n), Actual: RepositoryFileTable.KindOf(n)))
            .Where(r => r.Expected != r.Actual)
            .Take(20)
            .Select(r => $"{r.Name}: expected {r.Expected?.ToString() ?? "none"}, got {r.Actual?.ToString() ?? "none"}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));

        // Not vacuous: the set holds community files of every kind and names of none.
        Assert.Equal(Enum.GetValues<RepositoryFileKind>().Where(k => Reference.Any(r => r.Kind == k)).OrderBy(k => k), names.Select(ReferenceKindOf).OfType<RepositoryFileKind>().Distinct().OrderBy(k => k));
        Assert.Contains(names, n => ReferenceKindOf(n) is null);
    }

    /// <summary>
    /// Every stem of the reference, spelt in several cases (with the long s, the Kelvin sign and the dotted capital I, which
    /// case-insensitive matching treats specially) and with separators, wrapped in prefixes and suffixes.
    /// </summary>
    private static IEnumerable<string> Names()
    {
        var stems = new[]
        {
            "third-party-notices", "third_party_licenses", "thirdpartylicence", "third-partynotice", "third--party-notices",
            "license", "licence", "unlicense", "unlicence", "copying", "copyright", "readme", "contributing", "code_of_conduct",
            "code-of-conduct", "codeofconduct", "code__of_conduct", "security", "governance", "changelog", "changes", "history",
            "releases", "news", "authors", "maintainers", "notice", "publiccode.yml", "publiccode.yaml", "publiccode.ymll",
            "cla", "contributor-license-agreement", "contributor_licence_agreement", "dco", "developer-certificate-of-origin",
            "reuse.toml", "reuse.tomlx", "licenses", "licensee", "xlicense", "readmes", "program.cs",
        };
        var prefixes = new[] { "", "x", "apache-", "-", "mit.", "a/", "LICENSE-", "copying-", "foo-bar-", "dotnet_library_", "_" };
        var suffixes = new[] { "", ".md", ".TXT", ".rst", ".", ".m-d", ".md.bak", "-apache", "-2.0", "-", "_x", ".1", "x", "/a", ".\u017F", ".\u212A", ".\u0130" };
        foreach (var stem in stems)
        {
            foreach (var cased in new[] { stem, stem.ToUpperInvariant(), char.ToUpperInvariant(stem[0]) + stem.Substring(1), stem.Replace('s', '\u017F'), stem.Replace('k', '\u212A'), stem.Replace('i', '\u0130') })
            {
                foreach (var prefix in prefixes)
                {
                    foreach (var suffix in suffixes)
                    {
                        yield return prefix + cased + suffix;
                        yield return prefix + cased + suffix + suffix;
                    }
                }
            }
        }
    }

    private static RepositoryFileKind? ReferenceKindOf(string name)
    {
        foreach (var (kind, pattern) in Reference)
        {
            if (pattern.IsMatch(name))
            {
                return kind;
            }
        }

        return null;
    }

    private static (RepositoryFileKind, Regex) Row(RepositoryFileKind kind, string pattern)
        => (kind, new Regex("^" + pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
}
