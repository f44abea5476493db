// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Commons.Testing;

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Once per test run: packs Commons.Analyzers from this checkout into a temporary folder feed, writes the fixture
/// packages into a second feed, and owns the packages folder every sample repository shares (a package is
/// extracted once per run; each run uses a fresh prerelease version, so no stale copy can be picked up).
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public const string PackageId = "Commons.Analyzers";

    public PackedPackage()
    {
        Root = Path.Combine(Path.GetTempPath(), "commons-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Root);
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var pack = DotnetProcess.Run(
            RepositoryPaths.Root,
            new[]
            {
                "pack", Path.Combine(RepositoryPaths.Root, "src", "Commons.Analyzers.Package", "Commons.Analyzers.Package.csproj"),
                "-c", "Release", "-o", Feed, "-p:PackageVersion=" + Version, "-nodeReuse:false",
            },
            timeout: TimeSpan.FromMinutes(10),
            keepCiVariables: true);
        PackResult = pack;
        if (!pack.Succeeded)
        {
            throw new InvalidOperationException("Packing Commons.Analyzers failed. " + pack.Describe());
        }

        foreach (var fixture in FixturePackages.All)
        {
            fixture.WriteTo(FixtureFeed);
        }
    }

    public string Root { get; }

    public string Version { get; }

    public ProcessResult PackResult { get; }

    /// <summary>The folder feed holding the freshly packed Commons.Analyzers.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The folder feed holding the fixture packages with licence metadata.</summary>
    public string FixtureFeed => Path.Combine(Root, "fixtures");

    /// <summary>The <c>globalPackagesFolder</c> of every sample repository.</summary>
    public string PackagesFolder => Path.Combine(Root, "packages");

    public string NupkgPath => Directory.GetFiles(Feed, PackageId + ".*.nupkg").Single();

    /// <summary>A new, empty folder for one sample repository.</summary>
    public string NewSampleFolder(string name)
    {
        var folder = Path.Combine(Root, "samples", name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("COMMONS_E2E_KEEP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failed test run must still report its real failures.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>One xunit collection for every test that builds: the package is packed once and builds never run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "EndToEnd";
}
