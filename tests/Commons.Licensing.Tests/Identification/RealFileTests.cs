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
    /// The licence files inside the NuGet packages of this machine, for each package whose nuspec states an expression: never a
    /// licence the nuspec contradicts (a wrong licence is worse than NOASSERTION), in every folder, the usual shared ones
    /// included; and identified as the nuspec says (NOASSERTION only for a compound expression) for the packages of this test
    /// project's own, locked restore, read from its assets file. At least one file of that restore must be checked
    /// (Newtonsoft.Json's LICENSE.md is one), so the test cannot pass on nothing. Other folders hold whatever a machine restored,
    /// edited licence texts included (QuikGraph 2.5.0's MS-PL is 76 % like the original), so only contradictions count there.
    /// </summary>
    [Fact]
    public void LicenceFilesInLocalNuGetPackagesAreIdentifiedFromTheirNuspec()
    {
        var restored = RestoredPackages();
        var folders = restored.Select(p => p.Folder).Distinct().Concat(new[]
        {
            "/opt/nuget/packages",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? string.Empty,
        }).Where(f => f.Length > 0 && Directory.Exists(f)).Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar)).Distinct().ToList();
        Assert.NotEmpty(folders);

        var checkedFiles = 0;
        var wrong = new List<string>();
        var ownRestore = new HashSet<string>(restored.Select(p => Path.Combine(p.Folder, p.Package)).Select(Path.GetFullPath), StringComparer.Ordinal);
        foreach (var nuspec in folders.SelectMany(f => Directory.EnumerateFiles(f, "*.nuspec", SearchOption.AllDirectories)))
        {
            var declared = DeclaredExpression(File.ReadAllText(nuspec));
            if (declared is null)
            {
                continue;
            }

            var packageDirectory = Path.GetDirectoryName(nuspec)!;
            var ownPackage = ownRestore.Contains(Path.GetFullPath(packageDirectory));
            foreach (var file in Directory.EnumerateFiles(packageDirectory)
                .Where(f => Path.GetFileName(f).StartsWith("LICEN", StringComparison.OrdinalIgnoreCase)))
            {
                checkedFiles += ownPackage ? 1 : 0;
                var result = LicenseIdentifier.Default.Identify(File.ReadAllBytes(file));
                if (result.License is not null && result.License != declared && !ShipsOtherTerms(file, result.License))
                {
                    wrong.Add(file + ": " + result.License + ", nuspec says " + declared);
                }
                else if (ownPackage && result.License is null && !declared.Contains(' '))
                {
                    wrong.Add(file + ": NOASSERTION (" + result.Reason + "), nuspec says " + declared);
                }
            }
        }

        Assert.True(checkedFiles > 0, "no licence file of a package with a licence expression in this test's own restore (" + string.Join(", ", folders) + ")");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>
    /// The packages of this test project's own restore (obj/project.assets.json beside its project): each package folder with
    /// each library's path (<c>id/version</c>, lower case) that exists in it.
    /// </summary>
    private static IReadOnlyList<(string Folder, string Package)> RestoredPackages()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var assets = Path.Combine(dir.FullName, "obj", "project.assets.json");
            if (File.Exists(Path.Combine(dir.FullName, "Commons.Licensing.Tests.csproj")) && File.Exists(assets))
            {
                using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(assets));
                var folders = document.RootElement.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).ToArray();
                var libraries = document.RootElement.GetProperty("libraries").EnumerateObject()
                    .Where(l => l.Value.TryGetProperty("type", out var type) && type.GetString() == "package" && l.Value.TryGetProperty("path", out _))
                    .Select(l => l.Value.GetProperty("path").GetString()!)
                    .ToArray();
                return folders.SelectMany(f => libraries.Where(l => Directory.Exists(Path.Combine(f, l))).Select(l => (f, l))).ToArray();
            }
        }

        throw new InvalidOperationException("this test project's assets file is not above " + AppContext.BaseDirectory + ": restore it");
    }

    /// <summary>
    /// Packages whose licence file really holds other terms than their nuspec states, read by hand: Microsoft.Diagnostics.Runtime
    /// 1.x and 2.x say MIT and ship License-Stable.rtf, Microsoft's ".NET Library" licence terms (in RTF, read as text).
    /// </summary>
    private static bool ShipsOtherTerms(string file, string identified)
        => Path.GetFileName(file).Equals("License-Stable.rtf", StringComparison.OrdinalIgnoreCase)
            && identified == "LicenseRef-Microsoft-DotNet-Library"
            && file.Replace('\\', '/').Contains("/microsoft.diagnostics.runtime/", StringComparison.OrdinalIgnoreCase);

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
