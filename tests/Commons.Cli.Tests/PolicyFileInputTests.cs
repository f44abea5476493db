// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Commons.Cli.Tests;

/// <summary>
/// Issue 18: <c>commons check --policy-file</c> naming something that is no policy file. <c>/dev/zero</c> ran the tool out of
/// memory (an unhandled exception after 25 s); a folder or a pipe must end within seconds with exit 0 or 1 and a one-line reason,
/// and a file outside the repository that holds secrets (<c>/proc/self/environ</c>) must never reach the output.
/// </summary>
public sealed class PolicyFileInputTests : IDisposable
{
    private readonly TempCopy repo = new();
    private readonly string project;

    public PolicyFileInputTests()
    {
        repo.Write("LICENSE", File.ReadAllText(Path.Combine(TempCopy.Sample, "LICENSE")));
        repo.Write("README.md", "# Lib\n");
        Directory.CreateDirectory(repo.PathOf(".git"));
        project = repo.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <PackageLicenseExpression>Apache-2.0</PackageLicenseExpression>\n  </PropertyGroup>\n</Project>\n");
    }

    [Theory]
    [InlineData("device", "it is empty, or a pipe or a device")]
    [InlineData("folder", "it is a folder, not a file")]
    [InlineData("pipe", "it is empty, or a pipe or a device")]
    [InlineData("sparse", "it is 3072 MB, larger than the 1 MB read limit")]
    [InlineData("environ", "it is empty, or a pipe or a device")]
    public void A_policy_file_that_is_no_text_gives_a_finding_that_says_why_within_seconds(string kind, string reason)
    {
        var policy = kind switch
        {
            "device" => "/dev/zero",
            "environ" => "/proc/self/environ",
            "folder" => Directory.CreateDirectory(repo.PathOf("policy-folder")).FullName,
            "pipe" => Fifo(repo.PathOf("commons.policy")),
            _ => Sparse(repo.PathOf("commons.policy"), 3L * 1024 * 1024 * 1024),
        };

        var watch = Stopwatch.StartNew();
        var result = Cli.Run(repo.Root, "check", project, "--policy-file", policy, "--format", "sarif");
        watch.Stop();

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "took " + watch.Elapsed);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        var messages = JsonNode.Parse(result.Stdout)!["runs"]![0]!["results"]!.AsArray()
            .Where(r => (string?)r!["ruleId"] == "CMN0902").Select(r => (string?)r!["message"]!["text"]).ToArray();
        Assert.Contains(messages, m => m!.Contains("The policy file '" + policy + "' could not be read: " + reason, StringComparison.Ordinal));
        Assert.DoesNotContain("PATH=", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => repo.Dispose();

    private static string Fifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        return path;
    }

    private static string Sparse(string path, long length)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            stream.SetLength(length);
        }

        return path;
    }
}
