// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Commons.Licensing.Tests.Identification;

/// <summary>Real licence files: the committed corpus (always there) and the NuGet package folders of this machine (when present).</summary>
public sealed class RealFileTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Identification", "Corpus");

    public static IEnumerable<object[]> CorpusRows()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(CorpusDirectory, "manifest.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            yield return new object[] { fields[0], fields[1], fields.Length > 2 && fields[2] == "miss" };
        }
    }

    [Fact]
    public void TheCorpusManifestListsEveryCorpusFile()
    {
        var listed = CorpusRows().Select(r => (string)r[0]).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var present = Directory.GetFiles(CorpusDirectory).Select(Path.GetFileName)
            .Where(n => n != "manifest.tsv" && n != "README.md").OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(present, listed);
    }

    [Theory]
    [MemberData(nameof(CorpusRows))]
    public void CorpusFileIdentifiesAsItsManifestSays(string file, string expected, bool knownMiss)
    {
        var result = LicenseIdentifier.Default.Identify(File.ReadAllBytes(Path.Combine(CorpusDirectory, file)));
        if (knownMiss)
        {
            Assert.Null(result.License);
            Assert.Equal(expected, result.ClosestLicense);
        }
        else
        {
            Assert.Equal(expected, result.License);
            Assert.True(result.Confidence >= LicenseIdentifier.DefaultThresholdPercent);
        }
    }

    /// <summary>
    /// The licence files inside the NuGet packages of this machine. Each must be identified, or be NOASSERTION:
    /// never a licence whose id the package's own nuspec contradicts. Skips (passes empty) only where no folder exists.
    /// </summary>
    [Fact]
    public void LicenceFilesInLocalNuGetPackagesAreIdentifiedFromTheirNuspec()
    {
        var folders = new[]
        {
            "/opt/nuget/packages",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? string.Empty,
        }.Where(f => f.Length > 0 && Directory.Exists(f)).Distinct().ToList();
        if (folders.Count == 0)
        {
            return; // a fresh machine without package folders: the committed corpus above still runs
        }

        var checkedFiles = 0;
        var wrong = new List<string>();
        foreach (var nuspec in folders.SelectMany(f => Directory.EnumerateFiles(f, "*.nuspec", SearchOption.AllDirectories)))
        {
            var declared = DeclaredExpression(File.ReadAllText(nuspec));
            var packageDirectory = Path.GetDirectoryName(nuspec)!;
            foreach (var file in Directory.EnumerateFiles(packageDirectory)
                .Where(f => Path.GetFileName(f).StartsWith("LICEN", StringComparison.OrdinalIgnoreCase)))
            {
                checkedFiles++;
                var result = LicenseIdentifier.Default.Identify(File.ReadAllBytes(file));
                if (declared is not null && result.License is not null && result.License != declared)
                {
                    wrong.Add(file + ": " + result.License + ", nuspec says " + declared);
                }
                else if (declared is not null && result.License is null && !declared.Contains(' ') && !IsRichText(file))
                {
                    wrong.Add(file + ": NOASSERTION (" + result.Reason + "), nuspec says " + declared);
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(checkedFiles >= 0);
    }

    /// <summary>
    /// An RTF document (Microsoft.Diagnostics.Runtime ships License-Stable.rtf: its own licence terms in RTF markup, with a
    /// NUL byte at the end, beside a nuspec that says MIT): the identifier reads plain text, so NOASSERTION is its answer.
    /// </summary>
    private static bool IsRichText(string file) => file.EndsWith(".rtf", StringComparison.OrdinalIgnoreCase);

    /// <summary>The nuspec's <c>&lt;license type="expression"&gt;</c>, read with a plain search (the test needs nothing more).</summary>
    private static string? DeclaredExpression(string nuspec)
    {
        const string Open = "<license type=\"expression\">";
        var start = nuspec.IndexOf(Open, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Open.Length;
        var end = nuspec.IndexOf("</license>", start, StringComparison.Ordinal);
        return end < 0 ? null : nuspec.Substring(start, end - start).Trim();
    }
}
