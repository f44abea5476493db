// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Security;
using System.Text;

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>Where a fixture package puts its one (empty, but real) assembly.</summary>
public enum FixtureAssetKind
{
    /// <summary><c>lib/netstandard2.0/</c>: a library the user's code compiles against and ships.</summary>
    Library,

    /// <summary><c>analyzers/dotnet/cs/</c>: a compiler plug-in, nothing that ships.</summary>
    Analyzer,
}

/// <summary>
/// A NuGet package written from scratch for a test: a real <c>.nupkg</c> (zip + nuspec) with the licence metadata and
/// dependencies a scenario needs, and one real empty assembly so restore, compile and copy-local behave as with any package.
/// </summary>
public sealed record FixturePackage(string Id, string Version, string? LicenseExpression)
{
    public IReadOnlyList<(string Id, string Version)> Dependencies { get; init; } = Array.Empty<(string, string)>();

    public FixtureAssetKind Assets { get; init; } = FixtureAssetKind.Library;

    public bool DevelopmentDependency { get; init; }

    /// <summary>Writes <c>{id}.{version}.nupkg</c> into the folder feed and returns its path.</summary>
    public string WriteTo(string feedFolder)
    {
        Directory.CreateDirectory(feedFolder);
        var path = Path.Combine(feedFolder, $"{Id}.{Version}.nupkg".ToLowerInvariant());
        using var stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        WriteEntry(zip, $"{Id}.nuspec", Encoding.UTF8.GetBytes(Nuspec()));
        WriteEntry(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes));
        var assetFolder = Assets == FixtureAssetKind.Library ? "lib/netstandard2.0" : "analyzers/dotnet/cs";
        WriteEntry(zip, $"{assetFolder}/{Id}.dll", EmptyAssembly(Id));
        return path;
    }

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"nuspec\" ContentType=\"application/octet\" /><Default Extension=\"dll\" ContentType=\"application/octet\" />"
        + "</Types>";

    private string Nuspec()
    {
        var license = LicenseExpression is null ? string.Empty : $"    <license type=\"expression\">{SecurityElement.Escape(LicenseExpression)}</license>\n";
        var dependencies = Dependencies.Count == 0
            ? string.Empty
            : "    <dependencies>\n      <group targetFramework=\".NETStandard2.0\">\n"
              + string.Concat(Dependencies.Select(d => $"        <dependency id=\"{d.Id}\" version=\"{d.Version}\" />\n"))
              + "      </group>\n    </dependencies>\n";
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n  <metadata>\n"
            + $"    <id>{Id}</id>\n    <version>{Version}</version>\n    <authors>Commons.Analyzers tests</authors>\n"
            + $"    <description>Fixture package {Id} for the Commons.Analyzers end-to-end tests.</description>\n"
            + (DevelopmentDependency ? "    <developmentDependency>true</developmentDependency>\n" : string.Empty)
            + license + dependencies
            + "  </metadata>\n</package>\n";
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var target = entry.Open();
        target.Write(content, 0, content.Length);
    }

    /// <summary>A valid assembly named after the package, with no types: enough for the compiler and the analyzer loader.</summary>
    private static byte[] EmptyAssembly(string name)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = new Version(1, 0, 0, 0) }, typeof(object).Assembly);
        builder.DefineDynamicModule(name);
        using var output = new MemoryStream();
        builder.Save(output);
        return output.ToArray();
    }
}
