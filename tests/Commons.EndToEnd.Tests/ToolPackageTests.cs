// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Commons.EndToEnd.Tests.Infrastructure;

namespace Commons.EndToEnd.Tests;

/// <summary>
/// The <c>commons</c> tool as a user gets it: packed the way a release is, installed with <c>dotnet tool install</c> from
/// a feed, run by its command. Its speed comes from ReadyToRun code (issue 3), so the test also checks that the installed
/// assemblies carry it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ToolPackageTests : IClassFixture<InstalledTool>
{
    private readonly PackedPackage package;
    private readonly InstalledTool tool;

    public ToolPackageTests(PackedPackage package, InstalledTool tool)
    {
        this.package = package;
        this.tool = tool;
    }

    [Fact]
    public void Release_InstallsThePlatformPackage_Precompiled()
    {
        Assert.True(tool.Install.Succeeded, tool.Install.Describe());
        var packages = Directory.GetFiles(tool.Feed, "*.nupkg").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(
            new[] { $"Commons.Cli.{tool.Version}.nupkg", $"Commons.Cli.any.{tool.Version}.nupkg", $"Commons.Cli.{tool.RuntimeIdentifier}.{tool.Version}.nupkg" }.OrderBy(n => n, StringComparer.Ordinal),
            packages);

        // The installer chose this platform's package, not the portable one.
        Assert.EndsWith(Path.Combine("tools", "net10.0", tool.RuntimeIdentifier), tool.InstalledFiles, StringComparison.Ordinal);

        // What a run executes is precompiled: the tool, the libraries it shares with the analyzer, and the isolated
        // NuGet client and its JSON reader (most of a `licenses` run).
        foreach (var assembly in new[]
        {
            "commons.dll", "Commons.Licensing.dll", "Commons.Compliance.dll", "Newtonsoft.Json.dll", "System.CommandLine.dll",
            "inspection/Commons.Inspection.dll", "inspection/NuGet.ProjectModel.dll", "inspection/NuGet.Packaging.dll", "inspection/NuGet.Frameworks.dll",
        })
        {
            Assert.True(IsReadyToRun(Path.Combine(tool.InstalledFiles, assembly)), assembly + " has no ReadyToRun code");
        }

        var version = DotnetProcess.RunProgram(tool.Command, tool.Root, new[] { "--version" });
        Assert.True(version.Succeeded, version.Describe());
        Assert.StartsWith(tool.Version, version.StandardOutput.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void InstalledTool_ReportsTheLicences_OfARestoredProject_ColdAndWarm()
    {
        Assert.True(tool.Install.Succeeded, tool.Install.Describe());
        var sample = new PackageSample(package, "installed-tool");
        sample.Write("LICENSE", File.ReadAllText(Path.Combine(Commons.Testing.RepositoryPaths.Root, "LICENSE")));
        var project = sample.Write("src/App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{FixturePackages.MitWrapper.Id}" Version="{FixturePackages.MitWrapper.Version}" />
                <PackageReference Include="{FixturePackages.MitOrGpl2.Id}" Version="{FixturePackages.MitOrGpl2.Version}" />
              </ItemGroup>
            </Project>
            """);
        var restore = DotnetProcess.Run(sample.Root, new[] { "restore", project }, new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder });
        Assert.True(restore.Succeeded, restore.Describe());

        // A cache folder of the test's own: the first run starts from nothing (no saved catalogue index, no identification
        // memo), the second reads what the first saved; both must say the same.
        var cache = new Dictionary<string, string> { ["COMMONS_CACHE_DIR"] = Path.Combine(sample.Root, ".commons-cache") };
        var runs = Enumerable.Range(0, 2)
            .Select(_ => DotnetProcess.RunProgram(tool.Command, sample.Root, new[] { "licenses", project, "--format", "json" }, cache))
            .ToList();
        foreach (var run in runs)
        {
            Assert.True(run.Succeeded, run.Describe());
        }

        Assert.Equal(runs[0].StandardOutput, runs[1].StandardOutput);
        using var report = JsonDocument.Parse(runs[0].StandardOutput);
        var licences = report.RootElement.GetProperty("packages").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => (License: p.GetProperty("license").GetString(), Direct: p.GetProperty("direct").GetBoolean()));
        Assert.Equal(("MIT", true), licences[FixturePackages.MitWrapper.Id]);
        Assert.Equal(("GPL-3.0-only", false), licences[FixturePackages.Gpl3.Id]);
        Assert.Equal(("MIT OR GPL-2.0-only", true), licences[FixturePackages.MitOrGpl2.Id]);

        var identify = DotnetProcess.RunProgram(tool.Command, sample.Root, new[] { "identify", sample.PathOf("LICENSE") }, cache);
        Assert.True(identify.Succeeded, identify.Describe());
        Assert.Contains("Apache-2.0", identify.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void InstalledTool_ReadsItsShippedCatalogueIndex_OnItsFirstRun()
    {
        Assert.True(tool.Install.Succeeded, tool.Install.Describe());

        // Shipped beside Commons.Licensing.dll, made for that very assembly: precompiling it (ReadyToRun) keeps its
        // metadata, so the key still matches.
        var shipped = Path.Combine(tool.InstalledFiles, "identifier-index.bin");
        Assert.True(File.Exists(shipped), "the tool ships no catalogue index beside Commons.Licensing.dll");
        using (var pe = new PEReader(File.OpenRead(Path.Combine(tool.InstalledFiles, "Commons.Licensing.dll"))))
        {
            var metadata = pe.GetMetadataReader();
            Assert.StartsWith(metadata.GetGuid(metadata.GetModuleDefinition().Mvid).ToString("N") + "/", PackageLayoutTests.IndexKeyOf(File.ReadAllBytes(shipped)), StringComparison.Ordinal);
        }

        // An empty user cache: the run identifies the file (and saves the answer), but computes no index, so saves none.
        var sample = new PackageSample(package, "installed-tool-first-run");
        var license = sample.Write("LICENSE", File.ReadAllText(Path.Combine(Commons.Testing.RepositoryPaths.Root, "LICENSE")));
        var cache = sample.PathOf(".commons-cache");
        var identify = DotnetProcess.RunProgram(tool.Command, sample.Root, new[] { "identify", license, "--format", "tsv" }, new Dictionary<string, string> { ["COMMONS_CACHE_DIR"] = cache });

        Assert.True(identify.Succeeded, identify.Describe());
        Assert.Contains("\tApache-2.0\t100", identify.StandardOutput, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetDirectories(cache, "identified-*"));
        Assert.Empty(Directory.GetFiles(cache, "identifier-index-*"));
    }

    /// <summary>True when the assembly holds precompiled native code (a ReadyToRun header), not IL alone.</summary>
    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
