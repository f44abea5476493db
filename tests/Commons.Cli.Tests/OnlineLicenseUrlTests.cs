// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Commons.Testing;

namespace Commons.Cli.Tests;

/// <summary>
/// Issue 13, with the built tool: a package that gives only a licence URL mapping to no licence, in a repository that turns
/// online mode on. The text behind the URL (served on the loopback) is identified; every report names where the licence
/// comes from, because that text can change after the package was published.
/// </summary>
public sealed class OnlineLicenseUrlTests : IDisposable
{
    private const string Project = "src/App/App.csproj";

    private readonly SampleRepository repository = new("online-url");
    private readonly LoopbackNuGetFeed server = new();

    [Fact]
    public void A_licence_read_from_its_url_is_concluded_in_the_sboms_and_named_in_licenses_and_notices()
    {
        var url = server.AddFile("/legacy/LICENSE", "text/plain", Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(TempCopy.Sample, "LICENSE"))));
        var expected = SpdxOfSampleLicense();

        // The port is part of the version: a package cached by an earlier run names another port.
        var urlOnly = new FixturePackage("Fixture.UrlOnly", "1.0." + server.Port).WithLicenseUrl(url);
        repository.AddPackage(urlOnly);
        repository.WriteFile("LICENSE", File.ReadAllText(Path.Combine(TempCopy.Sample, "LICENSE")));
        repository.WriteFile("README.md", "# App\n\nWhat it is.\n");
        repository.WriteFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <CommonsOnline>true</CommonsOnline>\n    <CommonsOnlineCacheFile>$(MSBuildThisFileDirectory)online-cache.json</CommonsOnlineCacheFile>\n  </PropertyGroup>\n</Project>\n");
        repository.WriteFile(Project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <PackageLicenseExpression>MIT</PackageLicenseExpression>\n  </PropertyGroup>\n  <ItemGroup>\n"
            + $"    <PackageReference Include=\"{urlOnly.Id}\" Version=\"{urlOnly.Version}\" />\n  </ItemGroup>\n</Project>\n");
        var restore = DotnetRunner.Run(repository.Root, TimeSpan.FromMinutes(4), "restore", repository.PathOf(Project), "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var json = Cli.Run(repository.Root, "licenses", Project, "--format", "json");
        var package = json.Json["packages"]!.AsArray().Single(p => (string?)p!["id"] == urlOnly.Id)!;
        Assert.Equal((expected, "fetched-url", url), ((string?)package["license"], (string?)package["source"], (string?)package["licenseUrl"]));

        var spdx = Cli.Run(repository.Root, "sbom", "--format", "spdx-json");
        DocumentCommandTests.AssertValidSpdx(spdx.Stdout);
        var spdxPackage = spdx.Json["packages"]!.AsArray().Single(p => (string?)p!["name"] == urlOnly.Id)!;
        Assert.Equal((expected, "NOASSERTION"), ((string?)spdxPackage["licenseConcluded"], (string?)spdxPackage["licenseDeclared"]));
        Assert.Contains("identified from the text at " + url, (string?)spdxPackage["licenseComments"], StringComparison.Ordinal);

        var cyclone = Cli.Run(repository.Root, "sbom", "--format", "cyclonedx-json");
        DocumentCommandTests.AssertValidCycloneDx(cyclone.Stdout);
        var component = cyclone.Json["components"]!.AsArray().Single(c => (string?)c!["name"] == urlOnly.Id)!;
        Assert.Equal((expected, "concluded"), ((string?)component["licenses"]![0]!["expression"], (string?)component["licenses"]![0]!["acknowledgement"]));
        Assert.Contains(component["properties"]!.AsArray(), p => (string?)p!["name"] == "commons:license-source" && (string?)p["value"] == "fetched-url");

        var notices = Cli.Run(repository.Root, "notices");
        Assert.Contains("Licence: `" + expected + "` (identified from the text at " + url, notices.Stdout, StringComparison.Ordinal);

        var check = Cli.Run(repository.Root, "check", "--format", "json");
        Assert.DoesNotContain(check.Json["findings"]!.AsArray(), f => (string?)f!["ruleId"] is "CMN0101" or "CMN0102");
    }

    public void Dispose()
    {
        server.Dispose();
        repository.Dispose();
    }

    /// <summary>The sample's LICENSE, as the identifier names it (the test does not assume which licence the sample carries).</summary>
    private static string SpdxOfSampleLicense()
        => Commons.Licensing.LicenseIdentifier.Default.Identify(File.ReadAllText(Path.Combine(TempCopy.Sample, "LICENSE"))).License!;
}
