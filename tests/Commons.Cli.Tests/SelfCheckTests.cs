// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Text.Json;
using Commons.Testing;

namespace Commons.Cli.Tests;

/// <summary>The project is its own first user: its repository passes its own checks, in every CI run.</summary>
public class SelfCheckTests
{
    [Fact]
    public void This_repository_passes_its_own_check()
    {
        var result = Cli.Run(RepositoryPaths.Root, "check", RepositoryPaths.Root, "--format", "json", "--fail-on", "warning");

        using var report = JsonDocument.Parse(result.Stdout);
        var findings = report.RootElement.GetProperty("findings");
        var listed = string.Join("\n", System.Linq.Enumerable.Select(findings.EnumerateArray(), f => f.GetProperty("ruleId").GetString() + " " + f.GetProperty("message").GetString()));
        Assert.True(result.ExitCode == 0, "commons check . exited " + result.ExitCode + ":\n" + listed + "\n" + result.Stderr);
        Assert.True(findings.GetArrayLength() == 0, "findings on this repository:\n" + listed);
        Assert.True(report.RootElement.GetProperty("projects").GetArrayLength() >= 10);
    }

    /// <summary>The repository is REUSE-compliant (REUSE 3.3: headers, LICENSES/, REUSE.toml), as reuse lint would say.</summary>
    [Fact]
    public void This_repository_passes_its_own_header_check()
    {
        var result = Cli.Run(RepositoryPaths.Root, "headers", RepositoryPaths.Root);

        Assert.True(result.ExitCode == 0, "commons headers . exited " + result.ExitCode + ":\n" + result.Stdout + result.Stderr);
    }
}
