// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Commons.Licensing;
using Commons.Testing;

namespace Commons.Cli.Tests;

/// <summary>The shared restored sample repository (see <see cref="RestoredSampleRepository"/>).</summary>
public sealed class LicensesRepositoryFixture : RestoredSampleRepository
{
    public LicensesRepositoryFixture()
        : base("licenses-cli", SpdxCatalog.Default.GetText("Apache-2.0")!)
    {
    }
}

public sealed class LicensesCommandTests : IClassFixture<LicensesRepositoryFixture>
{
    private readonly LicensesRepositoryFixture fixture;

    public LicensesCommandTests(LicensesRepositoryFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void Json_for_one_project_is_the_dependency_report()
    {
        var (exit, output, _) = Run("licenses", fixture.PlainProject, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(fixture.PlainProject, json.RootElement.GetProperty("project").GetString());
        var packages = json.RootElement.GetProperty("packages").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Equal(LicenseFixtureSet.DirectReferences.Count + 2, packages.Count);
        Assert.Equal("GPL-3.0-only", packages["Fix.Gpl"].GetProperty("license").GetString());
        Assert.Equal("expression", packages["Fix.Gpl"].GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, packages["Fix.None"].GetProperty("license").ValueKind);
        Assert.Equal("none", packages["Fix.None"].GetProperty("source").GetString());
        Assert.Equal("Apache-2.0", packages["Fix.ApacheFile"].GetProperty("license").GetString());
        Assert.Equal("LICENSE.txt", packages["Fix.ApacheFile"].GetProperty("licenseFile").GetString());
        Assert.Equal(LicenseFixtureSet.GitHubBlobUrl, packages["Fix.UrlGitHub"].GetProperty("licenseUrl").GetString());
        Assert.False(packages["Fix.ChainC"].GetProperty("direct").GetBoolean());
        Assert.Equal(new[] { "Fix.ChainA", "Fix.ChainB", "Fix.ChainC" }, packages["Fix.ChainC"].GetProperty("path").EnumerateArray().Select(e => e.GetString()));
        Assert.True(packages["Fix.Analyzer"].GetProperty("devOnly").GetBoolean());
    }

    [Fact]
    public void Json_for_a_folder_of_projects_is_an_array()
    {
        var (exit, output, _) = Run("licenses", fixture.Repository.Root, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(
            new[] { fixture.CentralProject, fixture.PlainProject },
            json.RootElement.EnumerateArray().Select(r => r.GetProperty("project").GetString()));
    }

    [Fact]
    public void Csv_has_a_header_and_one_quoted_row_per_package()
    {
        var (exit, output, _) = Run("licenses", fixture.PlainProject, "--format", "csv");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("project,id,version,license,source,direct,devOnly,path,licenseUrl,licenseFile,confidence,curation", lines[0]);
        Assert.Equal(LicenseFixtureSet.DirectReferences.Count + 2, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith(fixture.PlainProject + ",Fix.Dual,1.0.0,MIT OR GPL-2.0-only,expression,true,false,Fix.Dual,", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_lists_packages_and_the_known_count()
    {
        var (exit, output, _) = Run("licenses", fixture.PlainProject);

        Assert.Equal(0, exit);
        Assert.Contains("Fix.Lgpl", output);
        Assert.Contains("LGPL-2.1-or-later", output);
        var (_, json, _) = Run("licenses", fixture.PlainProject, "--format", "json");
        using var report = JsonDocument.Parse(json);
        var known = report.RootElement.GetProperty("packages").EnumerateArray().Count(p => p.GetProperty("license").ValueKind == JsonValueKind.String);
        Assert.Contains((LicenseFixtureSet.DirectReferences.Count + 2) + " package(s), " + known + " with a known licence", output);
    }

    [Fact]
    public void A_project_never_restored_is_bad_input_with_a_reason()
    {
        using var other = new SampleRepository("unrestored");
        var project = other.WriteFile("U/U.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");

        var (exit, _, error) = Run("licenses", project, "--format", "json");

        Assert.Equal(2, exit);
        Assert.Contains("restore", error);
    }

    [Fact]
    public void A_missing_path_is_bad_input()
    {
        var (exit, _, error) = Run("licenses", Path.Combine(fixture.Repository.Root, "nope"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
