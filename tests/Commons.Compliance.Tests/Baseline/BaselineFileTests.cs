// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Linq;
using Commons.Compliance.Baseline;

namespace Commons.Compliance.Tests.Baseline;

/// <summary>commons.baseline.json: written sorted and stable, read back whole, and every fault a CMN0902 with its line.</summary>
public sealed class BaselineFileTests
{
    private static readonly BaselinePackage[] Packages =
    {
        new("Newtonsoft.Json", "13.0.3", "MIT", "expression"),
        new("legacy.lib", "1.0.0", null, "none"),
        new("Fixture.Changing", "10.0.0", "BUSL-1.1", "expression"),
        new("Fixture.Changing", "9.0.0", "MIT", "expression"),
        new("Fixture.Changing", "10.0.0-beta", "MIT", "expression"),
    };

    private static readonly BaselineEntry[] Findings =
    {
        new("src/B/B.csproj", "CMN0203", "src/B/B.csproj", ""),
        new("src/A/A.csproj", "CMN0104", "Directory.Packages.props", "Some.Gpl"),
        new("src/A/A.csproj", "CMN0101", "Directory.Packages.props", "Legacy.Lib"),
        new("src/A/A.csproj", "CMN0401", "src/A/Quote\"d\\Tab\t.cs", ""),
    };

    [Fact]
    public void TestWrittenSortedOneEntryALine_AndTheSameStateGivesTheSameBytes()
    {
        var text = BaselineFile.Write(Packages, Findings);
        var shuffled = BaselineFile.Write(Packages.Reverse(), Findings.Reverse().Concat(Findings.Take(1)));

        Assert.Equal(text, shuffled);
        Assert.Equal(
            "{\n  \"version\": 1,\n  \"packages\": [\n"
            + "    {\"id\": \"Fixture.Changing\", \"version\": \"9.0.0\", \"license\": \"MIT\", \"source\": \"expression\"},\n"
            + "    {\"id\": \"Fixture.Changing\", \"version\": \"10.0.0-beta\", \"license\": \"MIT\", \"source\": \"expression\"},\n"
            + "    {\"id\": \"Fixture.Changing\", \"version\": \"10.0.0\", \"license\": \"BUSL-1.1\", \"source\": \"expression\"},\n"
            + "    {\"id\": \"legacy.lib\", \"version\": \"1.0.0\", \"license\": null, \"source\": \"none\"},\n"
            + "    {\"id\": \"Newtonsoft.Json\", \"version\": \"13.0.3\", \"license\": \"MIT\", \"source\": \"expression\"}\n  ],\n"
            + "  \"findings\": [\n"
            + "    {\"project\": \"src/A/A.csproj\", \"rule\": \"CMN0101\", \"file\": \"Directory.Packages.props\", \"subject\": \"Legacy.Lib\"},\n"
            + "    {\"project\": \"src/A/A.csproj\", \"rule\": \"CMN0104\", \"file\": \"Directory.Packages.props\", \"subject\": \"Some.Gpl\"},\n"
            + "    {\"project\": \"src/A/A.csproj\", \"rule\": \"CMN0401\", \"file\": \"src/A/Quote\\\"d\\\\Tab\\t.cs\"},\n"
            + "    {\"project\": \"src/B/B.csproj\", \"rule\": \"CMN0203\", \"file\": \"src/B/B.csproj\"}\n  ]\n}\n",
            text);
    }

    [Fact]
    public void TestWhatIsWrittenIsReadBack_WithTheLineOfEachEntry()
    {
        var read = BaselineFile.Read("/r/commons.baseline.json", BaselineFile.Write(Packages, Findings));

        Assert.Empty(read.Errors);
        Assert.Equal(5, read.Packages.Count);
        Assert.Null(read.Packages.Single(p => p.Id == "legacy.lib").License);
        Assert.Equal(4, read.Packages[0].Line);
        var tab = read.Findings.Single(f => f.Rule == "CMN0401");
        Assert.Equal("src/A/Quote\"d\\Tab\t.cs", tab.File);
        Assert.Equal("", tab.Subject);
        Assert.Equal(13, tab.Line);
        Assert.Equal(Findings.Select(f => f.Key).OrderBy(k => k), read.Findings.Select(f => f.Key).OrderBy(k => k));
    }

    [Fact]
    public void TestWhatIsWrittenSurvivesUtf8OnDisk_LoneSurrogatesAndControlsIncluded()
    {
        var entry = new BaselineEntry("src/\uD800/A.csproj", "CMN0203", "x\u0001\u2028\U0001F600\u00e9", "");
        var onDisk = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(BaselineFile.Write(new BaselinePackage[0], new[] { entry })));

        var read = Assert.Single(BaselineFile.Read("b", onDisk).Findings);

        Assert.Equal((entry.Project, entry.File), (read.Project, read.File));
    }

    [Fact]
    public void TestAHandEditedOrMergedFileIsRead_AnyJsonWillDo()
    {
        var text = "\uFEFF{ \"findings\" : [ {\"rule\":\"CMN0203\",\r\n \"file\":\"a\\u00e9\\/b.csproj\", \"project\": \"p\", \"extra\": [1, 2.5e3, true, false, null, {}]} ],"
            + " \"version\" : 1, \"packages\": [], \"note\": \"written by hand\" }";

        var read = BaselineFile.Read("b", text);

        Assert.Empty(read.Errors);
        Assert.Equal("a\u00e9/b.csproj", read.Findings.Single().File);
        Assert.Equal(1, read.Findings[0].Line);
    }

    [Theory]
    [InlineData("", 1, "it is not JSON: the document ends where a value was expected")]
    [InlineData("{\"version\": 1,\n\"packages\": [\n{\"id\": \"A\" \"version\": \"1\"}]}", 3, "it is not JSON: expected ',' or '}' in an object")]
    [InlineData("{\"version\": 1,\n\"findings\": [\n{\"rule\": \"CMN0203\", \"file\": \"x\n\"}]}", 3, "a control character inside a string")]
    [InlineData("<<<<<<< HEAD\n{}", 1, "it is not JSON: unexpected character '<'")]
    [InlineData("[]", 1, "it must be a JSON object")]
    [InlineData("{\"packages\": []}", 1, "its \"version\" must be 1")]
    [InlineData("{\n\"version\": 2}", 2, "its \"version\" must be 1")]
    [InlineData("{\"version\": 1} x", 1, "text after the end of the document")]
    public void TestADocumentThatCannotBeReadIsOneErrorAndNoEntries(string text, int line, string message)
    {
        var read = BaselineFile.Read("b", text);

        var error = Assert.Single(read.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, System.StringComparison.Ordinal);
        Assert.Empty(read.Findings);
        Assert.Empty(read.Packages);
    }

    [Fact]
    public void TestABadEntryIsAnErrorAtItsLine_AndOnlyThatEntryIsLeftOut()
    {
        var text = "{\"version\": 1,\n\"packages\": [\n{\"id\": \"A\", \"version\": \"1.0.0\", \"license\": 3},\n{\"id\": \"B\", \"version\": \"1.0.0\", \"license\": \"MIT\"}],\n"
            + "\"findings\": [\n{\"project\": \"p\", \"rule\": \"CMN0203\"},\n{\"project\": \"p\", \"rule\": \"CMN0205\", \"file\": \"p\"},\n7]}";

        var read = BaselineFile.Read("b", text);

        Assert.Equal(new[] { "B" }, read.Packages.Select(p => p.Id));
        Assert.Equal(new[] { "CMN0205" }, read.Findings.Select(f => f.Rule));
        Assert.Contains(read.Errors, e => e.Line == 3 && e.Message == "\"license\" must be a string or null");
        Assert.Contains(read.Errors, e => e.Line == 6 && e.Message == "an entry has no \"file\"");
        Assert.Contains(read.Errors, e => e.Line == 8 && e.Message == "each of \"findings\" must be an object");
    }

    [Fact]
    public void TestNestingDeeperThanABaselineNeedsIsRefused_NotAStackOverflow()
    {
        var read = BaselineFile.Read("b", new string('[', 100_000) + new string(']', 100_000));

        Assert.Contains("nested deeper than 64 levels", Assert.Single(read.Errors).Message, System.StringComparison.Ordinal);
    }
}
