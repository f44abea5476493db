// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Commons.Cli.Projects;

/// <summary>
/// <c>--restore</c>: restores a project whose assets file is missing into a folder of the tool's own, so the checked
/// repository is not modified. MSBuild is pointed there by a props file imported through
/// <c>CustomAfterDirectoryBuildProps</c>, which sets <c>MSBuildProjectExtensionsPath</c> per project before the SDK uses it.
/// </summary>
internal sealed class PrivateRestore
{
    private const string PropsTemplate =
        "<Project>\n  <PropertyGroup>\n" +
        "    <MSBuildProjectExtensionsPath>{0}$(MSBuildProjectName).$([MSBuild]::StableStringHash('$(MSBuildProjectFullPath)'))/</MSBuildProjectExtensionsPath>\n" +
        "  </PropertyGroup>\n</Project>\n";

    /// <summary>Global properties that keep the private restore from failing on the repository's warnings.</summary>
    private static readonly string[] QuietRestore = { "TreatWarningsAsErrors=false", "WarningsAsErrors=", "MSBuildTreatWarningsAsErrors=false", "NuGetAudit=false" };

    public PrivateRestore(string inputPath)
    {
        Folder = Path.Combine(Path.GetTempPath(), "commons-cli", "restore", Hash(Path.GetFullPath(inputPath)));
        PropsFile = Path.Combine(Folder, "commons-private-restore.props");
    }

    /// <summary>The private folder: outside the repository, stable for the same input so that a second run reuses it.</summary>
    public string Folder { get; }

    public string PropsFile { get; }

    /// <summary>The global properties that make MSBuild read and write assets in <see cref="Folder"/>.</summary>
    public IDictionary<string, string> GlobalProperties => new Dictionary<string, string> { ["CustomAfterDirectoryBuildProps"] = PropsFile };

    /// <summary>
    /// Restores <paramref name="projects"/> together, in one <c>dotnet restore</c> of a solution written into the private
    /// folder (restore then works through them in parallel, each project once). Returns what restore printed; a project
    /// it could not restore is found by its missing assets file and explained by <see cref="ErrorsOf"/> or
    /// <see cref="Restore"/>.
    /// </summary>
    public RestoreOutcome RestoreAll(IReadOnlyList<string> projects, IDictionary<string, string> extraProperties)
    {
        Directory.CreateDirectory(Folder);
        var solution = Path.Combine(Folder, "commons-private-restore.slnx");
        var entries = string.Concat(projects.Select(p => "  <Project Path=\"" + System.Security.SecurityElement.Escape(p) + "\" />\n"));
        File.WriteAllText(solution, "<Solution>\n" + entries + "</Solution>\n");
        return Run(solution, extraProperties);
    }

    /// <summary>Runs <c>dotnet restore</c> for one project; returns null on success, else what went wrong (the tail of its output).</summary>
    public string? Restore(string projectPath, IDictionary<string, string> extraProperties)
    {
        var outcome = Run(projectPath, extraProperties);
        return outcome.ExitCode == 0 ? null : "dotnet restore failed (exit " + outcome.ExitCode + "):\n" + (ErrorsOf(outcome.Output, projectPath) ?? Tail(outcome.Output));
    }

    /// <summary>The error lines restore printed about <paramref name="projectPath"/>, or null when it printed none.</summary>
    public static string? ErrorsOf(string output, string projectPath)
    {
        var lines = output.Split('\n').Select(l => l.Trim())
            .Where(l => l.IndexOf(projectPath, StringComparison.Ordinal) >= 0 && l.IndexOf(" error ", StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(l => l.Replace(projectPath + " : ", "").Trim())
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>
    /// An MSBuild <c>-p:</c> value as the command line must carry it: <c>;</c> and <c>,</c> would split it into several
    /// properties (MSB1006), so they and <c>%</c> are written as MSBuild escapes, which MSBuild turns back into the characters.
    /// </summary>
    public static string EscapeProperty(string value)
        => value.Replace("%", "%25").Replace(";", "%3B").Replace(",", "%2C");

    private RestoreOutcome Run(string target, IDictionary<string, string> extraProperties)
    {
        Directory.CreateDirectory(Folder);
        var folder = Folder.Replace('\\', '/').TrimEnd('/') + "/";
        File.WriteAllText(PropsFile, string.Format(System.Globalization.CultureInfo.InvariantCulture, PropsTemplate, System.Security.SecurityElement.Escape(folder)));

        var start = new ProcessStartInfo(DotnetPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (MSBuildHost.SdkWorkingDirectory is { } sdkFolder)
        {
            // The SDK the evaluation fell back to: the repository's global.json asks for one this machine does not have.
            start.WorkingDirectory = sdkFolder;
        }

        start.ArgumentList.Add("restore");
        start.ArgumentList.Add(target);
        start.ArgumentList.Add("-nodeReuse:false");
        start.ArgumentList.Add("-p:CustomAfterDirectoryBuildProps=" + EscapeProperty(PropsFile));
        foreach (var pair in extraProperties)
        {
            start.ArgumentList.Add("-p:" + pair.Key + "=" + EscapeProperty(pair.Value));
        }

        // Our restore, not the user's build: a warning the repository turns into an error (NU1603 under
        // TreatWarningsAsErrors) must not stop the check, and the vulnerability audit is not what the check is about.
        foreach (var property in QuietRestore)
        {
            start.ArgumentList.Add("-p:" + property);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            return new RestoreOutcome(process.ExitCode, output.ToString());
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new RestoreOutcome(-1, "cannot run dotnet restore: " + ex.Message);
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

    internal static string Tail(string text)
    {
        var lines = text.TrimEnd().Split('\n');
        return string.Join("\n", lines, Math.Max(0, lines.Length - 15), Math.Min(lines.Length, 15));
    }

    /// <summary>The dotnet host running this tool (DOTNET_HOST_PATH when an SDK started it), else the one on PATH.</summary>
    private static string DotnetPath()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Hash(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(bytes, 0, 8).ToLowerInvariant();
    }
}

/// <summary>What one <c>dotnet restore</c> run gave: its exit code and everything it printed.</summary>
internal sealed class RestoreOutcome
{
    public RestoreOutcome(int exitCode, string output)
    {
        ExitCode = exitCode;
        Output = output;
    }

    public int ExitCode { get; }

    public string Output { get; }
}
