// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using System.Text;

namespace Commons.Testing;

/// <summary>What a fixture package ships besides its nuspec.</summary>
public enum FixtureAssets
{
    /// <summary>
    /// A library that reaches the product: a native runtime asset (<c>runtimes/any/native/</c>), copied into the output
    /// like any runtime file but never loaded by the compiler, and NuGet's <c>_._</c> placeholder in <c>lib/netstandard2.0/</c>.
    /// </summary>
    Library,

    /// <summary>Only NuGet's <c>_._</c> placeholder in <c>lib/netstandard2.0/</c>: nothing of the package reaches the product.</summary>
    PlaceholderOnly,

    /// <summary>Only <c>analyzers/dotnet/cs/</c> content: a development-only analyzer package.</summary>
    AnalyzersOnly,

    /// <summary>Only <c>build/&lt;id&gt;.props</c>: an MSBuild-only package.</summary>
    BuildOnly,
}

/// <summary>
/// Builds a real <c>.nupkg</c> (a zip with a <c>.nuspec</c>) carrying any licence metadata, for restores from a folder feed.
/// </summary>
public sealed class FixturePackage
{
    private readonly List<KeyValuePair<string, string>> dependencies = new();
    private readonly List<KeyValuePair<string, byte[]>> extraFiles = new();

    public FixturePackage(string id, string version = "1.0.0")
    {
        Id = id;
        Version = version;
    }

    public string Id { get; }

    public string Version { get; }

    public string? LicenseExpression { get; private set; }

    public string? LicenseFilePath { get; private set; }

    public string? LicenseUrl { get; private set; }

    public bool DevelopmentDependency { get; private set; }

    public FixtureAssets Assets { get; private set; } = FixtureAssets.Library;

    public FixturePackage WithExpression(string expression)
    {
        LicenseExpression = expression;
        return this;
    }

    /// <summary><c>&lt;license type="file"&gt;</c> naming <paramref name="path"/>; the file is added unless <paramref name="content"/> is null.</summary>
    public FixturePackage WithLicenseFile(string path, byte[]? content)
    {
        LicenseFilePath = path;
        if (content is not null)
        {
            extraFiles.Add(new(path, content));
        }

        return this;
    }

    public FixturePackage WithLicenseFile(string path, string text) => WithLicenseFile(path, Encoding.UTF8.GetBytes(text));

    public FixturePackage WithLicenseUrl(string url)
    {
        LicenseUrl = url;
        return this;
    }

    public FixturePackage AsDevelopmentDependency()
    {
        DevelopmentDependency = true;
        return this;
    }

    public FixturePackage WithAssets(FixtureAssets assets)
    {
        Assets = assets;
        return this;
    }

    public FixturePackage DependingOn(string id, string version = "1.0.0")
    {
        dependencies.Add(new(id, version));
        return this;
    }

    public FixturePackage WithFile(string path, byte[] content)
    {
        extraFiles.Add(new(path, content));
        return this;
    }

    public string Nuspec()
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.Append("<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n  <metadata>\n");
        sb.Append("    <id>").Append(Escape(Id)).Append("</id>\n");
        sb.Append("    <version>").Append(Escape(Version)).Append("</version>\n");
        sb.Append("    <authors>Fixture</authors>\n    <description>A fixture package for Commons.Analyzers tests.</description>\n");
        if (LicenseExpression is not null)
        {
            sb.Append("    <license type=\"expression\">").Append(Escape(LicenseExpression)).Append("</license>\n");
        }

        if (LicenseFilePath is not null)
        {
            sb.Append("    <license type=\"file\">").Append(Escape(LicenseFilePath)).Append("</license>\n");
        }

        if (LicenseUrl is not null)
        {
            sb.Append("    <licenseUrl>").Append(Escape(LicenseUrl)).Append("</licenseUrl>\n");
        }

        if (DevelopmentDependency)
        {
            sb.Append("    <developmentDependency>true</developmentDependency>\n");
        }

        if (dependencies.Count > 0)
        {
            sb.Append("    <dependencies>\n      <group targetFramework=\".NETStandard2.0\">\n");
            foreach (var dependency in dependencies)
            {
                sb.Append("        <dependency id=\"").Append(Escape(dependency.Key)).Append("\" version=\"").Append(Escape(dependency.Value)).Append("\" />\n");
            }

            sb.Append("      </group>\n    </dependencies>\n");
        }

        sb.Append("  </metadata>\n</package>\n");
        return sb.ToString();
    }

    /// <summary>Writes <c>&lt;id&gt;.&lt;version&gt;.nupkg</c> into <paramref name="feedFolder"/> and returns its path.</summary>
    public string WriteTo(string feedFolder)
    {
        Directory.CreateDirectory(feedFolder);
        var path = Path.Combine(feedFolder, Id + "." + Version + ".nupkg");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, Id + ".nuspec", Encoding.UTF8.GetBytes(Nuspec()));
        switch (Assets)
        {
            case FixtureAssets.Library:
                Add(zip, "lib/netstandard2.0/_._", Array.Empty<byte>());
                Add(zip, "runtimes/any/native/" + Id.ToLowerInvariant() + ".txt", Encoding.UTF8.GetBytes("a fixture's runtime file"));
                break;
            case FixtureAssets.PlaceholderOnly:
                Add(zip, "lib/netstandard2.0/_._", Array.Empty<byte>());
                break;
            case FixtureAssets.AnalyzersOnly:
                Add(zip, "analyzers/dotnet/cs/" + Id + ".txt", Encoding.UTF8.GetBytes("not an assembly: keeps the compiler out"));
                break;
            case FixtureAssets.BuildOnly:
                Add(zip, "build/" + Id + ".props", Encoding.UTF8.GetBytes("<Project />"));
                break;
        }

        foreach (var file in extraFiles.Where(f => !f.Key.Contains("..")))
        {
            Add(zip, file.Key, file.Value);
        }

        return path;
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        stream.Write(content, 0, content.Length);
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
