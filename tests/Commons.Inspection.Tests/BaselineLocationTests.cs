// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Inspection.Repository;

namespace Commons.Inspection.Tests;

/// <summary>Where the baseline is, by the one rule the targets, the collection and the CLI share, and when it is a problem.</summary>
public sealed class BaselineLocationTests
{
    [Fact]
    public void The_default_is_the_repository_root_and_a_setting_is_relative_to_the_project()
    {
        using var folder = new TempFolder();
        var project = Path.Combine(folder.Path, "src", "App");

        Assert.Equal(Path.Combine(folder.Path, "commons.baseline.json"), BaselineLocation.Resolve(project, folder.Path, null, null)!.Path);
        Assert.False(BaselineLocation.Resolve(project, folder.Path, "", " ")!.IsConfigured);
        var configured = BaselineLocation.Resolve(project, folder.Path, "true", "../../eng/baseline.json")!;
        Assert.Equal((Path.Combine(folder.Path, "eng", "baseline.json"), true), (configured.Path, configured.IsConfigured));
        Assert.Null(BaselineLocation.Resolve(project, folder.Path, "False", "../../eng/baseline.json"));
        Assert.Null(BaselineLocation.Resolve(project, null, null, null));
    }

    [Fact]
    public void A_missing_default_is_no_baseline_but_a_missing_setting_or_a_file_that_is_no_text_is_a_problem()
    {
        using var folder = new TempFolder();
        var missingDefault = BaselineLocation.Resolve(folder.Path, folder.Path, null, null)!;
        var missingSetting = BaselineLocation.Resolve(folder.Path, folder.Path, null, "eng/baseline.json")!;

        Assert.Null(missingDefault.Problem(missingDefault.Read()));
        Assert.Equal("it does not exist", missingSetting.Problem(missingSetting.Read()));
        Directory.CreateDirectory(missingDefault.Path);
        Assert.Equal("it is a folder, not a file", missingDefault.Problem(missingDefault.Read()));
        Directory.Delete(missingDefault.Path);
        File.WriteAllBytes(missingDefault.Path, new byte[] { (byte)'{', 0, (byte)'}' });
        Assert.Equal("it is a binary file (it holds NUL bytes), not a text", missingDefault.Problem(missingDefault.Read()));
        File.WriteAllText(missingDefault.Path, "");
        Assert.StartsWith("it is empty", missingDefault.Problem(missingDefault.Read()));
        File.WriteAllText(missingDefault.Path, "{\"version\": 1}");
        Assert.Null(missingDefault.Problem(missingDefault.Read()));
    }

    [Fact]
    public void The_collection_records_a_baseline_that_gives_no_text_at_the_file()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        var project = folder.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Directory.CreateDirectory(Path.Combine(folder.Path, "commons.baseline.json"));

        var problems = FactsCollector.Collect(new CollectionRequest(project)).Problems;
        var turnedOff = FactsCollector.Collect(new CollectionRequest(project) { BaselineEnabled = "false" }).Problems;

        var problem = Assert.Single(problems, p => p.Kind == CollectionProblemKind.BaselineFileUnreadable);
        Assert.Equal(("it is a folder, not a file", Path.Combine(folder.Path, "commons.baseline.json")), (problem.Message, problem.Location!.File));
        Assert.DoesNotContain(turnedOff, p => p.Kind == CollectionProblemKind.BaselineFileUnreadable);
    }
}
