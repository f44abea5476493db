// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Text.RegularExpressions;
using Commons.Compliance.Facts;

namespace Commons.Inspection.Repository;

/// <summary>
/// Which file names are which community file. Data, not code: one row per kind, first matching row wins.
/// Names are matched case-insensitively; an optional extension (<c>.md</c>, <c>.txt</c>, <c>.rst</c>, <c>.adoc</c> …) is accepted.
/// </summary>
/// <remarks>
/// Sources: licensee's licence file names (<c>(un)licen[sc]e</c>, <c>copying</c>, <c>LICENSE-*</c>), OpenSSF Scorecard's
/// SECURITY variants (<c>.md</c>, <c>.adoc</c>, <c>.rst</c>), GitHub's community health file locations (root, <c>.github/</c>, <c>docs/</c>).
/// </remarks>
public static class RepositoryFileTable
{
    /// <summary>The folders, relative to the root, in which community files are looked for (the root is "").</summary>
    public static readonly IReadOnlyList<string> Folders = new[] { "", ".github", "docs" };

    /// <summary>The REUSE folder whose every file is a licence text.</summary>
    public const string ReuseLicensesFolder = "LICENSES";

    private const string Ext = @"(\.[a-z0-9]+)?";

    /// <summary>Kind and file-name pattern, in matching order.</summary>
    public static readonly IReadOnlyList<KeyValuePair<RepositoryFileKind, Regex>> Rows = new[]
    {
        Row(RepositoryFileKind.ThirdPartyNotices, @"third[_-]?party[_-]?(notices?|licen[sc]es?)" + Ext),
        Row(RepositoryFileKind.License, @"(un)?licen[sc]e" + Ext),
        Row(RepositoryFileKind.License, @"(licen[sc]e|copying)-[^/]+"),
        Row(RepositoryFileKind.License, @"[^/]+-(licen[sc]e|copying)" + Ext),
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

    /// <summary>The kind of a file name, or null when it is not a community file.</summary>
    public static RepositoryFileKind? KindOf(string fileName)
    {
        foreach (var row in Rows)
        {
            if (row.Value.IsMatch(fileName))
            {
                return row.Key;
            }
        }

        return null;
    }

    private static KeyValuePair<RepositoryFileKind, Regex> Row(RepositoryFileKind kind, string pattern)
        => new(kind, new Regex("^" + pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
}
