// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Commons.EndToEnd.Tests.Infrastructure;

namespace Commons.EndToEnd.Tests;

/// <summary>Opens the freshly packed <c>.nupkg</c> and checks what a user installs: every entry, and the nuspec.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageLayoutTests
{
    private static readonly string[] AnalyzerAssemblies =
    {
        "Commons.Analyzers.CodeFixes.dll", "Commons.Analyzers.dll", "Commons.Compliance.dll", "Commons.Licensing.dll",
    };

    private static readonly string[] TaskFrameworks = { "net472", "net8.0" };

    private readonly PackedPackage package;

    public PackageLayoutTests(PackedPackage package) => this.package = package;

    [Fact]
    public void Package_HoldsExactlyTheExpectedEntries()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var entries = zip.Entries.Select(e => e.FullName).Where(n => !n.EndsWith('/')).ToList();

        var expected = new List<string>
        {
            "[Content_Types].xml", "_rels/.rels", "Commons.Analyzers.nuspec",
            "LICENSE", "README.md", "THIRD-PARTY-NOTICES.md",
            "build/Commons.Analyzers.props", "build/Commons.Analyzers.targets",
            "buildTransitive/Commons.Analyzers.props", "buildTransitive/Commons.Analyzers.targets",
        };
        expected.AddRange(AnalyzerAssemblies.Select(a => "analyzers/dotnet/cs/" + a));
        foreach (var framework in TaskFrameworks)
        {
            expected.AddRange(ExpectedTaskFiles(zip, framework).Select(f => $"tasks/{framework}/{f}"));
            expected.Add($"tasks/{framework}/identifier-index.bin");
        }

        // The package's own metadata part has a generated name.
        var metadataPart = Assert.Single(entries, e => e.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && e.EndsWith(".psmdcp", StringComparison.Ordinal));
        entries.Remove(metadataPart);

        Assert.Equal(expected.OrderBy(e => e, StringComparer.Ordinal), entries.OrderBy(e => e, StringComparer.Ordinal));
    }

    [Fact]
    public void TaskFolders_ShipTheirDependencies_ButNotMSBuildItself()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        foreach (var framework in TaskFrameworks)
        {
            var files = zip.Entries.Where(e => e.FullName.StartsWith($"tasks/{framework}/", StringComparison.Ordinal)).Select(e => e.Name).ToArray();
            Assert.Contains("Commons.Build.Tasks.dll", files);
            Assert.Contains("Commons.Build.Tasks.deps.json", files);
            Assert.Contains("Commons.Inspection.dll", files);
            Assert.Contains("NuGet.ProjectModel.dll", files);
            Assert.DoesNotContain(files, f => f.StartsWith("Microsoft.Build", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TaskFolders_ShipTheCatalogueIndex_OfTheirOwnLicensingAssembly()
    {
        // The index is read only when the key it carries names the Commons.Licensing.dll beside it (its module version
        // id): an index of another build would be shipped for nothing, every first build computing it again.
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        foreach (var framework in TaskFrameworks)
        {
            var key = IndexKeyOf(Read(zip, $"tasks/{framework}/identifier-index.bin"));
            using var pe = new PEReader(new MemoryStream(Read(zip, $"tasks/{framework}/Commons.Licensing.dll")));
            var metadata = pe.GetMetadataReader();
            var moduleVersionId = metadata.GetGuid(metadata.GetModuleDefinition().Mvid).ToString("N");
            Assert.StartsWith(moduleVersionId + "/", key, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Nuspec_IsADevelopmentDependency_WithALicenceExpression_AndNoDependencies()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        using var stream = zip.GetEntry("Commons.Analyzers.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal(PackedPackage.PackageId, Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("Apache-2.0", license.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName is "dependencies" or "frameworkAssemblies" or "frameworkReferences");
    }

    [Fact]
    public void BuildTransitive_ImportsTheBuildFolder()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        foreach (var extension in new[] { "props", "targets" })
        {
            using var reader = new StreamReader(zip.GetEntry($"buildTransitive/Commons.Analyzers.{extension}")!.Open());
            var imports = XDocument.Parse(reader.ReadToEnd()).Root!.Elements().Where(e => e.Name.LocalName == "Import")
                .Select(e => e.Attribute("Project")!.Value.Replace('\\', '/')).ToArray();
            Assert.Equal(new[] { $"$(MSBuildThisFileDirectory)../build/Commons.Analyzers.{extension}" }, imports);
        }
    }

    [Fact]
    public void AnalyzerAssemblies_ReferenceOnlyTheFrameworkRoslynAndEachOther()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        foreach (var name in AnalyzerAssemblies)
        {
            using var buffer = new MemoryStream();
            using (var entry = zip.GetEntry("analyzers/dotnet/cs/" + name)!.Open())
            {
                entry.CopyTo(buffer);
            }

            buffer.Position = 0;
            using var pe = new PEReader(buffer);
            var reader = pe.GetMetadataReader();
            var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToArray();
            Assert.All(references, r => Assert.True(
                r is "netstandard" or "mscorlib" || r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || r.StartsWith("Commons.", StringComparison.Ordinal)
                    || r.StartsWith("System.", StringComparison.Ordinal) && r != "System.Text.Json" && r != "System.Memory",
                $"{name} references {r}: a compiler host may load another version of it."));
        }
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, name + " is missing.");
        using var stream = entry!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The key a saved catalogue index starts with, after its magic line (two strings as BinaryWriter writes them).</summary>
    internal static string IndexKeyOf(byte[] index)
    {
        using var reader = new BinaryReader(new MemoryStream(index), System.Text.Encoding.UTF8);
        Assert.StartsWith("Commons.Analyzers catalogue index", reader.ReadString(), StringComparison.Ordinal);
        return reader.ReadString();
    }

    /// <summary>
    /// The task folder must hold the task, its .deps.json and exactly the runtime assemblies that .deps.json lists (runtime and runtimeTargets)
    /// (what MSBuild's load context resolves), no more and no fewer.
    /// </summary>
    private static IEnumerable<string> ExpectedTaskFiles(ZipArchive zip, string framework)
    {
        var depsEntry = zip.GetEntry($"tasks/{framework}/Commons.Build.Tasks.deps.json");
        Assert.True(depsEntry is not null, $"tasks/{framework}/Commons.Build.Tasks.deps.json is missing.");
        using var stream = depsEntry!.Open();
        using var deps = JsonDocument.Parse(stream);
        var files = new SortedSet<string>(StringComparer.Ordinal) { "Commons.Build.Tasks.deps.json" };
        foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                if (library.Value.TryGetProperty("runtime", out var runtime))
                {
                    foreach (var asset in runtime.EnumerateObject())
                    {
                        files.Add(Path.GetFileName(asset.Name));
                    }
                }

                if (library.Value.TryGetProperty("runtimeTargets", out var runtimeTargets))
                {
                    foreach (var asset in runtimeTargets.EnumerateObject().Where(a => a.Value.GetProperty("assetType").GetString() == "runtime"))
                    {
                        files.Add(asset.Name);
                    }
                }
            }
        }

        return files;
    }
}
