// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Inspection.Dependencies;
using Commons.Testing;

namespace Commons.Inspection.Tests;

/// <summary>
/// A restored repository that exercises what ships by NuGet's rules: a library multi-targeted netstandard2.0;net10.0 with
/// a copyleft package for net10.0 only, PrivateAssets, a developmentDependency, a placeholder-only package, a
/// ProjectReference that flows and one that does not; an application using a private package.
/// </summary>
public sealed class ShippingRepositoryFixture : IDisposable
{
    public ShippingRepositoryFixture()
    {
        Repository = new SampleRepository("shipping");
        foreach (var package in new[]
                 {
                     new FixturePackage("Fix.Mit").WithExpression("MIT"),
                     new FixturePackage("Fix.Gpl").WithExpression("GPL-3.0-only"),
                     new FixturePackage("Fix.PrivateLib").WithExpression("GPL-3.0-only"),
                     new FixturePackage("Fix.DevDep").WithExpression("GPL-3.0-only").AsDevelopmentDependency(),
                     new FixturePackage("Fix.Placeholder").WithAssets(FixtureAssets.PlaceholderOnly),
                     new FixturePackage("Fix.SiblingGpl").WithExpression("GPL-3.0-only"),
                     new FixturePackage("Fix.SiblingPrivate").WithExpression("GPL-3.0-only"),
                     new FixturePackage("Fix.HiddenPkg").WithExpression("GPL-3.0-only"),

                     // An old framework package the target framework supersedes (no such version on nuget.org): Microsoft's
                     // fwlink and its .NET Library terms, as System.* 4.x packages ship them.
                     new FixturePackage("System.Net.Http").WithLicenseUrl("http://go.microsoft.com/fwlink/?LinkId=329770")
                         .WithFile("dotnet_library_license.txt", System.Text.Encoding.UTF8.GetBytes("MICROSOFT SOFTWARE LICENSE TERMS\n\nMICROSOFT .NET LIBRARY\n\nThese license terms are an agreement between Microsoft Corporation (or based on where you live, one of its affiliates) and you.\n")),
                 })
        {
            Repository.AddPackage(package);
        }

        Lib = Repository.WriteFile("src/Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>
                <PackageLicenseExpression>MIT</PackageLicenseExpression>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Fix.Mit" Version="1.0.0" />
                <PackageReference Include="Fix.PrivateLib" Version="1.0.0" PrivateAssets="all" />
                <PackageReference Include="Fix.DevDep" Version="1.0.0" />
                <PackageReference Include="Fix.Placeholder" Version="1.0.0" />
                <ProjectReference Include="../Sibling/Sibling.csproj" />
                <ProjectReference Include="../Hidden/Hidden.csproj" PrivateAssets="all" />
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net10.0'">
                <PackageReference Include="Fix.Gpl" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        Repository.WriteFile("src/Sibling/Sibling.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <PackageLicenseExpression>GPL-3.0-only</PackageLicenseExpression>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Fix.SiblingGpl" Version="1.0.0" />
                <PackageReference Include="Fix.SiblingPrivate" Version="1.0.0" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        Repository.WriteFile("src/Hidden/Hidden.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Fix.HiddenPkg" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        App = Repository.WriteFile("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Fix.PrivateLib" Version="1.0.0" PrivateAssets="all" />
                <PackageReference Include="System.Net.Http" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        foreach (var project in new[] { Lib, App })
        {
            var restore = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "restore", project);
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException("restore failed: " + restore);
            }
        }
    }

    public SampleRepository Repository { get; }

    public string Lib { get; }

    public string App { get; }

    public void Dispose() => Repository.Dispose();
}

public sealed class ShippingTests : IClassFixture<ShippingRepositoryFixture>
{
    private readonly ShippingRepositoryFixture fixture;

    public ShippingTests(ShippingRepositoryFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void The_first_target_framework_judges_the_packages_of_every_one_and_a_package_of_one_framework_says_so()
    {
        // As the build's first (primary) target framework declares them: without the net10.0-only reference.
        var facts = Collect(fixture.Lib, "netstandard2.0", all: true);
        var gpl = facts.Packages.Single(p => p.Id == "Fix.Gpl");

        Assert.False(gpl.DevOnly);
        Assert.Equal(new[] { "net10.0" }, gpl.Frameworks);
        Assert.Empty(facts.Packages.Single(p => p.Id == "Fix.Mit").Frameworks);
        Assert.Equal(fixture.Lib, gpl.ReferenceLocation!.File);
        Assert.Equal(LicenseFixtureSet.LineOf(fixture.Lib, "\"Fix.Gpl\""), gpl.ReferenceLocation.Line);

        // Without AllTargetFrameworks only the named framework's packages are collected (the other builds' reports).
        Assert.DoesNotContain(Collect(fixture.Lib, "netstandard2.0", all: false).Packages, p => p.Id == "Fix.Gpl");
    }

    [Fact]
    public void A_package_reached_through_a_ProjectReference_ships_and_points_at_the_ProjectReference()
    {
        var facts = Collect(fixture.Lib, "netstandard2.0", all: true);
        var sibling = facts.Packages.Single(p => p.Id == "Fix.SiblingGpl");

        Assert.False(sibling.DevOnly);
        Assert.Equal(new[] { "Sibling", "Fix.SiblingGpl" }, sibling.Path);
        Assert.Equal(fixture.Lib, sibling.ReferenceLocation!.File);
        Assert.Equal(LicenseFixtureSet.LineOf(fixture.Lib, "Sibling.csproj"), sibling.ReferenceLocation.Line);

        // The sibling keeps its private package to itself; the reference marked PrivateAssets="all" does not flow.
        Assert.DoesNotContain(facts.Packages, p => p.Id == "Fix.SiblingPrivate");
        Assert.True(facts.Packages.Single(p => p.Id == "Fix.HiddenPkg").DevOnly);

        var siblingProject = facts.ProjectReferences.Single(r => r.Name == "Sibling");
        Assert.Equal("GPL-3.0-only", siblingProject.License);
        Assert.False(siblingProject.DevOnly);
        Assert.Equal(LicenseFixtureSet.LineOf(fixture.Lib, "Sibling.csproj"), siblingProject.ReferenceLocation!.Line);
        Assert.True(facts.ProjectReferences.Single(r => r.Name == "Hidden").DevOnly);
    }

    [Fact]
    public void PrivateAssets_keep_a_package_out_of_a_library_but_not_out_of_an_application()
    {
        Assert.True(Collect(fixture.Lib, "netstandard2.0", all: true).Packages.Single(p => p.Id == "Fix.PrivateLib").DevOnly);
        Assert.False(Collect(fixture.App, "net10.0", all: true, executable: true).Packages.Single(p => p.Id == "Fix.PrivateLib").DevOnly);
    }

    [Fact]
    public void A_package_the_target_framework_supersedes_does_not_ship_even_referenced_directly()
    {
        // System.Net.Http pinned by a net10.0 application (as projects did after a security advisory): the framework's
        // assembly wins, nothing of the package is used; its licence (the packaged .NET Library terms) is still read.
        var packages = Collect(fixture.App, "net10.0", all: true, executable: true).Packages;
        var pinned = packages.Single(p => p.Id == "System.Net.Http");

        Assert.True(pinned.Direct);
        Assert.True(pinned.DevOnly);
        Assert.True(pinned.Superseded);
        Assert.Equal("LicenseRef-Microsoft-DotNet-Library", pinned.License);
        Assert.False(packages.Single(p => p.Id == "Fix.PrivateLib").Superseded);
    }

    [Fact]
    public void A_developmentDependency_and_a_package_with_only_placeholders_do_not_ship()
    {
        var packages = Collect(fixture.Lib, "netstandard2.0", all: true).Packages;

        Assert.True(packages.Single(p => p.Id == "Fix.DevDep").DevOnly);
        Assert.True(packages.Single(p => p.Id == "Fix.Placeholder").DevOnly);
        Assert.False(packages.Single(p => p.Id == "Fix.Mit").DevOnly);
    }

    [Fact]
    public void The_SDKs_implicit_NETStandard_Library_is_implicit_and_never_located_outside_the_repository()
    {
        var request = Request(fixture.Lib, "netstandard2.0", all: true);
        request.PackageReferences.Add(new DeclaredReference("NETStandard.Library", "/usr/share/dotnet/sdk/10.0.100/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.Sdk.DefaultItems.props"));

        var facts = FactsCollector.Collect(request);
        var netStandard = facts.Packages.Single(p => p.Id == "NETStandard.Library");

        Assert.True(netStandard.Implicit);
        Assert.True(netStandard.DevOnly);
        Assert.Null(netStandard.ReferenceLocation);
        Assert.False(facts.Packages.Single(p => p.Id == "Fix.Mit").Implicit);
    }

    [Fact]
    public void An_assets_file_that_records_another_version_than_the_project_asks_is_stale()
    {
        var request = Request(fixture.App, "net10.0", all: true);
        request.PackageReferences.Clear();
        request.PackageReferences.Add(new DeclaredReference("Fix.PrivateLib", fixture.App, "2.0.0"));

        var problem = Assert.Single(FactsCollector.Collect(request).Problems, p => p.Kind == CollectionProblemKind.AssetsFileStale);

        Assert.Contains("records Fix.PrivateLib [1.0.0, ) where the project asks 2.0.0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assets_file_that_records_a_reference_the_project_no_longer_has_is_stale()
    {
        var request = Request(fixture.App, "net10.0", all: true);
        request.PackageReferences.Clear();
        request.PackageReferences.Add(new DeclaredReference("Fix.Other", fixture.App, "1.0.0"));

        var problem = Assert.Single(FactsCollector.Collect(request).Problems, p => p.Kind == CollectionProblemKind.AssetsFileStale);

        Assert.Contains("records Fix.PrivateLib, which the project no longer references", problem.Message, StringComparison.Ordinal);
        Assert.Contains("does not know Fix.Other", problem.Message, StringComparison.Ordinal);
    }

    private static ProjectFacts Collect(string project, string framework, bool all, bool executable = false)
        => FactsCollector.Collect(Request(project, framework, all, executable));

    private static CollectionRequest Request(string project, string framework, bool all, bool executable = false)
    {
        var request = new CollectionRequest(project) { TargetFramework = framework, AllTargetFrameworks = all, IsExecutable = executable };
        foreach (var item in ReferenceLocator.ReadItems(project).Where(i => i.Element == "PackageReference" && i.Id != "Fix.Gpl"))
        {
            request.PackageReferences.Add(new DeclaredReference(item.Id, project, "1.0.0"));
        }

        return request;
    }
}
