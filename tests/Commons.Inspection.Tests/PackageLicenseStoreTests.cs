// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using System.Linq;
using System.Threading;
using Commons.Inspection.Dependencies;
using Commons.Testing;

namespace Commons.Inspection.Tests;

/// <summary>
/// The store reads each package's licence once; its prefetch reads, ahead of NuGet's parse, the packages an assets file
/// lists in its first package folder, and never fails on an assets file it cannot make sense of.
/// </summary>
public class PackageLicenseStoreTests
{
    [Fact]
    public void The_prefetch_lists_the_packages_of_the_assets_file_in_its_first_package_folder()
    {
        using var temp = new TempFolder();
        var first = Path.Combine(temp.Path, "first") + Path.DirectorySeparatorChar;
        var assets = temp.Write("project.assets.json", Assets(first, Path.Combine(temp.Path, "fallback")));

        var listed = PackageLicenseStore.ListedPackages(assets);

        Assert.Equal(
            new[] { (Path.Combine(first, "fix.mit/1.0.0"), "Fix.Mit"), (Path.Combine(first, "fix.gpl/2.0.0"), "Fix.Gpl") },
            listed.ToArray());
    }

    [Fact]
    public void A_prefetched_licence_is_not_read_again()
    {
        using var temp = new TempFolder();
        var (first, nuspec, assets) = WriteRestoredMitPackage(temp);
        var store = new PackageLicenseStore();

        store.ReadListed(assets, CancellationToken.None);
        File.Delete(nuspec);

        // Asked as the collector asks, with NuGet's separators and a trailing one: the prefetched answer, not a missing nuspec.
        var license = store.Get(Path.Combine(first, "fix.mit", "1.0.0") + Path.DirectorySeparatorChar, "Fix.Mit");
        Assert.Equal("MIT", license.License);
        Assert.Null(license.Problem);
    }

    [Fact]
    public void A_stopped_prefetch_reads_nothing_and_the_store_reads_on_demand()
    {
        using var temp = new TempFolder();
        var (first, nuspec, assets) = WriteRestoredMitPackage(temp);
        var store = new PackageLicenseStore();

        store.ReadListed(assets, new CancellationToken(canceled: true));
        File.Delete(nuspec);

        Assert.Null(store.Get(Path.Combine(first, "fix.mit", "1.0.0"), "Fix.Mit").License);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"libraries\": 5, \"packageFolders\": {\"/p\": {}}}")]
    [InlineData("{\"libraries\": {\"A/1.0.0\": {\"type\": 5, \"path\": [\"a\"]}}, \"packageFolders\": {\"/p\": {}}}")]
    [InlineData("{\"libraries\": {\"A/1.0.0\": 7, \"B/1.0.0\": {\"type\": \"package\"}}, \"packageFolders\": []}")]
    [InlineData("{\"libraries\": {\"A\": {\"type\": \"package\", \"path\": \"a\"}}, \"packageFolders\": {\"\": {}}}")]
    [InlineData("{\"libraries\": {\"A/1.0.0\": {\"type\": \"package\", \"path\": \"a/1.0.0\"}}}")]
    [InlineData("{\"packageFolders\": {\"/p\": {}}, \"libraries\": {\"A/1.0.0\": {\"type\": \"package\", \"path\": \"a/1.0.0\"}, ")]
    public void An_assets_file_it_cannot_use_lists_nothing(string json)
    {
        using var temp = new TempFolder();

        Assert.Empty(PackageLicenseStore.ListedPackages(temp.Write("project.assets.json", json)));
    }

    [Fact]
    public void A_missing_assets_file_lists_nothing()
    {
        using var temp = new TempFolder();

        Assert.Empty(PackageLicenseStore.ListedPackages(Path.Combine(temp.Path, "project.assets.json")));
    }

    /// <summary>An MIT package extracted in a packages folder, and an assets file that lists it there.</summary>
    private static (string PackagesFolder, string Nuspec, string Assets) WriteRestoredMitPackage(TempFolder temp)
    {
        var first = Path.Combine(temp.Path, "packages");
        var nuspec = temp.Write(Path.Combine("packages", "fix.mit", "1.0.0", "fix.mit.nuspec"), new FixturePackage("Fix.Mit").WithExpression("MIT").Nuspec());
        return (first, nuspec, temp.Write("project.assets.json", Assets(first, Path.Combine(temp.Path, "fallback"))));
    }

    /// <summary>Two packages, a project and a package of no known type, in the order NuGet writes the sections.</summary>
    private static string Assets(string firstFolder, string fallbackFolder) => @"{
  ""version"": 3,
  ""targets"": { ""net8.0"": { ""Fix.Mit/1.0.0"": { ""type"": ""package"" } } },
  ""libraries"": {
    ""Fix.Mit/1.0.0"": { ""sha512"": ""x"", ""type"": ""package"", ""path"": ""fix.mit/1.0.0"", ""files"": [ ""fix.mit.nuspec"" ] },
    ""Lib/1.0.0"": { ""type"": ""project"", ""path"": ""../Lib/Lib.csproj"", ""msbuildProject"": ""../Lib/Lib.csproj"" },
    ""Odd/1.0.0"": { ""path"": ""odd/1.0.0"" },
    ""Fix.Gpl/2.0.0"": { ""path"": ""fix.gpl/2.0.0"", ""type"": ""package"" }
  },
  ""packageFolders"": { """ + Escape(firstFolder) + @""": {}, """ + Escape(fallbackFolder) + @""": {} },
  ""project"": { ""version"": ""1.0.0"" }
}";

    private static string Escape(string path) => path.Replace("\\", "\\\\");
}
