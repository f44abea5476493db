// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Baseline;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;

namespace Commons.Compliance.Tests.Baseline;

/// <summary>Which findings a baseline records and which of its entries are stale: decided once, for the analyzer and the CLI.</summary>
public sealed class BaselineMatchTests
{
    private const string Root = "/repo";
    private const string Project = Root + "/src/App/App.csproj";
    private const string BaselinePath = Root + "/commons.baseline.json";

    private static ComplianceInput Input(string baselineText, ProjectFacts? facts = null)
        => new(new ProjectProperties(new[]
        {
            new KeyValuePair<string, string>(PropertyNames.ProjectFullPath, Project),
            new KeyValuePair<string, string>(PropertyNames.RepositoryRoot, Root + "/"),
        }), new[] { new TextFile(TextFileKinds.Baseline, BaselinePath, baselineText) })
        {
            Facts = facts ?? new ProjectFacts { ProjectPath = Project, RepositoryRoot = Root },
            Baseline = BaselineFile.Read(BaselinePath, baselineText),
        };

    private static string Baseline(params BaselineEntry[] entries) => BaselineFile.Write(System.Array.Empty<BaselinePackage>(), entries);

    private static Finding Unknown(string id, int line, string file = Root + "/Directory.Packages.props")
        => new("CMN0101", new[] { id, "1.0.0", ": the package declares no licence" }, new FindingLocation(file, line, 5, line, 40));

    [Fact]
    public void TestAFindingIsRecordedByProjectRuleFileAndSubject_WhateverItsLine()
    {
        var match = BaselineMatch.For(Input(Baseline(new BaselineEntry("src/App/App.csproj", "CMN0101", "Directory.Packages.props", "legacy.lib"))));

        Assert.Equal("src/App/App.csproj", match.Project);
        Assert.True(match.IsRecorded(Unknown("Legacy.Lib", 7)));
        Assert.True(match.IsRecorded(Unknown("Legacy.Lib", 70)));
        Assert.False(match.IsRecorded(Unknown("Other.Lib", 7)));
        Assert.False(match.IsRecorded(Unknown("Legacy.Lib", 7, Root + "/src/App/App.csproj")));
        Assert.False(match.IsRecorded(new Finding("CMN0102", new[] { "Legacy.Lib", "1.0.0", "https://x" }, new FindingLocation(Root + "/Directory.Packages.props", 7, 5, 7, 40))));
    }

    /// <summary>
    /// A file can use several licences whose texts LICENSES/ lacks (REUSE: missing licenses): recording one does not record a
    /// licence the file starts to use later. The REUSE rules merged from the reuse branch had no subject of their own here.
    /// </summary>
    [Fact]
    public void TestAMissingLicenceTextIsRecordedPerLicence()
    {
        static Finding Missing(string id)
            => new("CMN0405", new[] { id, "in its header", id }, new FindingLocation(Root + "/scripts/build.sh", 2, 1, 2, 1));
        var match = BaselineMatch.For(Input(Baseline(new BaselineEntry("src/App/App.csproj", "CMN0405", "scripts/build.sh", "GPL-3.0-or-later"))));

        Assert.Equal("GPL-3.0-or-later", match.EntryOf(Missing("GPL-3.0-or-later"))!.Subject);
        Assert.True(match.IsRecorded(Missing("GPL-3.0-or-later")));
        Assert.False(match.IsRecorded(Missing("LicenseRef-Vendor")));
    }

    [Fact]
    public void TestAFileOutsideTheRepositoryIsNamedByItsNameAlone_ItsFolderDiffersBetweenMachines()
    {
        var match = BaselineMatch.For(Input(Baseline()));
        var sdk = new Finding("CMN0102", new[] { "Microsoft.NETCore.Platforms", "1.1.0", "https://x" },
            new FindingLocation("/usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.Sdk.DefaultItems.props", 3, 5, 3, 9));

        Assert.Equal("Microsoft.NET.Sdk.DefaultItems.props", match.EntryOf(sdk)!.File);
        Assert.Equal("Directory.Packages.props", match.EntryOf(Unknown("A", 1))!.File);
    }

    [Fact]
    public void TestAnEntryOfAnotherProjectRecordsNothingHere()
    {
        var match = BaselineMatch.For(Input(Baseline(new BaselineEntry("src/Other/Other.csproj", "CMN0101", "Directory.Packages.props", "Legacy.Lib"))));

        Assert.False(match.IsRecorded(Unknown("Legacy.Lib", 7)));
        Assert.False(match.HasEntries);
    }

    [Fact]
    public void TestTheToolsOwnTroubleIsNeverRecorded()
    {
        var trouble = new Finding("CMN0902", new[] { "The policy file", "line 3: x" }, new FindingLocation(Root + "/commons.policy", 3, 1, 3, 1));
        var match = BaselineMatch.For(Input(Baseline(new BaselineEntry("src/App/App.csproj", "CMN0902", "commons.policy", ""))));

        Assert.Null(match.EntryOf(trouble));
        Assert.False(match.IsRecorded(trouble));
    }

    [Fact]
    public void TestAnEntryThatMatchesNothingIsOneNoteAtItsLine()
    {
        var text = Baseline(
            new BaselineEntry("src/App/App.csproj", "CMN0101", "Directory.Packages.props", "Legacy.Lib"),
            new BaselineEntry("src/App/App.csproj", "CMN0203", "src/App/App.csproj", ""),
            new BaselineEntry("src/Other/Other.csproj", "CMN0203", "src/Other/Other.csproj", ""));
        var match = BaselineMatch.For(Input(text));

        var stale = Assert.Single(match.StaleEntries(new[] { Unknown("Legacy.Lib", 9) }));

        Assert.Equal("CMN0905", stale.RuleId);
        Assert.Equal("The baseline entry CMN0203 at 'src/App/App.csproj' matches no finding of 'src/App/App.csproj' any more: run 'commons baseline' to drop it", stale.Message);
        Assert.Equal((BaselinePath, 6), (stale.Location!.Path, stale.Location.Line));
        Assert.Equal(text.Split('\n')[5].Length + 1, stale.Location.EndColumn);
    }

    [Fact]
    public void TestEntriesOfRulesThatCouldNotRunAreNotStale()
    {
        var text = Baseline(
            new BaselineEntry("src/App/App.csproj", "CMN0101", "Directory.Packages.props", "Legacy.Lib"),
            new BaselineEntry("src/App/App.csproj", "CMN0203", "src/App/App.csproj", ""));
        var unrestored = new ProjectFacts { ProjectPath = Project, RepositoryRoot = Root };
        unrestored.Problems.Add(new CollectionProblem { Kind = CollectionProblemKind.AssetsFileMissing, Message = "restore first" });

        Assert.Equal(new[] { "CMN0203" }, BaselineMatch.For(Input(text, unrestored)).StaleEntries(new Finding[0]).Select(f => f.Arguments[0]));
        var noFacts = Input(text);
        noFacts.Facts = null;
        Assert.Empty(BaselineMatch.For(noFacts).StaleEntries(new Finding[0]));
    }

    [Fact]
    public void TestWithoutABaselineNothingIsRecordedAndNothingIsStale()
    {
        var input = Input(Baseline());
        input.Baseline = null;
        var match = BaselineMatch.For(input);

        Assert.False(match.IsRecorded(Unknown("Legacy.Lib", 7)));
        Assert.Empty(match.StaleEntries(new[] { Unknown("Legacy.Lib", 7) }));
    }

    [Theory]
    [InlineData("/repo", "/repo/src/a.cs", "src/a.cs")]
    [InlineData("/repo/", "/REPO/src/a.cs", "src/a.cs")]
    [InlineData("C:\\repo", "C:\\repo\\src\\a.cs", "src/a.cs")]
    [InlineData("/repo", "/repository/a.cs", "/repository/a.cs")]
    [InlineData("/repo", "/elsewhere/x.props", "/elsewhere/x.props")]
    public void TestPathsAreRelativeToTheRoot_WithForwardSlashes(string root, string path, string expected)
        => Assert.Equal(expected, BaselineMatch.Relative(root, path));
}
