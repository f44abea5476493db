// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Compliance.Facts;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Inspection;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>
/// <c>project.assets.json</c> through the whole collection the build task runs (<see cref="FactsCollector.Collect"/>):
/// assets file reader, freshness check, dependency graph, package folders. Seeds are real assets files written by the
/// restore of this repository's own projects.
/// </summary>
public sealed class AssetsFileHostileTests : IDisposable
{
    private static readonly string[] SeedFiles = { "src/Commons.Compliance/obj/project.assets.json", "src/Commons.Licensing/obj/project.assets.json" };

    private readonly ITestOutputHelper output;
    private readonly Scratch scratch = new("assets");

    public AssetsFileHostileTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static Gen<string> AssetsSeed { get; } = Gen.OneOf(SeedFiles.Select(Seeds.RepositoryFile).ToArray());

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Mutated_assets_files_give_facts_or_a_clear_problem()
    {
        Property.Check(output, "assets/mutated", Mutations.BytesOf(AssetsSeed), bytes => Collect(bytes), iter: 250, print: Mutations.Describe);
    }

    /// <summary>The collector's prefetch scans the assets file on its own: on a background thread, where a crash would go unseen.</summary>
    [Fact]
    public void Mutated_assets_files_never_break_the_prefetch_listing()
    {
        Property.Check(output, "assets/prefetch", Gen.OneOf(Mutations.BytesOf(AssetsSeed), Mutations.Noise), bytes =>
        {
            var assets = Scratch.Write(scratch.NewFolder(), "obj/project.assets.json", bytes);
            var listed = Commons.Inspection.Dependencies.PackageLicenseStore.ListedPackages(assets);
            Assert.All(listed, p => Assert.False(string.IsNullOrEmpty(p.Id) || string.IsNullOrEmpty(p.Folder)));
        }, iter: 400, print: Mutations.Describe);
    }

    [Fact]
    public void Random_bytes_as_assets_file_are_an_unreadable_assets_file()
    {
        Property.Check(output, "assets/noise", Mutations.Noise, bytes =>
        {
            var facts = Collect(bytes);
            Assert.Contains(facts.Problems, p => p.Kind is CollectionProblemKind.AssetsFileUnreadable);
        }, iter: 300, print: Mutations.Describe);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\":", "}")]
    [InlineData("{\"targets\":", "}")]
    public void Ten_thousand_deep_json_is_an_unreadable_assets_file(string open, string close)
    {
        foreach (var text in new[] { Mutations.Repeat(open, 10_000) + "1" + Mutations.Repeat(close, 10_000), "{\"version\": 3, \"targets\": " + Mutations.Repeat(open, 10_000) })
        {
            var facts = Collect(Encoding.UTF8.GetBytes(text));
            Assert.Contains(facts.Problems, p => p.Kind == CollectionProblemKind.AssetsFileUnreadable && p.Message.Length > 0);
            Assert.Empty(facts.Packages);
        }
    }

    [Fact]
    public void A_one_gigabyte_sparse_assets_file_is_refused_by_size_quickly()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var folder = scratch.NewFolder();
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(assets)!);
        Scratch.MakeSparse(assets, 1L << 30);

        var facts = FactsCollector.Collect(new CollectionRequest(Path.Combine(folder, "App.csproj")) { ConfiguredRepositoryRoot = folder });

        Assert.Contains(facts.Problems, p => p.Kind == CollectionProblemKind.AssetsFileUnreadable && p.Message.Contains("read limit", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "took " + clock.Elapsed);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_fifo_as_assets_file_does_not_hang_the_collection()
    {
        var folder = scratch.NewFolder();
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(assets)!);
        Scratch.MakeFifo(assets);

        var collecting = System.Threading.Tasks.Task.Run(() => FactsCollector.Collect(new CollectionRequest(Path.Combine(folder, "App.csproj")) { ConfiguredRepositoryRoot = folder }));

        var first = await System.Threading.Tasks.Task.WhenAny(collecting, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(first == collecting, "the collection hung on a FIFO named project.assets.json");
        Assert.Contains((await collecting).Problems, p => p.Kind == CollectionProblemKind.AssetsFileUnreadable);
    }

    private ProjectFacts Collect(byte[] assetsContent)
    {
        var folder = scratch.NewFolder();
        var assets = Scratch.Write(folder, "obj/project.assets.json", assetsContent);
        var request = new CollectionRequest(Path.Combine(folder, "App.csproj")) { AssetsFilePath = assets, ConfiguredRepositoryRoot = folder, TargetFramework = "netstandard2.0" };
        request.PackageReferences.Add(new Commons.Inspection.Dependencies.DeclaredReference("NETStandard.Library", Path.Combine(folder, "App.csproj")));

        var facts = FactsCollector.Collect(request);

        var unreadable = facts.Problems.Any(p => p.Kind is CollectionProblemKind.AssetsFileUnreadable or CollectionProblemKind.AssetsFileMissing);
        Assert.All(facts.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        if (unreadable)
        {
            Assert.Empty(facts.Packages);
        }

        Assert.All(facts.Packages, p => Assert.True(p.License is null || Commons.Licensing.SpdxExpression.Parse(p.License).IsValid, p.License));

        // Whatever the collection took from a hostile file must survive the facts file the analyzer reads.
        var read = FactsFormat.Read(FactsFormat.Write(facts));
        Assert.Null(read.Error);
        Assert.Equal(FactsFormat.Write(facts), FactsFormat.Write(read.Facts!));
        return facts;
    }
}
