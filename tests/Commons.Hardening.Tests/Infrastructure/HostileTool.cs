// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Commons.Compliance.Input;
using Commons.Testing;

namespace Commons.Hardening.Tests.Infrastructure;

/// <summary>
/// Runs the built <c>commons</c> tool out of process on hostile input, as a user does, and checks what issue 18 asks of every
/// run: it ends within its time, with exit code 0, 1 or 2, no unhandled exception, no raw control character on the
/// terminal, and no byte of the secret that lies outside the repository.
/// </summary>
public static class HostileTool
{
    /// <summary>A commands that needs no MSBuild answers in about a second: a run still going after this hangs.</summary>
    public static readonly TimeSpan QuickLimit = TimeSpan.FromSeconds(30);

    /// <summary>A command that evaluates projects (sbom, notices, check) loads MSBuild first.</summary>
    public static readonly TimeSpan ProjectLimit = TimeSpan.FromSeconds(120);

    public static DotnetResult Run(string workingDirectory, TimeSpan limit, params string[] arguments)
    {
        Assert.True(File.Exists(RepositoryPaths.CliTool), "the tool is not built: " + RepositoryPaths.CliTool);
        return DotnetRunner.Run(workingDirectory, limit, new[] { RepositoryPaths.CliTool }.Concat(arguments).ToArray());
    }

    /// <summary>Runs the tool with its standard output sent to <paramref name="stdout"/> (a device such as <c>/dev/full</c>) by a shell.</summary>
    public static DotnetResult RunWithStandardOutput(string workingDirectory, string stdout, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$@\" > " + stdout);
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(RepositoryPaths.CliTool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit((int)ProjectLimit.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new DotnetResult(-1, "[timed out]\n" + stderr.Result, clock.Elapsed);
        }

        process.WaitForExit();
        return new DotnetResult(process.ExitCode, stderr.Result, clock.Elapsed);
    }

    /// <summary>Ended in time with 0, 1 or 2; no stack trace; nothing raw for a terminal; nothing of <paramref name="secret"/>.</summary>
    public static void AssertHandled(DotnetResult run, string? secret = null)
    {
        Assert.True(run.ExitCode is 0 or 1 or 2, "exit code " + run.ExitCode + " (-1: it did not end in time):\n" + run);
        Assert.False(run.Output.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase), run.ToString());
        Assert.DoesNotContain(run.Output.Split('\n'), line => line.StartsWith("   at ", StringComparison.Ordinal));
        var raw = run.Output.FirstOrDefault(c => c != '\n' && c != '\t' && Printable.MustEscape(c));
        Assert.True(raw == default(char), "a raw U+" + ((int)raw).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " reached the terminal:\n" + run);
        if (secret is not null)
        {
            Assert.False(run.Output.Contains(secret, StringComparison.Ordinal), "the secret outside the repository reached the output:\n" + run);
        }
    }
}
