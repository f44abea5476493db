// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Security;

namespace Commons.Testing;

/// <summary>
/// A throw-away repository in a temporary folder: a <c>.git/</c> folder, a folder feed, an isolated global packages
/// folder and a <c>NuGet.Config</c> that uses only the feed and nuget.org. Deleted on dispose.
/// </summary>
public sealed class SampleRepository : IDisposable
{
    public SampleRepository(string? name = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "commons-tests", (name ?? "repo") + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
        Directory.CreateDirectory(FeedFolder);
        WriteNuGetConfig();
    }

    public string Root { get; }

    /// <summary>The local folder feed that fixture packages are written to.</summary>
    public string FeedFolder => Path.Combine(Root, ".feed");

    /// <summary>The isolated global packages folder restore extracts into.</summary>
    public string PackagesFolder => Path.Combine(Root, ".packages");

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes a file (folders created) and returns its full path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string AddPackage(FixturePackage package) => package.WriteTo(FeedFolder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file: the temporary folder is left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private void WriteNuGetConfig()
    {
        WriteFile("NuGet.Config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(PackagesFolder)}" />
              </config>
              <packageSources>
                <clear />
                <add key="fixtures" value="{SecurityElement.Escape(FeedFolder)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
    }
}
