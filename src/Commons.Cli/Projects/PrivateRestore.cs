// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
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

    /// <summary>Runs <c>dotnet restore</c>; returns null on success, else what went wrong (the tail of its output).</summary>
    public string? Restore(string projectPath, IDictionary<string, string> extraProperties)
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
        start.ArgumentList.Add("restore");
        start.ArgumentList.Add(projectPath);
        start.ArgumentList.Add("-nodeReuse:false");
        start.ArgumentList.Add("-p:CustomAfterDirectoryBuildProps=" + PropsFile);
        foreach (var pair in extraProperties)
        {
            start.ArgumentList.Add("-p:" + pair.Key + "=" + pair.Value);
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
            return process.ExitCode == 0 ? null : "dotnet restore failed (exit " + process.ExitCode + "):\n" + Tail(output.ToString());
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "cannot run dotnet restore: " + ex.Message;
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

    private static string Tail(string text)
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
