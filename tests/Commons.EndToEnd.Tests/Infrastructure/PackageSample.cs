// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading;

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>The outcome of one <c>dotnet build</c> of a sample: the process and the SARIF results of every compilation.</summary>
public sealed record BuildOutcome(ProcessResult Process, IReadOnlyList<SarifResult> Results, IReadOnlyList<SarifResult>? SuppressedResults = null)
{
    /// <summary>Our results the compiler suppressed (the baseline's), each with its suppression.</summary>
    public IReadOnlyList<SarifResult> Suppressed => (SuppressedResults ?? Array.Empty<SarifResult>()).Where(r => r.IsOurs).ToArray();

    public IReadOnlyList<SarifResult> Ours => Results.Where(r => r.IsOurs).ToArray();

    public IReadOnlyList<SarifResult> OfRule(string ruleId) => Results.Where(r => r.RuleId == ruleId).ToArray();

    /// <summary>For assertion messages: every finding of ours and the tail of the build output.</summary>
    public string Describe()
        => "Findings:" + Environment.NewLine + string.Join(Environment.NewLine, Ours.Select(r => "  " + r)) + Environment.NewLine + Process.Describe();
}

/// <summary>
/// A sample repository in a temporary folder, as a user would have it: a git repository with its own NuGet.Config
/// (the local feeds, nuget.org for the SDK's own needs, the run's packages folder) and Commons.Analyzers installed once
/// in <c>Directory.Build.props</c>. Every compilation writes its SARIF log into a per-build folder
/// (<c>ErrorLog</c> set in <c>Directory.Build.targets</c>), so a multi-project or multi-targeted build keeps one log per compilation.
/// </summary>
public sealed class PackageSample
{
    private static int buildCounter;
    private readonly PackedPackage package;

    public PackageSample(PackedPackage package, string name, bool centralPackageManagement = false)
    {
        this.package = package;
        Root = package.NewSampleFolder(name);
        CentralPackageManagement = centralPackageManagement;
        InitializeGit();
        WriteNuGetConfig(online: true);
        Write("Directory.Build.props", DirectoryBuildProps());
        Write("Directory.Build.targets", DirectoryBuildTargets);
        if (centralPackageManagement)
        {
            Write("Directory.Packages.props", CentralVersions(Array.Empty<(string, string)>()));
        }
    }

    public string Root { get; }

    public bool CentralPackageManagement { get; }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n"));
        return path;
    }

    /// <summary>Writes every community file of <see cref="SampleFiles.CommunityFiles"/> and, when given, the licence text as LICENSE.</summary>
    public void WriteCommunityFiles(string? licenseText)
    {
        if (licenseText is not null)
        {
            Write("LICENSE", licenseText);
        }

        foreach (var (path, content) in SampleFiles.CommunityFiles)
        {
            Write(path, content);
        }
    }

    /// <summary>The 1-based number of the first line of a file that contains the fragment.</summary>
    public int LineOf(string relativePath, string fragment)
    {
        var lines = File.ReadAllLines(PathOf(relativePath));
        var index = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new InvalidOperationException($"'{fragment}' is not in {relativePath}.");
        }

        return index + 1;
    }

    /// <summary>Adds the central versions (Commons.Analyzers is always there) to <c>Directory.Packages.props</c>.</summary>
    public void WriteCentralVersions(params (string Id, string Version)[] versions) => Write("Directory.Packages.props", CentralVersions(versions));

    /// <summary>
    /// Writes the NuGet.Config: the two local feeds, plus nuget.org when <paramref name="online"/>, plus
    /// <paramref name="extraV3Source"/> (a v3 service index URL) when given.
    /// </summary>
    public void WriteNuGetConfig(bool online, string? extraV3Source = null)
    {
        var networkSources = online ? "    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" protocolVersion=\"3\" />\n" : string.Empty;
        if (extraV3Source is not null)
        {
            networkSources += $"    <add key=\"extra\" value=\"{SecurityElement.Escape(extraV3Source)}\" protocolVersion=\"3\" allowInsecureConnections=\"true\" />\n";
        }

        Write("NuGet.Config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(package.PackagesFolder)}" />
              </config>
              <packageSources>
                <clear />
                <add key="commons" value="{SecurityElement.Escape(package.Feed)}" />
                <add key="fixtures" value="{SecurityElement.Escape(package.FixtureFeed)}" />
            {networkSources}  </packageSources>
            </configuration>
            """);
    }

    /// <summary>Removes every <c>bin/</c> and <c>obj/</c> folder: the next build restores and compiles from scratch.</summary>
    public void DeleteBuildOutputs()
    {
        foreach (var folder in Directory.GetDirectories(Root, "*", SearchOption.AllDirectories).Where(d => Path.GetFileName(d) is "bin" or "obj").ToArray())
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Runs <c>dotnet build -nodeReuse:false</c> on the target (a project, a solution or the root) and reads the SARIF logs.</summary>
    public BuildOutcome Build(string? target = null, params string[] arguments)
    {
        var sarifFolder = Path.Combine(Root, ".sarif", Interlocked.Increment(ref buildCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(sarifFolder);
        var all = new List<string> { "build" };
        if (target is not null)
        {
            all.Add(target);
        }

        all.AddRange(new[] { "-nodeReuse:false", "-p:CommonsE2ESarifFolder=" + sarifFolder, "-clp:NoSummary" });
        all.AddRange(arguments);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder };
        var process = DotnetProcess.Run(Root, all, environment);
        return new BuildOutcome(process, SarifLog.ReadFolder(sarifFolder), SarifLog.ReadFolder(sarifFolder, suppressed: true));
    }

    private string DirectoryBuildProps()
    {
        var version = CentralPackageManagement ? string.Empty : $" Version=\"{package.Version}\"";
        return $"""
            <Project>
              <!-- Commons.Analyzers, installed once for every project of the repository. -->
              <ItemGroup>
                <PackageReference Include="{PackedPackage.PackageId}"{version} PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """;
    }

    private const string DirectoryBuildTargets = """
        <Project>
          <!-- One SARIF log per compilation (project and target framework), as -p:ErrorLog would give for one project. -->
          <PropertyGroup Condition="'$(CommonsE2ESarifFolder)' != ''">
            <ErrorLog>$(CommonsE2ESarifFolder)/$(MSBuildProjectName)-$(TargetFramework).sarif,version=2.1</ErrorLog>
          </PropertyGroup>
        </Project>
        """;

    private string CentralVersions(IEnumerable<(string Id, string Version)> versions)
    {
        var lines = new[] { (PackedPackage.PackageId, package.Version) }.Concat(versions)
            .Select(v => $"    <PackageVersion Include=\"{v.Item1}\" Version=\"{v.Item2}\" />");
        return "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n"
            + "  <ItemGroup>\n" + string.Join("\n", lines) + "\n  </ItemGroup>\n</Project>\n";
    }

    /// <summary>A real (empty) git repository: the package finds the repository root by its <c>.git</c>.</summary>
    private void InitializeGit()
    {
        var git = Path.Combine(Root, ".git");
        Directory.CreateDirectory(Path.Combine(git, "objects"));
        Directory.CreateDirectory(Path.Combine(git, "refs", "heads"));
        File.WriteAllText(Path.Combine(git, "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(git, "config"), "[core]\n\trepositoryformatversion = 0\n\tbare = false\n");
    }
}
