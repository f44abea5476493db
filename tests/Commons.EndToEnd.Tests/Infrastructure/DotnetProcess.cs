// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>The outcome of one <c>dotnet</c> command: exit code, the interleaved output, and standard output alone.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, string StandardOutput = "")
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>A message for a failed assertion: the command, its exit code and the tail of its output.</summary>
    public string Describe()
    {
        const int Tail = 6000;
        var output = Output.Length > Tail ? "…" + Output.Substring(Output.Length - Tail) : Output;
        return $"`{CommandLine}` exited with {ExitCode}:{Environment.NewLine}{output}";
    }
}

/// <summary>
/// Runs the <c>dotnet</c> CLI in a child process with a hermetic environment: the variables that the test host's own
/// <c>dotnet test</c> leaves behind (MSBuild paths, CI switches) are removed so a sample build sees what a user's would.
/// </summary>
public static class DotnetProcess
{
    /// <summary>Variables inherited from the test host that would change how a sample builds.</summary>
    private static readonly string[] RemovedVariables =
    {
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "CI", "TF_BUILD", "GITHUB_ACTIONS", "ContinuousIntegrationBuild", "TreatWarningsAsErrors",
        "NUGET_PACKAGES", "NUGET_FALLBACK_PACKAGES", "RestoreConfigFile",
    };

    private static readonly KeyValuePair<string, string>[] FixedVariables =
    {
        new("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
        new("DOTNET_NOLOGO", "1"),
        new("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1"),
        new("DOTNET_CLI_USE_MSBUILD_SERVER", "0"),
        new("MSBUILDDISABLENODEREUSE", "1"),
        new("DOTNET_CLI_UI_LANGUAGE", "en"),
    };

    public static ProcessResult Run(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, bool keepCiVariables = false)
        => RunProgram("dotnet", workingDirectory, arguments, environment, timeout, keepCiVariables);

    /// <summary>Runs another program (an installed tool's command) with the same hermetic environment.</summary>
    public static ProcessResult RunProgram(string program, string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, bool keepCiVariables = false)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Configure(start.Environment, environment, keepCiVariables);

        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            Append(output, e.Data);
            Append(standardOutput, e.Data);
        };
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        var commandLine = program + " " + string.Join(" ", arguments);
        if (!process.WaitForExit((int)limit.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(commandLine, -1, $"timed out after {limit}{Environment.NewLine}{Read(output)}");
        }

        process.WaitForExit();
        return new ProcessResult(commandLine, process.ExitCode, Read(output), Read(standardOutput));
    }

    /// <summary>Applies the hermetic environment to a child process's variables.</summary>
    public static void Configure(IDictionary<string, string?> target, IReadOnlyDictionary<string, string>? extra, bool keepCiVariables = false)
    {
        foreach (var name in RemovedVariables)
        {
            if (keepCiVariables && (name == "CI" || name == "ContinuousIntegrationBuild" || name == "TreatWarningsAsErrors"))
            {
                continue;
            }

            target.Remove(name);
        }

        foreach (var (name, value) in FixedVariables)
        {
            target[name] = value;
        }

        if (extra is not null)
        {
            foreach (var (name, value) in extra)
            {
                target[name] = value;
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
