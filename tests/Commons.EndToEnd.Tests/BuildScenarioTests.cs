// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.EndToEnd.Tests.Infrastructure;

namespace Commons.EndToEnd.Tests;

/// <summary>
/// Issue 5 §2: real <c>dotnet build</c>s of sample repositories that install the freshly packed package, asserted on
/// the SARIF logs and the exit code. Rule ids are the catalogue's (Commons.Compliance <c>RuleIds</c>).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BuildScenarioTests
{
    private const string NoLicenseFile = "CMN0001";
    private const string DependencyLicenseDenied = "CMN0103";
    private const string DependencyLicenseIncompatible = "CMN0104";
    private const string NoReadme = "CMN0201";
    private const string ProjectPath = "src/Sample/Sample.csproj";

    private readonly PackedPackage package;

    public BuildScenarioTests(PackedPackage package) => this.package = package;

    [Fact]
    public void CleanApacheLibrary_WithEveryCommunityFile_GetsNoWarningFromUs()
    {
        var sample = Library("clean", "Apache-2.0", SampleFiles.ApacheLicense, Array.Empty<string>());

        var build = sample.Build(ProjectPath, "-v:n");

        AssertPackageActive(build, sample, "src/Sample");
        Assert.True(build.Process.Succeeded, build.Describe());
        Assert.DoesNotContain(build.Ours, r => r.IsWarningOrError);
    }

    [Fact]
    public void FirstBuildOnAMachine_ReadsTheShippedCatalogueIndex_AndComputesNone()
    {
        // An empty user cache, as on a machine that never built with the package: the repository's LICENSE is identified
        // (its answer is saved in the identification memo), and the catalogue index comes from the package's task folder.
        // Without the shipped index the build normalises the catalogue (about a second) and saves it in this folder.
        var sample = Library("first-build", "Apache-2.0", SampleFiles.ApacheLicense, Array.Empty<string>());
        var cache = sample.PathOf(".commons-cache");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder, ["COMMONS_CACHE_DIR"] = cache };

        var build = DotnetProcess.Run(sample.Root, new[] { "build", sample.PathOf(ProjectPath), "-nodeReuse:false", "-clp:NoSummary" }, environment);

        Assert.True(build.Succeeded, build.Describe());
        Assert.NotEmpty(Directory.GetDirectories(cache, "identified-*"));
        Assert.Empty(Directory.GetFiles(cache, "identifier-index-*"));
    }

    [Fact]
    public void BareProject_ReportsMissingLicenceAndReadme()
    {
        var sample = new PackageSample(package, "bare");
        sample.Write(ProjectPath, SampleFiles.BareProject("net10.0"));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", null));

        var build = sample.Build(ProjectPath, "-v:n");

        AssertPackageActive(build, sample, "src/Sample");
        Assert.True(build.Process.Succeeded, build.Describe());
        Assert.Single(build.OfRule(NoLicenseFile));
        Assert.Single(build.OfRule(NoReadme));
    }

    [Fact]
    public void MitLibrary_ReferencingAGplPackage_IsIncompatible_AtThePackageReferenceLine()
    {
        var sample = Library("mit-gpl", "MIT", SampleFiles.MitLicense, new[] { SampleFiles.Reference(FixturePackages.Gpl3) });

        var build = sample.Build(ProjectPath, "-v:n");

        AssertPackageActive(build, sample, "src/Sample");
        Assert.True(build.Process.Succeeded, build.Describe());
        var finding = Assert.Single(build.OfRule(DependencyLicenseIncompatible));
        Assert.Equal("warning", finding.Level);
        Assert.Contains(FixturePackages.Gpl3.Id, finding.Message, StringComparison.Ordinal);
        AssertLocatedAt(finding, sample, ProjectPath, $"Include=\"{FixturePackages.Gpl3.Id}\"");
    }

    [Fact]
    public void TransitiveGplPackage_IsIncompatible_AtTheDirectReference_WithThePathInTheMessage()
    {
        var sample = Library("mit-transitive-gpl", "MIT", SampleFiles.MitLicense, new[] { SampleFiles.Reference(FixturePackages.MitWrapper) });

        var build = sample.Build(ProjectPath, "-v:n");

        AssertPackageActive(build, sample, "src/Sample");
        var finding = Assert.Single(build.OfRule(DependencyLicenseIncompatible));
        Assert.Contains(FixturePackages.Gpl3.Id, finding.Message, StringComparison.Ordinal);
        Assert.Contains(FixturePackages.MitWrapper.Id, finding.Message, StringComparison.Ordinal);
        AssertLocatedAt(finding, sample, ProjectPath, $"Include=\"{FixturePackages.MitWrapper.Id}\"");
    }

    [Fact]
    public void CentralPackageManagement_LocatesTheIncompatibilityInDirectoryPackagesProps()
    {
        var sample = Library("central-gpl", "MIT", SampleFiles.MitLicense, new[] { SampleFiles.CentralReference(FixturePackages.Gpl3) }, central: true);
        sample.WriteCentralVersions((FixturePackages.Gpl3.Id, FixturePackages.Gpl3.Version));

        var build = sample.Build(ProjectPath, "-v:n");

        AssertPackageActive(build, sample, "src/Sample");
        var finding = Assert.Single(build.OfRule(DependencyLicenseIncompatible));
        AssertLocatedAt(finding, sample, "Directory.Packages.props", $"Include=\"{FixturePackages.Gpl3.Id}\"");
    }

    public static TheoryData<string, string> CompatibleDependencies => new()
    {
        { "lgpl", SampleFiles.Reference(FixturePackages.Lgpl) },
        { "gpl-analyzer", SampleFiles.Reference(FixturePackages.GplAnalyzer, " PrivateAssets=\"all\"") },
        { "mit-or-gpl", SampleFiles.Reference(FixturePackages.MitOrGpl2) },
    };

    [Theory]
    [MemberData(nameof(CompatibleDependencies))]
    public void ApacheLibrary_WithACompatibleUseOfACopyleftPackage_HasNoIncompatibility(string name, string reference)
    {
        var sample = Library("compatible-" + name, "Apache-2.0", SampleFiles.ApacheLicense, new[] { reference });

        var build = sample.Build(ProjectPath, "-v:n");

        AssertPackageActive(build, sample, "src/Sample");
        Assert.True(build.Process.Succeeded, build.Describe());
        Assert.Empty(build.OfRule(DependencyLicenseIncompatible));
        Assert.Empty(build.OfRule(DependencyLicenseDenied));
    }

    [Fact]
    public void CiGate_TurnsTheIncompatibilityIntoABuildError()
    {
        var sample = Library("gate", "MIT", SampleFiles.MitLicense, new[] { SampleFiles.Reference(FixturePackages.Gpl3) });

        var build = sample.Build(ProjectPath, "-v:n", "-p:CommonsGate=true");

        Assert.NotEqual(0, build.Process.ExitCode);
        var finding = Assert.Single(build.OfRule(DependencyLicenseIncompatible));
        Assert.Equal("error", finding.Level);
        Assert.Contains($"error {DependencyLicenseIncompatible}", build.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiTargetedProject_ReportsAFindingOnce()
    {
        var sample = Library("multi-target", "MIT", SampleFiles.MitLicense, new[] { SampleFiles.Reference(FixturePackages.Gpl3) }, targetFrameworks: "netstandard2.0;net10.0");

        var build = sample.Build(ProjectPath, "-v:n", "-clp:NoSummary");

        Assert.True(build.Process.Succeeded, build.Describe());
        var logs = build.Results.Select(r => r.LogFile).Distinct().ToArray();
        Assert.Single(build.OfRule(DependencyLicenseIncompatible));
        // The console may echo a warning (node prefix "1>" and a plain copy); what matters is that the finding appears
        // for one target framework only: distinct lines once the node prefix is dropped.
        var consoleLines = build.Process.Output.Split('\n')
            .Where(l => l.Contains($"warning {DependencyLicenseIncompatible}", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"^\d+>", string.Empty))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Assert.True(consoleLines.Length == 1, "One line per finding expected:" + Environment.NewLine + string.Join(Environment.NewLine, consoleLines));
        Assert.True(Directory.GetFiles(Path.GetDirectoryName(logs.Single())!, "*.sarif").Length == 2, "Both target frameworks compile, each with its own log.");
    }

    [Fact]
    public void ThreeProjectSolution_InstalledThroughDirectoryBuildProps_ChecksEveryProject()
    {
        var sample = new PackageSample(package, "three-projects");
        WriteRepositoryFiles(sample, SampleFiles.MitLicense);
        foreach (var name in new[] { "Alpha", "Beta", "Gamma" })
        {
            var references = name == "Beta" ? new[] { SampleFiles.Reference(FixturePackages.Gpl3) } : new[] { SampleFiles.Reference(FixturePackages.Mit) };
            sample.Write($"src/{name}/{name}.csproj", SampleFiles.Project("net10.0", "MIT", references));
            sample.Write($"src/{name}/{name}Greeter.cs", SampleFiles.Source(name + "Greeter", "MIT"));
        }

        sample.Write("Sample.slnx", SampleFiles.Solution("src/Alpha/Alpha.csproj", "src/Beta/Beta.csproj", "src/Gamma/Gamma.csproj"));

        var build = sample.Build("Sample.slnx", "-v:n");

        Assert.True(build.Process.Succeeded, build.Describe());
        foreach (var name in new[] { "Alpha", "Beta", "Gamma" })
        {
            AssertPackageActive(build, sample, "src/" + name);
        }

        var finding = Assert.Single(build.OfRule(DependencyLicenseIncompatible));
        Assert.StartsWith("Beta-", Path.GetFileName(finding.LogFile), StringComparison.Ordinal);
        AssertLocatedAt(finding, sample, "src/Beta/Beta.csproj", $"Include=\"{FixturePackages.Gpl3.Id}\"");
    }

    [Fact]
    public void NoOpRebuild_DoesNotCollectAgain()
    {
        var sample = Library("no-op", "MIT", SampleFiles.MitLicense, new[] { SampleFiles.Reference(FixturePackages.Gpl3) });

        var first = sample.Build(ProjectPath, "-v:d");
        Assert.True(first.Process.Succeeded, first.Describe());
        var facts = FactsFile(sample, "src/Sample");
        var written = File.GetLastWriteTimeUtc(facts);
        Assert.True(RanCollection(first.Process.Output), "The first build must run the collection task:" + Environment.NewLine + first.Process.Describe());

        var second = sample.Build(ProjectPath, "-v:d");

        Assert.True(second.Process.Succeeded, second.Describe());
        Assert.False(RanCollection(second.Process.Output), "A no-op build collected again:" + Environment.NewLine + CollectionLines(second.Process.Output));
        Assert.Equal(written, File.GetLastWriteTimeUtc(facts));
    }

    [Fact]
    public void NoPackageSourceReachable_GivesTheSameFindings()
    {
        var sample = Library("offline", "MIT", SampleFiles.MitLicense, new[] { SampleFiles.Reference(FixturePackages.MitWrapper), SampleFiles.Reference(FixturePackages.Lgpl) });
        var online = sample.Build(ProjectPath, "-v:n");
        AssertPackageActive(online, sample, "src/Sample");
        Assert.NotEmpty(online.Ours);

        // Only the local feeds remain: restore must be served by the packages folder, and the collection must not need the network.
        sample.WriteNuGetConfig(online: false);
        sample.DeleteBuildOutputs();
        var localFeedsOnly = sample.Build(ProjectPath, "-v:n");
        var noRestore = sample.Build(ProjectPath, "-v:n", "--no-restore", "--no-incremental");

        Assert.True(localFeedsOnly.Process.Succeeded, localFeedsOnly.Describe());
        Assert.True(noRestore.Process.Succeeded, noRestore.Describe());
        Assert.Equal(Signature(online), Signature(localFeedsOnly));
        Assert.Equal(Signature(online), Signature(noRestore));
    }

    /// <summary>A library repository: licence, every community file, one project with SPDX-headed sources.</summary>
    private PackageSample Library(string name, string license, string licenseText, IEnumerable<string> references, bool central = false, string targetFrameworks = "net10.0")
    {
        var sample = new PackageSample(package, name, central);
        WriteRepositoryFiles(sample, licenseText);
        sample.Write(ProjectPath, SampleFiles.Project(targetFrameworks, license, references));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", license));
        return sample;
    }

    private static void WriteRepositoryFiles(PackageSample sample, string licenseText)
    {
        sample.Write("LICENSE", licenseText);
        foreach (var (path, content) in SampleFiles.CommunityFiles)
        {
            sample.Write(path, content);
        }
    }

    /// <summary>
    /// Proves the package took part in the build, so that "no finding" cannot pass because nothing ran: the compiler
    /// loaded our analyzer from the package and the targets wrote the facts file.
    /// </summary>
    private void AssertPackageActive(BuildOutcome build, PackageSample sample, string projectFolder)
    {
        var analyzer = Path.Combine(package.PackagesFolder, "commons.analyzers", package.Version, "analyzers", "dotnet", "cs", "Commons.Analyzers.dll");
        Assert.True(build.Process.Output.Contains("/analyzer:" + analyzer, StringComparison.Ordinal), "The compiler did not load " + analyzer + Environment.NewLine + build.Process.Describe());
        FactsFile(sample, projectFolder);
    }

    private static string FactsFile(PackageSample sample, string projectFolder)
    {
        var obj = sample.PathOf(projectFolder + "/obj");
        var files = Directory.Exists(obj) ? Directory.GetFiles(obj, "commons.facts", SearchOption.AllDirectories) : Array.Empty<string>();
        Assert.True(files.Length > 0, $"No commons.facts under {obj}: the package's targets did not run.");
        return files[0];
    }

    private static void AssertLocatedAt(SarifResult finding, PackageSample sample, string relativePath, string fragment)
    {
        Assert.Equal(Path.GetFullPath(sample.PathOf(relativePath)), finding.FilePath is null ? null : Path.GetFullPath(finding.FilePath));
        Assert.Equal(sample.LineOf(relativePath, fragment), finding.StartLine);
    }

    /// <summary>At detailed verbosity MSBuild logs <c>Task "X"</c> for every task it executes; the collection is the <c>CollectCommonsFacts</c> task.</summary>
    private static bool RanCollection(string output) => CollectionLines(output).Length > 0;

    private static string CollectionLines(string output)
        => string.Join(Environment.NewLine, output.Split('\n').Where(l => l.Contains("Task \"CollectCommonsFacts\"", StringComparison.Ordinal)));

    private static string[] Signature(BuildOutcome build)
        => build.Ours.Select(r => $"{r.RuleId} {r.Level} {r.FilePath}({r.StartLine}): {r.Message}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
}
