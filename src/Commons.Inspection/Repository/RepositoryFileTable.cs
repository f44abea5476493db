// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
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

    /// <summary>Kind and file-name pattern, in matching order.</summary>
    /// <remarks>
    /// A stem is matched whole, case-insensitively; <c>~</c> in a stem stands for one optional <c>_</c> or <c>-</c>
    /// (<c>code~of~conduct</c>: CODE_OF_CONDUCT, code-of-conduct, CodeOfConduct). Plain string matching rather than
    /// regular expressions: every MSBuild node and every <c>commons</c> run classifies the repository's files once, and
    /// building and first running 17 case-insensitive expressions was most of that (about 30 ms per process).
    /// </remarks>
    public static readonly IReadOnlyList<NamePattern> Rows = new[]
    {
        new NamePattern(RepositoryFileKind.ThirdPartyNotices, NameShape.StemAndExtension, "third~party~notice", "third~party~notices", "third~party~license", "third~party~licenses", "third~party~licence", "third~party~licences"),
        new NamePattern(RepositoryFileKind.License, NameShape.StemAndExtension, "license", "licence", "unlicense", "unlicence"),
        new NamePattern(RepositoryFileKind.License, NameShape.StemDashAnything, "license", "licence", "copying"),
        new NamePattern(RepositoryFileKind.License, NameShape.AnythingDashStemAndExtension, "license", "licence", "copying"),
        new NamePattern(RepositoryFileKind.License, NameShape.StemAndExtension, "copying", "copyright"),
        new NamePattern(RepositoryFileKind.Readme, NameShape.StemAndExtension, "readme"),
        new NamePattern(RepositoryFileKind.Contributing, NameShape.StemAndExtension, "contributing"),
        new NamePattern(RepositoryFileKind.CodeOfConduct, NameShape.StemAndExtension, "code~of~conduct"),
        new NamePattern(RepositoryFileKind.Security, NameShape.StemAndExtension, "security"),
        new NamePattern(RepositoryFileKind.Governance, NameShape.StemAndExtension, "governance"),
        new NamePattern(RepositoryFileKind.Changelog, NameShape.StemAndExtension, "changelog", "changes", "history", "releases", "news"),
        new NamePattern(RepositoryFileKind.Authors, NameShape.StemAndExtension, "authors", "maintainers"),
        new NamePattern(RepositoryFileKind.Notice, NameShape.StemAndExtension, "notice"),
        new NamePattern(RepositoryFileKind.PublicCode, NameShape.Stem, "publiccode.yml", "publiccode.yaml"),
        new NamePattern(RepositoryFileKind.ContributorLicenseAgreement, NameShape.StemAndExtension, "cla", "contributor~license~agreement", "contributor~licence~agreement"),
        new NamePattern(RepositoryFileKind.DeveloperCertificateOfOrigin, NameShape.StemAndExtension, "dco", "developer~certificate~of~origin"),
        new NamePattern(RepositoryFileKind.ReuseToml, NameShape.Stem, "reuse.toml"),
    };

    /// <summary>The kind of a file name, or null when it is not a community file.</summary>
    public static RepositoryFileKind? KindOf(string fileName)
    {
        var name = Fold(fileName);
        foreach (var row in Rows)
        {
            if (row.Matches(name))
            {
                return row.Kind;
            }
        }

        return null;
    }

    /// <summary>
    /// ASCII letters in lower case, and the Kelvin sign as k (culture-invariant case-insensitive matching, which the table
    /// used before, equates them); every other character as it is: the stems are ASCII, no other letter may match one.
    /// </summary>
    private static string Fold(string name)
    {
        var folded = name.ToCharArray();
        for (var i = 0; i < folded.Length; i++)
        {
            if (folded[i] >= 'A' && folded[i] <= 'Z')
            {
                folded[i] = (char)(folded[i] + ('a' - 'A'));
            }
            else if (folded[i] == '\u212A')
            {
                folded[i] = 'k';
            }
        }

        return new string(folded);
    }
}

/// <summary>How a community file's name is made of a stem.</summary>
public enum NameShape
{
    /// <summary>The stem alone (<c>reuse.toml</c>).</summary>
    Stem,

    /// <summary>The stem, optionally followed by one extension of letters and digits (<c>README</c>, <c>readme.md</c>).</summary>
    StemAndExtension,

    /// <summary>The stem, a dash, then anything (<c>LICENSE-APACHE</c>, <c>COPYING-2.0.txt</c>).</summary>
    StemDashAnything,

    /// <summary>Anything, a dash or an underscore, the stem, optionally one extension (<c>APACHE-LICENSE</c>, <c>mit-license.txt</c>, <c>dotnet_library_license.txt</c>).</summary>
    AnythingDashStemAndExtension,
}

/// <summary>One row of <see cref="RepositoryFileTable.Rows"/>: a kind, the shape of its names and their stems (lower case).</summary>
public sealed class NamePattern
{
    public NamePattern(RepositoryFileKind kind, NameShape shape, params string[] stems)
    {
        Kind = kind;
        Shape = shape;
        Stems = stems;
    }

    public RepositoryFileKind Kind { get; }

    public NameShape Shape { get; }

    public IReadOnlyList<string> Stems { get; }

    /// <summary>Whether a case-folded file name has this shape with one of the stems.</summary>
    public bool Matches(string name)
    {
        switch (Shape)
        {
            case NameShape.Stem:
                return AnyStemIs(name, 0, name.Length);
            case NameShape.StemAndExtension:
                return AnyStemIs(name, 0, name.Length) || (WithoutExtension(name) is var end && end > 0 && AnyStemIs(name, 0, end));
            case NameShape.StemDashAnything:
                foreach (var stem in Stems)
                {
                    if (StemLength(name, 0, stem) is var length && length >= 0 && length + 1 < name.Length && name[length] == '-' && Rest(name, length + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return EndsWithDashStem(name, name.Length) || (WithoutExtension(name) is var stemEnd && stemEnd > 0 && EndsWithDashStem(name, stemEnd));
        }
    }

    private bool AnyStemIs(string name, int start, int end)
    {
        foreach (var stem in Stems)
        {
            if (StemLength(name, start, stem) == end - start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The characters before a dash (or an underscore: <c>dotnet_library_license.txt</c>, <c>MIT_LICENSE</c>) and a stem
    /// ending at <paramref name="end"/>: at least one, none of them a slash.
    /// </summary>
    private bool EndsWithDashStem(string name, int end)
    {
        for (var dash = end - 2; dash >= 1; dash--)
        {
            if ((name[dash] == '-' || name[dash] == '_') && Rest(name.Substring(0, dash), 0) && AnyStemIs(name.Substring(0, end), dash + 1, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many characters of <paramref name="name"/> from <paramref name="start"/> the stem takes, or -1 when it does not match there.</summary>
    private static int StemLength(string name, int start, string stem)
    {
        var at = start;
        foreach (var c in stem)
        {
            if (c == '~')
            {
                if (at < name.Length && (name[at] == '_' || name[at] == '-'))
                {
                    at++;
                }
            }
            else if (at < name.Length && name[at] == c)
            {
                at++;
            }
            else
            {
                return -1;
            }
        }

        return at - start;
    }

    /// <summary>Where a final extension (a dot, then letters and digits to the end) starts, or -1 when there is none.</summary>
    private static int WithoutExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0 || dot == name.Length - 1)
        {
            return -1;
        }

        for (var i = dot + 1; i < name.Length; i++)
        {
            if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9')))
            {
                return -1;
            }
        }

        return dot;
    }

    /// <summary>At least one character from <paramref name="start"/> on, none of them a slash.</summary>
    private static bool Rest(string name, int start) => start < name.Length && name.IndexOf('/', start) < 0;
}
