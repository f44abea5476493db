// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Commons.Compliance.Facts;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Inspection.Dependencies;
using Commons.Licensing;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>What a licence file in the package folder is on disk.</summary>
public enum LicenseFileShape
{
    Mit,
    Missing,
    Binary,
    Directory,
    LinkToOutside,
    LinkedFolderToOutside,
    HugeSparse,
    Fifo,
}

/// <summary>
/// A package's licence from its <c>.nuspec</c> (<see cref="PackageLicenseReader.Read"/>), on real package folders on disk:
/// hostile nuspecs (paths out of the package, DTDs, entity expansion) and hostile licence files (links, FIFOs, huge, binary).
/// Outside every package folder lies an ISC licence: finding ISC means a read escaped the package.
/// </summary>
public sealed class NuspecHostileTests : IDisposable
{
    private const string PackageId = "Hostile.Package";

    private static readonly string[] HostilePaths =
    {
        "LICENSE.txt", "./LICENSE.txt", "sub/../LICENSE.txt", "../outside/LICENSE", "../../outside/LICENSE", "../../../../../../etc/passwd",
        "/etc/passwd", "{OUTSIDE}", "C:\\Windows\\win.ini", "\\\\server\\share\\LICENSE", "..\\outside\\LICENSE", "LICENSE.txt/", ".", "..", "",
        " ", "%2e%2e/outside/LICENSE", "~/.ssh/id_rsa", "linked/LICENSE", "LICENSE.txt\u0000.png", "file:///etc/passwd",
    };

    private readonly ITestOutputHelper output;
    private readonly Scratch scratch = new("nuspec");
    private readonly string outsideLicense;

    public NuspecHostileTests(ITestOutputHelper output)
    {
        this.output = output;
        outsideLicense = scratch.WriteOutsideLicense();
    }

    /// <summary>The licence element of a nuspec: an expression, a file (often a hostile path), a URL, or nothing.</summary>
    public static Gen<string> LicenseElement { get; } = Gen.OneOf(
        Seeds.Expression.Select(e => "<license type=\"expression\">" + Escape(e) + "</license>"),
        Gen.OneOf(HostilePaths).Select(p => "<license type=\"file\">" + Escape(p) + "</license>"),
        Gen.OneOf("<licenseUrl>https://licenses.nuget.org/MIT</licenseUrl>", "<licenseUrl>https://github.com/x/y/blob/main/LICENSE</licenseUrl>", "<licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>"),
        Gen.Const("<license type=\"expression\" version=\"9.9.9\">MIT</license>"),
        Gen.Const(""));

    public static Gen<string> NuspecSeed { get; } = Gen.Select(LicenseElement, Gen.Bool, Nuspec);

    private static Gen<(string, LicenseFileShape)> ValidWithShape { get; } = Gen.Select(NuspecSeed, Gen.Enum<LicenseFileShape>());

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Mutated_nuspecs_with_hostile_licence_files_never_read_outside_the_package()
    {
        var gen = Gen.Select(Mutations.BytesOf(NuspecSeed), Gen.Enum<LicenseFileShape>());
        Property.Check(output, "nuspec/mutated", gen, t => Read(t.Item1, t.Item2), iter: 400, print: t => t.Item2 + " " + Mutations.Describe(t.Item1));
    }

    [Fact]
    public void Valid_nuspecs_with_hostile_licence_files_never_read_outside_the_package()
    {
        Property.Check(output, "nuspec/valid-seed", ValidWithShape, t => Read(Encoding.UTF8.GetBytes(t.Item1), t.Item2), iter: 400, print: t => t.Item2 + " " + Mutations.Describe(t.Item1));
    }

    /// <summary>Found by nuspec/valid-seed: a LICENSE.txt that links out of the package was read (fixed in PackageLicenseReader).</summary>
    [Fact]
    public void Regression_seed_35DV7gamLVQ3_a_licence_file_linking_out_of_the_package_was_read()
    {
        Property.Check(output, "nuspec/regression", ValidWithShape, t => Read(Encoding.UTF8.GetBytes(t.Item1), t.Item2), iter: 1, print: t => t.Item2 + " " + Mutations.Describe(t.Item1), seed: "35DV7gamLVQ3");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("../outside/LICENSE")]
    [InlineData("{OUTSIDE}")]
    [InlineData("..\\outside\\LICENSE")]
    public void A_licence_file_path_out_of_the_package_is_refused(string path)
    {
        var result = Read(Encoding.UTF8.GetBytes(Nuspec("<license type=\"file\">" + Escape(path) + "</license>")), LicenseFileShape.Mit);

        Assert.Equal(CollectionProblemKind.LicenseFileOutsidePackage, result.ProblemKind);
        Assert.Null(result.License);
    }

    [Theory]
    [InlineData(LicenseFileShape.LinkToOutside, CollectionProblemKind.LicenseFileOutsidePackage)]
    [InlineData(LicenseFileShape.LinkedFolderToOutside, CollectionProblemKind.LicenseFileOutsidePackage)]
    [InlineData(LicenseFileShape.HugeSparse, CollectionProblemKind.LicenseFileUnreadable)]
    [InlineData(LicenseFileShape.Fifo, null)]
    [InlineData(LicenseFileShape.Binary, null)]
    [InlineData(LicenseFileShape.Directory, CollectionProblemKind.LicenseFileUnreadable)]
    [InlineData(LicenseFileShape.Missing, CollectionProblemKind.LicenseFileUnreadable)]
    public void A_hostile_licence_file_is_a_clear_problem(LicenseFileShape shape, CollectionProblemKind? kind)
    {
        var path = shape == LicenseFileShape.LinkedFolderToOutside ? "linked/LICENSE" : "LICENSE.txt";
        var result = Read(Encoding.UTF8.GetBytes(Nuspec("<license type=\"file\">" + path + "</license>")), shape);

        Assert.Equal(kind, result.ProblemKind);
        Assert.Null(result.License);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
    }

    [Fact]
    public void A_billion_laughs_nuspec_is_unreadable_without_expanding_anything()
    {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append("<!ENTITY lol").Append(i).Append(" \"").Append(Mutations.Repeat("&lol" + (i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) + ";", 10)).Append("\">");
        }

        var nuspec = "<?xml version=\"1.0\"?>\n<!DOCTYPE package [" + entities + "]>\n" + Nuspec("<license type=\"expression\">MIT</license>").Replace("A package written to break readers.", "&lol9;", StringComparison.Ordinal).Substring("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".Length);
        var clock = Stopwatch.StartNew();

        var result = Read(Encoding.UTF8.GetBytes(nuspec), LicenseFileShape.Mit);

        Assert.Equal(CollectionProblemKind.NuspecUnreadable, result.ProblemKind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "took " + clock.Elapsed);
    }

    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        var nuspec = "<?xml version=\"1.0\"?>\n<!DOCTYPE package [<!ENTITY xxe SYSTEM \"file://" + outsideLicense + "\">]>\n"
            + Nuspec("<license type=\"expression\">&xxe;</license>").Substring("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".Length);

        var result = Read(Encoding.UTF8.GetBytes(nuspec), LicenseFileShape.Mit);

        Assert.Equal(CollectionProblemKind.NuspecUnreadable, result.ProblemKind);
        Assert.Null(result.License);
    }

    [Fact]
    public void A_huge_nuspec_is_refused_by_size()
    {
        var folder = scratch.NewFolder();
        Scratch.MakeSparse(Path.Combine(folder, PackageId.ToLowerInvariant() + ".nuspec"), 1L << 30);

        var result = PackageLicenseReader.Read(folder, PackageId);

        Assert.Equal(CollectionProblemKind.NuspecUnreadable, result.ProblemKind);
    }

    private static string Nuspec(string licenseElement, bool developmentDependency = false)
        => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\">\n"
        + "  <metadata>\n"
        + "    <id>" + PackageId + "</id>\n"
        + "    <version>1.0.0</version>\n"
        + "    <authors>Hostile</authors>\n"
        + "    <description>A package written to break readers.</description>\n"
        + "    " + licenseElement + "\n"
        + (developmentDependency ? "    <developmentDependency>true</developmentDependency>\n" : "")
        + "  </metadata>\n"
        + "</package>\n";

    private static string Escape(string s) => System.Security.SecurityElement.Escape(s)!;

    private PackageLicense Read(byte[] nuspec, LicenseFileShape shape)
    {
        var packages = scratch.NewFolder();
        var folder = Path.Combine(packages, "hostile.package", "1.0.0");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, PackageId.ToLowerInvariant() + ".nuspec"), Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(nuspec).Replace("{OUTSIDE}", outsideLicense, StringComparison.Ordinal)));
        var license = Path.Combine(folder, "LICENSE.txt");
        switch (shape)
        {
            case LicenseFileShape.Mit:
                File.WriteAllText(license, SpdxCatalog.Default.GetText("MIT"));
                break;
            case LicenseFileShape.Binary:
                File.WriteAllBytes(license, new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 3, 0xFF });
                break;
            case LicenseFileShape.Directory:
                Directory.CreateDirectory(license);
                break;
            case LicenseFileShape.LinkToOutside:
                File.CreateSymbolicLink(license, outsideLicense);
                break;
            case LicenseFileShape.LinkedFolderToOutside:
                Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), Path.GetDirectoryName(outsideLicense)!);
                break;
            case LicenseFileShape.HugeSparse:
                Scratch.MakeSparse(license, 1L << 30);
                break;
            case LicenseFileShape.Fifo:
                Scratch.MakeFifo(license);
                break;
        }

        // A FIFO must not hang the build: the read gets a deadline (a thread stuck on it does not keep the test host alive).
        var reading = Task.Run(() => PackageLicenseReader.Read(folder, PackageId));
        if (!reading.Wait(TimeSpan.FromSeconds(20)))
        {
            Assert.Fail("reading the package's licence hung (licence file: " + shape + ")");
        }

        var result = reading.Result;
        Assert.NotEqual(Scratch.OutsideLicenseId, result.License);
        Assert.True(result.License is null || SpdxExpression.Parse(result.License).IsValid, result.License);
        if (result.License is null && result.Source is LicenseSource.File or LicenseSource.Expression)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Problem), "no licence and no problem said");
        }

        if (result.ProblemKind is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Problem));
        }

        return result;
    }
}
