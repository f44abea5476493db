// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using Commons.Testing;

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Once per test class: packs the <c>commons</c> tool as a release does (RID-specific, ReadyToRun, for this machine's
/// platform, plus the portable <c>any</c> package and the pointer package; src/Commons.Cli/ToolPackages.props) into a
/// folder feed, and installs it with <c>dotnet tool install --tool-path</c> from that feed alone, as a user would.
/// </summary>
/// <remarks>
/// The release properties change what the CLI project restores (its runtime identifiers), so the sources are packed
/// from a copy: the checkout's own <c>obj/</c> folders, which other test assemblies build and run from, stay untouched.
/// </remarks>
public sealed class InstalledTool : IDisposable
{
    public InstalledTool()
    {
        Root = Path.Combine(Path.GetTempPath(), "commons-tool-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Root);
        RuntimeIdentifier = HostRuntimeIdentifier();
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        var sources = Path.Combine(Root, "sources");
        CopySources(RepositoryPaths.Root, sources);
        var pack = DotnetProcess.Run(
            sources,
            new[]
            {
                "pack", Path.Combine(sources, "src", "Commons.Cli", "Commons.Cli.csproj"), "-c", "Release", "-o", Feed,
                "-p:PackageVersion=" + Version, "-p:CommonsToolRuntimeIdentifiers=" + RuntimeIdentifier, "-nodeReuse:false",
            },
            timeout: TimeSpan.FromMinutes(10),
            keepCiVariables: true);
        if (!pack.Succeeded)
        {
            throw new InvalidOperationException("Packing the commons tool failed. " + pack.Describe());
        }

        // Only the local feed: installing must not need any other source.
        var config = Path.Combine(Root, "NuGet.Config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{SecurityElement.Escape(Path.Combine(Root, "packages"))}" /></config>
              <packageSources><clear /><add key="local" value="{SecurityElement.Escape(Feed)}" /></packageSources>
            </configuration>
            """);
        Install = DotnetProcess.Run(
            Root,
            new[] { "tool", "install", "Commons.Cli", "--version", Version, "--tool-path", ToolPath, "--configfile", config },
            timeout: TimeSpan.FromMinutes(5));
    }

    public string Root { get; }

    /// <summary>The platform the ReadyToRun package was made for (this machine's).</summary>
    public string RuntimeIdentifier { get; }

    public string Version { get; }

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The <c>--tool-path</c> folder: the <c>commons</c> command is in it.</summary>
    public string ToolPath => Path.Combine(Root, "tool");

    public ProcessResult Install { get; }

    public string Command => Path.Combine(ToolPath, RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "commons.exe" : "commons");

    /// <summary>The folder the installed package's files were extracted to (the one holding <c>commons.dll</c>).</summary>
    public string InstalledFiles => Path.GetDirectoryName(Directory.GetFiles(Path.Combine(ToolPath, ".store"), "commons.dll", SearchOption.AllDirectories).Single())!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>linux-x64, osx-arm64, win-x64 …: the portable RID of this process's platform.</summary>
    private static string HostRuntimeIdentifier()
    {
        var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx" : "linux";
        return os + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
    }

    /// <summary>What packing the tool reads: the top-level files and the <c>src/</c> and <c>build/</c> trees, without build outputs.</summary>
    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            Directory.CreateDirectory(to);
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var tree in new[] { "src", "build" })
        {
            CopyTree(Path.Combine(from, tree), Path.Combine(to, tree));
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyTree(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
