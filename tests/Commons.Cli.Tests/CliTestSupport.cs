// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Commons.Testing;

namespace Commons.Cli.Tests;

/// <summary>What one run of the built <c>commons</c> tool gave.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("no JSON on stdout:\n" + this);

    public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + Stdout + "\n--- stderr\n" + Stderr;
}

/// <summary>
/// Runs the built tool as a user does (<c>dotnet commons.dll …</c>), in its own process: the tool loads the SDK's MSBuild
/// and keeps Commons.Inspection in a load context of its own, which a test host cannot reproduce.
/// </summary>
public static class Cli
{
    public static string ToolPath => Path.Combine(RepositoryPaths.Root, "src", "Commons.Cli", "bin", RepositoryPaths.Configuration, "net10.0", "commons.dll");

    public static CliResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("commons " + string.Join(" ", arguments) + " did not finish in 5 minutes");
        }

        return new CliResult(process.ExitCode, stdout, stderr.Result);
    }
}

/// <summary>A copy of a folder in a temporary location, deleted on dispose.</summary>
public sealed class TempCopy : IDisposable
{
    public TempCopy(string? source = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "commons-cli-tests", Guid.NewGuid().ToString("N").Substring(0, 10));
        Directory.CreateDirectory(Root);
        if (source is not null)
        {
            Copy(source, Root);
        }
    }

    public string Root { get; }

    /// <summary>The sample repository shipped for the README, <c>tests/samples/town-hall-api</c>.</summary>
    public static string Sample => Path.Combine(RepositoryPaths.Root, "tests", "samples", "town-hall-api");

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the OS to clean.
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            var target = Path.Combine(to, Path.GetFileName(folder));
            Directory.CreateDirectory(target);
            Copy(folder, target);
        }
    }
}

/// <summary>One restored copy of the sample repository, shared by the tests of a class (restoring is slow).</summary>
public sealed class RestoredSample : IDisposable
{
    public RestoredSample()
    {
        Copy = new TempCopy(TempCopy.Sample);
        var restore = DotnetRunner.Run(Copy.Root, TimeSpan.FromMinutes(5), "restore", "CivicBookings.sln", "-nodeReuse:false");
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("restoring the sample failed: " + restore);
        }
    }

    public TempCopy Copy { get; }

    public string Root => Copy.Root;

    public void Dispose() => Copy.Dispose();
}
