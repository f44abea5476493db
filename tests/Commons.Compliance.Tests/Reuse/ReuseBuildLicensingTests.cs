// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Input;
using Commons.Compliance.Reuse;

namespace Commons.Compliance.Tests.Reuse;

/// <summary>What the build hands over of a REUSE project (REUSE.toml, dep5, sidecars), read once per compilation.</summary>
public class ReuseBuildLicensingTests
{
    private static ComplianceInput Input(params TextFile[] files)
        => new(new ProjectProperties(new[] { new KeyValuePair<string, string>(PropertyNames.RepositoryRoot, "/repo") }), files);

    private const string Toml = "version = 1\n[[annotations]]\npath = \"src/**\"\nSPDX-FileCopyrightText = \"Jane\"\nSPDX-License-Identifier = \"MIT\"\n";

    private const string Dep5 = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nCopyright: ACME\nLicense: GPL-3.0-only\n";

    [Fact]
    public void ReuseToml_and_dep5_together_are_one_problem_and_reuse_toml_alone_applies()
    {
        var reuse = Input(new TextFile("ReuseToml", "/repo/REUSE.toml", Toml), new TextFile(TextFileKinds.ReuseDep5, "/repo/.reuse/dep5", Dep5)).ReuseLicensing;

        var problem = Assert.Single(reuse.Problems);
        Assert.Equal("/repo/.reuse/dep5", problem.Path);
        Assert.Contains("mutually exclusive", problem.Message, System.StringComparison.Ordinal);
        var infos = reuse.InfosOf("/repo/src/App/A.cs", ReuseInfo.Empty, out _)!;
        Assert.Equal(new[] { "MIT" }, infos.SelectMany(i => i.Expressions));
        Assert.Null(reuse.InfosOf("/elsewhere/A.cs", ReuseInfo.Empty, out _));
    }

    [Fact]
    public void A_toml_error_is_located_at_its_line_and_a_reuse_toml_bak_is_no_reuse_toml()
    {
        var reuse = Input(new TextFile("ReuseToml", "/repo/REUSE.toml", "version = 1\n\n[[annotations]\n"), new TextFile("ReuseToml", "/repo/reuse.toml.bak", Toml)).ReuseLicensing;

        Assert.Equal(3, Assert.Single(reuse.Problems).Line);
        Assert.True(reuse.IsEmpty);
        Assert.Equal("REUSE.toml", reuse.NameOf("/repo/REUSE.toml"));
    }
}
