// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.EndToEnd.Tests.Infrastructure;
using Commons.Testing;
using Xunit.Abstractions;

namespace Commons.EndToEnd.Tests;

/// <summary>
/// Issue 7, Faults: a 20-project repository (one solution, project references between some, every fixture package)
/// built in parallel (<c>-m</c>) and serially (<c>-m:1</c>) from clean gives byte-identical facts files and reports,
/// the same findings, and no file-in-use trouble. Restored once; both builds use <c>--no-restore</c>.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ParallelBuildTests
{
    private const int ProjectCount = 20;

    /// <summary>MSBuild's copy retries and failures when another node holds a file, and the OS message behind them.</summary>
    private static readonly string[] FileInUseMarkers = { "MSB3026", "MSB3027", "MSB3021", "being used by another process" };

    private readonly PackedPackage package;

    private readonly ITestOutputHelper output;

    public ParallelBuildTests(PackedPackage package, ITestOutputHelper output)
    {
        this.package = package;
        this.output = output;
    }

    [Fact]
    public void TwentyProjects_ParallelAndSerialBuilds_GiveIdenticalFactsAndFindings()
    {
        var sample = TwentyProjectSample();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var restore = DotnetProcess.Run(sample.Root, new[] { "restore", "Sample.slnx", "-nodeReuse:false" }, new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder });
        Assert.True(restore.Succeeded, restore.Describe());
        output.WriteLine($"restore: {clock.Elapsed.TotalSeconds:0.0} s");

        clock.Restart();
        var parallel = sample.Build("Sample.slnx", "--no-restore", "-m", "-v:n");
        output.WriteLine($"parallel build: {clock.Elapsed.TotalSeconds:0.0} s");
        var parallelOutputs = CollectedOutputs(sample);
        DeleteBuildResults(sample);
        clock.Restart();
        var serial = sample.Build("Sample.slnx", "--no-restore", "-m:1", "-v:n");
        output.WriteLine($"serial build: {clock.Elapsed.TotalSeconds:0.0} s");
        var serialOutputs = CollectedOutputs(sample);

        foreach (var build in new[] { parallel, serial })
        {
            Assert.True(build.Process.Succeeded, build.Describe());
            var inUse = build.Process.Output.Split('\n').Where(l => FileInUseMarkers.Any(m => l.Contains(m, StringComparison.Ordinal))).ToArray();
            Assert.True(inUse.Length == 0, "file-in-use trouble in " + build.Process.CommandLine + ":" + Environment.NewLine + string.Join(Environment.NewLine, inUse));
        }

        Assert.Equal(2 * ProjectCount, parallelOutputs.Count);
        Assert.Equal(parallelOutputs.Keys.OrderBy(k => k, StringComparer.Ordinal), serialOutputs.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (path, bytes) in parallelOutputs)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(serialOutputs[path]), path + " differs between the parallel and the serial build");
        }

        var parallelFindings = Findings(parallel);
        Assert.Contains(parallelFindings, f => f.StartsWith("CMN0104", StringComparison.Ordinal));
        Assert.Equal(parallelFindings, Findings(serial));
    }

    /// <summary>
    /// P01…P20, each referencing one fixture package in turn (a GPL one, an MIT wrapper of it, LGPL, a GPL analyzer, a
    /// dual licence, MIT) and most of them the previous project, every fifth also P01: parallel nodes meet on shared
    /// references and shared packages.
    /// </summary>
    private PackageSample TwentyProjectSample()
    {
        var sample = new PackageSample(package, "parallel-twenty");
        sample.WriteCommunityFiles(SampleFiles.MitLicense);

        var projects = new List<string>();
        for (var i = 1; i <= ProjectCount; i++)
        {
            var name = Name(i);
            var fixture = FixturePackages.All[i % FixturePackages.All.Length];
            var attributes = fixture == FixturePackages.GplAnalyzer ? " PrivateAssets=\"all\"" : string.Empty;
            var projectReferences = new List<string>();
            if (i > 1 && i % 4 != 1)
            {
                projectReferences.Add($"../{Name(i - 1)}/{Name(i - 1)}.csproj");
            }

            if (i % 5 == 0)
            {
                projectReferences.Add($"../{Name(1)}/{Name(1)}.csproj");
            }

            var path = $"src/{name}/{name}.csproj";
            sample.Write(path, SampleFiles.Project("net10.0", "MIT", new[] { SampleFiles.Reference(fixture, attributes) }, projectReferences: projectReferences));
            sample.Write($"src/{name}/{name}Greeter.cs", SampleFiles.Source(name + "Greeter", "MIT"));
            projects.Add(path);
        }

        sample.Write("Sample.slnx", SampleFiles.Solution(projects.ToArray()));
        return sample;
    }

    private static string Name(int i) => "P" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every facts file and dependency report, by path relative to the sample.</summary>
    private static Dictionary<string, byte[]> CollectedOutputs(PackageSample sample)
        => Directory.GetFiles(sample.PathOf("src"), "commons.*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "commons.facts" or "commons.dependencies.json")
            .ToDictionary(f => Path.GetRelativePath(sample.Root, f), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>Removes what the build wrote (bin/ and obj/Debug/) and keeps what restore wrote (obj/*.json, obj/*.props …).</summary>
    private static void DeleteBuildResults(PackageSample sample)
    {
        foreach (var project in Directory.GetDirectories(sample.PathOf("src")))
        {
            foreach (var folder in new[] { Path.Combine(project, "bin"), Path.Combine(project, "obj", "Debug") })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    /// <summary>Our findings as sorted lines: rule, level, location, message and the compilation that reported it.</summary>
    private static string[] Findings(BuildOutcome build)
        => build.Ours.Select(r => $"{r.RuleId} {r.Level} {r.FilePath}({r.StartLine}): {r.Message} [{Path.GetFileName(r.LogFile)}]")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
}
