// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Commons.Compliance.Facts;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Inspection;
using Commons.Inspection.Repository;
using Commons.Licensing;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>
/// Repository scanning (<see cref="RepositoryScanner"/>, <see cref="RepositoryRoot"/>) on real folders: links out of the root,
/// link loops, a FIFO named LICENSE (must not hang), a folder named LICENSE, a 1 GB sparse LICENSE (read capped).
/// Beside every generated repository lies an ISC licence: finding ISC means the scan left the repository.
/// </summary>
public sealed class RepositoryHostileTests : IDisposable
{
    private static readonly string[] Names =
    {
        "LICENSE", "LICENSE.md", "license.txt", "COPYING", "LICENSE-MIT", "README.md", "CONTRIBUTING.md", "publiccode.yml", "SECURITY.md",
        ".github/CODE_OF_CONDUCT.md", "docs/GOVERNANCE.md", "LICENSES/MIT.txt", "LICENSES/Apache-2.0.txt", "NOTICE", "UNLICENSE",
    };

    private readonly ITestOutputHelper output;
    private readonly Scratch scratch = new("repository");
    private readonly string outside;

    public RepositoryHostileTests(ITestOutputHelper output)
    {
        this.output = output;
        outside = Path.GetDirectoryName(scratch.WriteOutsideLicense())!;
        Scratch.Write(outside, "publiccode.yml", Encoding.UTF8.GetBytes("publiccodeYmlVersion: \"0.4\"\nlegal:\n  license: ISC\n"));
    }

    public static Gen<(string Name, EntryShape Shape, byte[] Content)[]> RepositoryGen { get; } = Gen.Select(
        Gen.OneOf(Names),
        Gen.Frequency((6, Gen.Const(EntryShape.Text)), (3, Gen.Const(EntryShape.Bytes)), (1, Gen.Enum<EntryShape>())),
        // ISC is the licence outside the repository: the generated files are any other licence.
        Mutations.BytesOf(Seeds.LicenseTextExcept(Scratch.OutsideLicenseId)),
        (name, shape, content) => (name, shape, content)).Array[1, 6];

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Generated_repositories_are_scanned_inside_their_root_with_a_result_or_a_problem_for_every_licence_file()
    {
        Property.Check(output, "repository/generated", RepositoryGen, AssertScannedInsideTheRoot, iter: 150, print: Print);
    }

    /// <summary>Found by repository/generated: opening a FIFO named UNLICENSE blocked the scan for ever (fixed in BoundedFile).</summary>
    [Fact]
    public void Regression_seed_43TCFk7rI5O3_a_fifo_named_UNLICENSE_hung_the_scan()
    {
        Property.Check(output, "repository/regression", RepositoryGen, AssertScannedInsideTheRoot, iter: 1, print: Print, seed: "43TCFk7rI5O3");
    }

    private static string Print((string Name, EntryShape Shape, byte[] Content)[] entries)
        => string.Join(", ", entries.Select(x => x.Name + ":" + x.Shape + ":" + x.Content.Length));

    private void AssertScannedInsideTheRoot((string Name, EntryShape Shape, byte[] Content)[] entries)
    {
        var root = scratch.NewFolder();
        foreach (var (name, shape, content) in entries)
        {
            Create(Path.Combine(root, name), shape, content);
        }

        var facts = Scan(root);
        Assert.All(facts.Files, f =>
        {
            Assert.True(PathSafety.IsInside(root, f.FullPath), f.FullPath);
            Assert.NotEqual(Scratch.OutsideLicenseId, f.IdentifiedLicense);
            Assert.True(f.IdentifiedLicense is null || SpdxExpression.Parse(f.IdentifiedLicense).IsValid, f.IdentifiedLicense);
        });
        Assert.True(facts.PublicCode is null || !facts.PublicCode.Nodes.Any(n => n.Value == Scratch.OutsideLicenseId), "publiccode.yml read through a link out of the root");
    }

    [Fact]
    public void A_fifo_named_LICENSE_does_not_hang_the_scan_and_is_an_unidentified_licence()
    {
        var root = scratch.NewFolder();
        Scratch.MakeFifo(Path.Combine(root, "LICENSE"));

        var facts = Scan(root);

        // A pipe has no content to read: the licence file is there but unidentified, which the licence rules report.
        var license = Assert.Single(facts.Files, f => f.Kind == RepositoryFileKind.License);
        Assert.Null(license.IdentifiedLicense);
    }

    [Fact]
    public void A_one_gigabyte_sparse_LICENSE_is_refused_by_size_quickly()
    {
        var root = scratch.NewFolder();
        Scratch.MakeSparse(Path.Combine(root, "LICENSE"), 1L << 30);
        var clock = Stopwatch.StartNew();

        var facts = Scan(root);

        Assert.Contains(facts.Problems, p => p.Kind == CollectionProblemKind.RepositoryFileUnreadable && p.Message.Contains("read limit", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "took " + clock.Elapsed);
    }

    [Theory]
    [InlineData(EntryShape.LinkToOutsideFile)]
    [InlineData(EntryShape.LinkToOutsideFolder)]
    [InlineData(EntryShape.LinkLoop)]
    [InlineData(EntryShape.DanglingLink)]
    [InlineData(EntryShape.Directory)]
    public void A_LICENSE_that_is_a_link_or_a_folder_is_not_read_as_the_licence(EntryShape shape)
    {
        var root = scratch.NewFolder();
        Create(Path.Combine(root, "LICENSE"), shape, Array.Empty<byte>());
        Create(Path.Combine(root, "docs"), EntryShape.LinkToOutsideFolder, Array.Empty<byte>());
        Create(Path.Combine(root, "LICENSES"), EntryShape.LinkLoop, Array.Empty<byte>());

        var facts = Scan(root);

        Assert.DoesNotContain(facts.Files, f => f.Kind == RepositoryFileKind.License);
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("../../../../../../../../")]
    [InlineData("   ")]
    [InlineData("/")]
    public void A_hostile_configured_root_gives_a_root_or_none_without_exception(string configured)
    {
        var start = scratch.NewFolder();

        var root = RepositoryRoot.Find(start, configured);

        Assert.True(root is null || Path.IsPathRooted(root), root);
    }

    private ProjectFacts Scan(string root)
    {
        var scanning = Task.Run(() => FactsCollector.Collect(new CollectionRequest(Path.Combine(root, "App.csproj")) { ConfiguredRepositoryRoot = root }));
        if (!scanning.Wait(TimeSpan.FromSeconds(20)))
        {
            // A thread stuck on a FIFO is a background thread: it does not keep the test host alive.
            Assert.Fail("the repository scan hung");
        }

        var facts = scanning.Result;
        Assert.All(facts.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        return facts;
    }

    private void Create(string path, EntryShape shape, byte[] content)
        => Scratch.Create(path, shape, content, Path.Combine(outside, Path.GetFileName(path).StartsWith("publiccode", StringComparison.Ordinal) ? "publiccode.yml" : "LICENSE"), outside);
}
