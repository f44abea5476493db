// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Inspection.Repository;
using Commons.Licensing;

namespace Commons.Inspection.Tests;

public class RepositoryScannerTests
{
    [Theory]
    [InlineData("LICENSE", RepositoryFileKind.License)]
    [InlineData("licence.md", RepositoryFileKind.License)]
    [InlineData("COPYING.txt", RepositoryFileKind.License)]
    [InlineData("UNLICENSE", RepositoryFileKind.License)]
    [InlineData("LICENSE-APACHE", RepositoryFileKind.License)]
    [InlineData("Readme.rst", RepositoryFileKind.Readme)]
    [InlineData("CONTRIBUTING.md", RepositoryFileKind.Contributing)]
    [InlineData("code-of-conduct.md", RepositoryFileKind.CodeOfConduct)]
    [InlineData("CODE_OF_CONDUCT.md", RepositoryFileKind.CodeOfConduct)]
    [InlineData("SECURITY.adoc", RepositoryFileKind.Security)]
    [InlineData("GOVERNANCE.md", RepositoryFileKind.Governance)]
    [InlineData("HISTORY.md", RepositoryFileKind.Changelog)]
    [InlineData("NEWS", RepositoryFileKind.Changelog)]
    [InlineData("MAINTAINERS", RepositoryFileKind.Authors)]
    [InlineData("NOTICE.txt", RepositoryFileKind.Notice)]
    [InlineData("THIRD-PARTY-NOTICES.txt", RepositoryFileKind.ThirdPartyNotices)]
    [InlineData("publiccode.yaml", RepositoryFileKind.PublicCode)]
    [InlineData("CLA.md", RepositoryFileKind.ContributorLicenseAgreement)]
    [InlineData("DCO", RepositoryFileKind.DeveloperCertificateOfOrigin)]
    [InlineData("REUSE.toml", RepositoryFileKind.ReuseToml)]
    public void KindOf_recognises_community_file_names(string name, RepositoryFileKind expected)
    {
        Assert.Equal(expected, RepositoryFileTable.KindOf(name));
    }

    [Theory]
    [InlineData("Program.cs")]
    [InlineData("licenses.json")]
    [InlineData("readme-template.txt.bak.old")]
    public void KindOf_ignores_other_files(string name)
    {
        Assert.Null(RepositoryFileTable.KindOf(name));
    }

    [Fact]
    public void Scan_finds_files_in_root_github_docs_and_LICENSES_and_identifies_licence_texts()
    {
        using var repo = new TempFolder();
        repo.Write("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        repo.Write(".GitHub/SECURITY.md", "# Security");
        repo.Write("Docs/CONTRIBUTING.md", "# Contributing");
        repo.Write("LICENSES/Apache-2.0.txt", SpdxCatalog.Default.GetText("Apache-2.0")!);
        repo.Write("src/README.md", "not a root readme");
        repo.Write("other/CODE_OF_CONDUCT.md", "not in a community folder");

        var problems = new List<CollectionProblem>();
        var files = RepositoryScanner.Scan(repo.Path, problems);

        Assert.Empty(problems);
        Assert.Equal(
            new[] { "License:LICENSE", "License:LICENSES/Apache-2.0.txt", "Contributing:Docs/CONTRIBUTING.md", "Security:.GitHub/SECURITY.md" },
            files.Select(f => f.Kind + ":" + f.RelativePath));
        Assert.Equal("MIT", files[0].IdentifiedLicense);
        Assert.Equal("Apache-2.0", files[1].IdentifiedLicense);
        Assert.True(files[0].Confidence >= 98);
    }

    [Fact]
    public void Scan_identifies_a_COPYRIGHT_file_that_holds_the_Apache_notice()
    {
        using var repo = new TempFolder();
        repo.Write("LICENSE", SpdxCatalog.Default.GetText("Apache-2.0")!);
        repo.Write("COPYRIGHT", "Copyright 2024 The Example Authors\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\n"
            + "you may not use this file except in compliance with the License.\nYou may obtain a copy of the License at\n\n"
            + "    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\n"
            + "distributed under the License is distributed on an \"AS IS\" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\n"
            + "See the License for the specific language governing permissions and\nlimitations under the License.\n");

        var files = RepositoryScanner.Scan(repo.Path, new List<CollectionProblem>());

        Assert.Equal(new[] { "COPYRIGHT:Apache-2.0", "LICENSE:Apache-2.0" }, files.Select(f => f.RelativePath + ":" + f.IdentifiedLicense).OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_reads_a_REUSE_licence_file_as_the_id_its_name_gives_among_the_ids_its_text_reads_as()
    {
        // The GPL-3.0 text is GPL-3.0-only's and GPL-3.0-or-later's: REUSE's file name says which; COPYING says nothing.
        var gpl = SpdxCatalog.Default.GetText("GPL-3.0-only")!;
        using var repo = new TempFolder();
        repo.Write("COPYING", gpl);
        repo.Write("LICENSES/GPL-3.0-or-later.txt", gpl);
        repo.Write("LICENSES/LGPL-2.1-or-later.txt", gpl);

        var files = RepositoryScanner.Scan(repo.Path, new List<CollectionProblem>());

        Assert.Equal(
            new[] { "COPYING:GPL-3.0-only", "LICENSES/GPL-3.0-or-later.txt:GPL-3.0-or-later", "LICENSES/LGPL-2.1-or-later.txt:GPL-3.0-only" },
            files.Select(f => f.RelativePath + ":" + f.IdentifiedLicense).OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Scan_reports_a_binary_licence_file_as_not_identified()
    {
        using var repo = new TempFolder();
        repo.Write("LICENSE", new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x01 });

        var files = RepositoryScanner.Scan(repo.Path, new List<CollectionProblem>());

        var license = Assert.Single(files);
        Assert.Null(license.IdentifiedLicense);
    }

    [Fact]
    public void Scan_refuses_a_licence_file_larger_than_the_cap_without_reading_it()
    {
        using var repo = new TempFolder();
        using (var stream = File.Create(Path.Combine(repo.Path, "LICENSE")))
        {
            stream.SetLength(60L * 1024 * 1024);
        }

        var problems = new List<CollectionProblem>();
        var files = RepositoryScanner.Scan(repo.Path, problems);

        Assert.Null(Assert.Single(files).IdentifiedLicense);
        var problem = Assert.Single(problems);
        Assert.Equal(CollectionProblemKind.RepositoryFileUnreadable, problem.Kind);
        Assert.Contains("60 MB", problem.Message);
    }

    [Fact]
    public void Scan_does_not_follow_a_symbolic_link_out_of_the_repository()
    {
        using var outside = new TempFolder();
        using var repo = new TempFolder();
        var secret = outside.Write("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        File.CreateSymbolicLink(Path.Combine(repo.Path, "LICENSE"), secret);
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "docs"), outside.Path);

        var files = RepositoryScanner.Scan(repo.Path, new List<CollectionProblem>());

        Assert.Empty(files);
    }

    [Fact]
    public void Root_is_the_nearest_folder_holding_git_as_a_folder_or_a_file_and_never_above()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "outer", ".git"));
        temp.Write("outer/inner/.git", "gitdir: ../../.git/worktrees/inner");
        Directory.CreateDirectory(Path.Combine(temp.Path, "outer", "inner", "src", "App"));

        Assert.Equal(Path.Combine(temp.Path, "outer", "inner"), RepositoryRoot.Find(Path.Combine(temp.Path, "outer", "inner", "src", "App"), null));
        Assert.Equal(Path.Combine(temp.Path, "outer"), RepositoryRoot.Find(Path.Combine(temp.Path, "outer"), null));
        Assert.Equal(Path.Combine(temp.Path, "outer", "inner", "src"), RepositoryRoot.Find(Path.Combine(temp.Path, "outer", "inner", "src", "App"), ".."));
    }
}
