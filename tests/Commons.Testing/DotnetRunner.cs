// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.Text;

namespace Commons.Testing;

/// <summary>The outcome of one <c>dotnet</c> run: exit code and everything it printed.</summary>
public sealed class DotnetResult
{
    public DotnetResult(int exitCode, string output, TimeSpan elapsed)
    {
        ExitCode = exitCode;
        Output = output;
        Elapsed = elapsed;
    }

    public int ExitCode { get; }

    /// <summary>Standard output and standard error, interleaved as they arrived.</summary>
    public string Output { get; }

    public TimeSpan Elapsed { get; }

    public override string ToString() => "exit " + ExitCode + " after " + Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s\n" + Output;
}

/// <summary>Runs the <c>dotnet</c> CLI with a timeout and captures its output; never leaves the process behind.</summary>
public static class DotnetRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static DotnetResult Run(string workingDirectory, TimeSpan? timeout, params string[] arguments)
        => RunProgram("dotnet", workingDirectory, timeout, arguments);

    /// <summary>Runs another program (a shell that runs <c>dotnet</c>) in the same environment.</summary>
    public static DotnetResult RunProgram(string program, string workingDirectory, TimeSpan? timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Quiet, reproducible, and no MSBuild node left running to lock the task assembly.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        // Sample repositories name their package folder in their own NuGet.Config; a NUGET_PACKAGES set for the test
        // run would override it and send their fixture packages into the user's folder.
        start.Environment.Remove("NUGET_PACKAGES");

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)(timeout ?? DefaultTimeout).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Append(output, "[timed out after " + (timeout ?? DefaultTimeout) + "]");
            return new DotnetResult(-1, Snapshot(output), clock.Elapsed);
        }

        process.WaitForExit();
        return new DotnetResult(process.ExitCode, Snapshot(output), clock.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
