// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using Commons.Compliance.Facts;
using Commons.Inspection.Dependencies;
using Commons.Licensing;
using Commons.Testing;

namespace Commons.Inspection.Tests;

/// <summary>Package folders laid out as restore extracts them: <c>&lt;id&gt;.nuspec</c> plus the package's files.</summary>
public class PackageLicenseReaderTests
{
    [Fact]
    public void Expression_is_normalised()
    {
        using var folder = Extract(new FixturePackage("Fix.Dual").WithExpression("mit or gpl-2.0-only"));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Dual");

        Assert.Equal(LicenseSource.Expression, license.Source);
        Assert.Equal("MIT OR GPL-2.0-only", license.License);
        Assert.Null(license.Problem);
    }

    [Fact]
    public void Invalid_expression_gives_no_licence_and_a_problem()
    {
        using var folder = Extract(new FixturePackage("Fix.Bad").WithExpression("MIT OR OR"));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Bad");

        Assert.Equal(LicenseSource.Expression, license.Source);
        Assert.Null(license.License);
        Assert.Equal(CollectionProblemKind.LicenseMetadataInvalid, license.ProblemKind);
    }

    [Fact]
    public void Licence_file_is_identified_by_its_text()
    {
        using var folder = Extract(new FixturePackage("Fix.ApacheFile").WithLicenseFile("docs/LICENSE.txt", SpdxCatalog.Default.GetText("Apache-2.0")!));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.ApacheFile");

        Assert.Equal(LicenseSource.File, license.Source);
        Assert.Equal("Apache-2.0", license.License);
        Assert.Equal("docs/LICENSE.txt", license.LicenseFile);
        Assert.True(license.Confidence >= 98);
    }

    [Fact]
    public void Licence_file_with_unknown_text_is_unknown_with_a_reason()
    {
        using var folder = Extract(new FixturePackage("Fix.Mine").WithLicenseFile("LICENSE.txt", "Copyright Example Corp. All rights reserved. You may not use this software."));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Mine");

        Assert.Equal(LicenseSource.File, license.Source);
        Assert.Null(license.License);
        Assert.Contains("not identified", license.Problem);
    }

    [Fact]
    public void Licence_file_path_escaping_the_package_is_refused()
    {
        using var outside = new TempFolder();
        outside.Write("LICENSE.txt", SpdxCatalog.Default.GetText("MIT")!);
        using var folder = Extract(new FixturePackage("Fix.Escape").WithLicenseFile("../" + Path.GetFileName(outside.Path) + "/LICENSE.txt", (byte[]?)null));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Escape");

        Assert.Null(license.License);
        Assert.Equal(CollectionProblemKind.LicenseFileOutsidePackage, license.ProblemKind);
    }

    [Fact]
    public void Licence_file_of_60_MB_is_not_read()
    {
        using var folder = Extract(new FixturePackage("Fix.Huge").WithLicenseFile("LICENSE.txt", (byte[]?)null));
        using (var stream = File.Create(Path.Combine(folder.Path, "LICENSE.txt")))
        {
            stream.SetLength(60L * 1024 * 1024);
        }

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Huge");

        Assert.Null(license.License);
        Assert.Equal(CollectionProblemKind.LicenseFileUnreadable, license.ProblemKind);
        Assert.Contains("60 MB", license.Problem);
    }

    [Fact]
    public void Binary_licence_file_is_not_identified()
    {
        using var folder = Extract(new FixturePackage("Fix.Binary").WithLicenseFile("LICENSE.txt", new byte[] { 0x00, 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46 }));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Binary");

        Assert.Equal(LicenseSource.File, license.Source);
        Assert.Null(license.License);
        Assert.NotNull(license.Problem);
    }

    [Theory]
    [InlineData("https://opensource.org/licenses/MIT", "MIT")]
    [InlineData("https://github.com/example/project/blob/main/LICENSE", null)]
    public void Legacy_url_is_mapped_when_versioned_and_kept_either_way(string url, string? expected)
    {
        using var folder = Extract(new FixturePackage("Fix.Url").WithLicenseUrl(url));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Url");

        Assert.Equal(LicenseSource.Url, license.Source);
        Assert.Equal(expected, license.License);
        Assert.Equal(url, license.LicenseUrl);
    }

    [Fact]
    public void Unmapped_url_with_a_licence_file_shipped_at_the_root_is_that_file()
    {
        // System.Memory and friends: an unversioned corefx link, and the MIT text itself as LICENSE.TXT in the package.
        const string url = "https://github.com/dotnet/corefx/blob/master/LICENSE.TXT";
        using var folder = Extract(new FixturePackage("Fix.CoreFx").WithLicenseUrl(url)
            .WithFile("LICENSE.TXT", System.Text.Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("MIT")!))
            .WithFile("THIRD-PARTY-NOTICES.TXT", System.Text.Encoding.UTF8.GetBytes("Portions are under the GPL-3.0-only licence, see below.")));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.CoreFx");

        Assert.Equal(LicenseSource.PackagedFile, license.Source);
        Assert.Equal("MIT", license.License);
        Assert.Equal("LICENSE.TXT", license.LicenseFile);
        Assert.Equal(url, license.LicenseUrl);
        Assert.Null(license.Problem);
    }

    [Fact]
    public void Old_microsoft_packages_are_judged_by_the_dotnet_library_terms_they_ship()
    {
        // System.* 4.x, Microsoft.CSharp 4.x: a fwlink (a redirect, never mapped) and dotnet_library_license.txt beside it.
        const string url = "http://go.microsoft.com/fwlink/?LinkId=329770";
        const string terms = "MICROSOFT SOFTWARE LICENSE TERMS\n\nMICROSOFT .NET LIBRARY\n\nThese license terms are an agreement between Microsoft "
            + "Corporation (or based on where you live, one of its affiliates) and you. Please read them. They apply to the software named above.\n";
        using var folder = Extract(new FixturePackage("Fix.OldMicrosoft").WithLicenseUrl(url)
            .WithFile("dotnet_library_license.txt", System.Text.Encoding.UTF8.GetBytes(terms))
            .WithFile("ThirdPartyNotices.txt", System.Text.Encoding.UTF8.GetBytes("This package includes software under the MIT licence.")));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.OldMicrosoft");

        Assert.Equal(LicenseSource.PackagedFile, license.Source);
        Assert.Equal("LicenseRef-Microsoft-DotNet-Library", license.License);
        Assert.Equal("dotnet_library_license.txt", license.LicenseFile);
        Assert.Equal(url, license.LicenseUrl);
    }

    [Fact]
    public void A_licence_file_in_rich_text_is_read_as_its_text()
    {
        var mit = SpdxCatalog.Default.GetText("MIT")!.Replace("\n", "\\par\r\n");
        var rtf = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Calibri;}}{\\*\\generator Riched20;}\\pard\\f0 " + mit + "\\par\r\n}\0";
        using var folder = Extract(new FixturePackage("Fix.Rtf").WithLicenseUrl("https://example.org/license")
            .WithFile("License.rtf", System.Text.Encoding.ASCII.GetBytes(rtf)));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Rtf");

        Assert.Equal(LicenseSource.PackagedFile, license.Source);
        Assert.Equal("MIT", license.License);
    }

    [Fact]
    public void No_metadata_and_a_licence_file_at_the_root_is_that_file()
    {
        using var folder = Extract(new FixturePackage("Fix.Bare").WithFile("license.txt", System.Text.Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("Apache-2.0")!)));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Bare");

        Assert.Equal(LicenseSource.PackagedFile, license.Source);
        Assert.Equal("Apache-2.0", license.License);
    }

    [Fact]
    public void Packaged_licence_files_that_disagree_or_are_not_identified_leave_the_url()
    {
        const string url = "https://example.org/license";
        using var disagree = Extract(new FixturePackage("Fix.Two").WithLicenseUrl(url)
            .WithFile("LICENSE-MIT", System.Text.Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("MIT")!))
            .WithFile("LICENSE-APACHE", System.Text.Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("Apache-2.0")!)));
        using var unknown = Extract(new FixturePackage("Fix.Own").WithLicenseUrl(url)
            .WithFile("LICENSE.txt", System.Text.Encoding.UTF8.GetBytes("You may look at this software but not use it.")));
        using var nested = Extract(new FixturePackage("Fix.Nested").WithLicenseUrl(url)
            .WithFile("content/LICENSE.txt", System.Text.Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("MIT")!)));

        foreach (var (folder, id) in new[] { (disagree, "Fix.Two"), (unknown, "Fix.Own"), (nested, "Fix.Nested") })
        {
            var license = PackageLicenseReader.Read(folder.Path, id);
            Assert.Equal(LicenseSource.Url, license.Source);
            Assert.Null(license.License);
            Assert.Equal(url, license.LicenseUrl);
        }
    }

    [Fact]
    public void A_mapped_url_wins_over_a_packaged_file()
    {
        using var folder = Extract(new FixturePackage("Fix.Mapped").WithLicenseUrl("https://opensource.org/licenses/MIT")
            .WithFile("LICENSE.txt", System.Text.Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("Apache-2.0")!)));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Mapped");

        Assert.Equal(LicenseSource.Url, license.Source);
        Assert.Equal("MIT", license.License);
    }

    [Fact]
    public void No_licence_metadata_is_none()
    {
        using var folder = Extract(new FixturePackage("Fix.None"));

        var license = PackageLicenseReader.Read(folder.Path, "Fix.None");

        Assert.Equal(LicenseSource.None, license.Source);
        Assert.Null(license.License);
        Assert.Null(license.Problem);
    }

    [Fact]
    public void Development_dependency_flag_is_read()
    {
        using var folder = Extract(new FixturePackage("Fix.Dev").WithExpression("MIT").AsDevelopmentDependency());

        Assert.True(PackageLicenseReader.Read(folder.Path, "Fix.Dev").IsDevelopmentDependency);
    }

    [Theory]
    [InlineData("<package><metadata><id>Fix.Broken</id>")]
    [InlineData("<!DOCTYPE package [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><package><metadata><id>&x;</id></metadata></package>")]
    [InlineData("")]
    public void Corrupt_or_hostile_nuspec_is_a_problem_not_an_exception(string nuspec)
    {
        using var folder = new TempFolder();
        folder.Write("fix.broken.nuspec", nuspec);

        var license = PackageLicenseReader.Read(folder.Path, "Fix.Broken");

        Assert.Equal(CollectionProblemKind.NuspecUnreadable, license.ProblemKind);
        Assert.Null(license.License);
    }

    internal static TempFolder Extract(FixturePackage package)
    {
        var folder = new TempFolder();
        using var feed = new TempFolder();
        System.IO.Compression.ZipFile.ExtractToDirectory(package.WriteTo(feed.Path), folder.Path);
        File.Move(Path.Combine(folder.Path, package.Id + ".nuspec"), Path.Combine(folder.Path, package.Id.ToLowerInvariant() + ".nuspec"));
        return folder;
    }
}
