// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Commons.Testing;

namespace Commons.Cli.Tests;

/// <summary>Issue 14: what real repositories do to the tool — artifacts output, list properties, stale assets files.</summary>
public sealed class RealRepositoryCliTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <PackageLicenseExpression>MIT</PackageLicenseExpression>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Fix.Mit" Version="VERSION" />
          </ItemGroup>
        </Project>
        """;

    [Fact]
    public void Licenses_finds_the_assets_file_of_a_repository_with_UseArtifactsOutput()
    {
        using var repository = Repository("artifacts");
        repository.WriteFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <UseArtifactsOutput>true</UseArtifactsOutput>\n  </PropertyGroup>\n</Project>\n");
        var project = repository.WriteFile("src/App/App.csproj", Project.Replace("VERSION", "1.0.0"));
        Restore(repository, project);
        Assert.True(File.Exists(repository.PathOf("artifacts/obj/App/project.assets.json")));
        Assert.False(Directory.Exists(repository.PathOf("src/App/obj")));

        var result = Cli.Run(repository.Root, "licenses", project, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var package = Assert.Single(json.RootElement.GetProperty("packages").EnumerateArray());
        Assert.Equal("Fix.Mit", package.GetProperty("id").GetString());
    }

    [Fact]
    public void A_property_value_with_semicolons_and_commas_reaches_the_private_restore_intact()
    {
        using var repository = Repository("list-property");
        var project = repository.WriteFile("src/App/App.csproj", Project.Replace("VERSION", "1.0.0"));

        var result = Cli.Run(repository.Root, "check", project, "--restore", "--format", "json", "-p", "CommonsAllowedLicenses=MIT;Apache-2.0,BSD-3-Clause");

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.DoesNotContain("MSB1006", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() is "CMN0904" or "CMN0103");
    }

    [Fact]
    public void A_stale_assets_file_is_reported_without_restore_and_restored_again_with_it()
    {
        using var repository = Repository("stale");
        var project = repository.WriteFile("src/App/App.csproj", Project.Replace("VERSION", "1.0.0"));
        Restore(repository, project);
        File.WriteAllText(project, Project.Replace("VERSION", "2.0.0"));

        var stale = Cli.Run(repository.Root, "check", project, "--format", "json");
        var restored = Cli.Run(repository.Root, "check", project, "--restore", "--format", "json");

        Assert.Contains(Messages(stale, "CMN0902"), m => m.Contains("records Fix.Mit [1.0.0, ) where the project asks 2.0.0", StringComparison.Ordinal));
        Assert.Empty(Messages(restored, "CMN0902"));
        Assert.True(restored.ExitCode is 0 or 1, restored.ToString());
    }

    [Fact]
    public void A_project_of_a_submodule_not_checked_out_is_pointed_at_where_the_solution_lists_it()
    {
        using var repository = Repository("submodule");
        var project = repository.WriteFile("src/App/App.csproj", Project.Replace("VERSION", "1.0.0"));
        Restore(repository, project);
        repository.WriteFile(".gitmodules", "[submodule \"external/tool\"]\n\tpath = external/tool\n\turl = https://example.org/tool.git\n");
        repository.WriteFile("App.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\n"
            + "Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"App\", \"src\\App\\App.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n"
            + "Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"Tool\", \"external\\tool\\src\\Tool.csproj\", \"{22222222-2222-2222-2222-222222222222}\"\nEndProject\n");

        var result = Cli.Run(repository.Root, "check", ".", "--format", "json");

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "CMN0904");
        Assert.Contains("git submodule 'external/tool'", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        var location = finding.GetProperty("location");
        Assert.Equal(("App.sln", 4), (location.GetProperty("path").GetString(), location.GetProperty("line").GetInt32()));
    }

    private static SampleRepository Repository(string name)
    {
        var repository = new SampleRepository(name);
        repository.AddPackage(new FixturePackage("Fix.Mit").WithExpression("MIT"));
        repository.AddPackage(new FixturePackage("Fix.Mit", "2.0.0").WithExpression("MIT"));
        repository.WriteFile("LICENSE", "MIT License\n");
        return repository;
    }

    private static void Restore(SampleRepository repository, string project)
    {
        var restore = DotnetRunner.Run(repository.Root, TimeSpan.FromMinutes(4), "restore", project);
        Assert.True(restore.ExitCode == 0, restore.ToString());
    }

    private static string[] Messages(CliResult result, string ruleId)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == ruleId)
            .Select(f => f.GetProperty("message").GetString()!)
            .ToArray();
    }
}
