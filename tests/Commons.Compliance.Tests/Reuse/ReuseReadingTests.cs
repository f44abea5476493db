// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Linq;
using Commons.Compliance.Reuse;
using Commons.Licensing;

namespace Commons.Compliance.Tests.Reuse;

/// <summary>REUSE 3.3 reading, pure: tags as the REUSE Tool finds them, REUSE.toml, DEP5 and the order of precedence.</summary>
public class ReuseReadingTests
{
    [Theory]
    [InlineData("// SPDX-License-Identifier: MIT", "MIT")]
    [InlineData("/* SPDX-License-Identifier: MIT */", "MIT")]
    [InlineData("<!-- SPDX-License-Identifier: MIT -->", "MIT")]
    [InlineData("# SPDX-License-Identifier: MIT OR Apache-2.0  ", "MIT OR Apache-2.0")]
    [InlineData("(* SPDX-License-Identifier: MIT *)", "MIT")]
    [InlineData("<tag value=\"SPDX-License-Identifier: MIT\" />", "MIT")]
    [InlineData("SPDX-License-Identifier:MIT", "MIT")]
    public void A_licence_tag_is_read_in_any_comment_style(string line, string expression)
    {
        var scan = ReuseTagScanner.Scan("first line\n" + line + "\nlast line\n");

        Assert.Equal(new[] { expression }, scan.ToInfo().Expressions);
        Assert.Equal(2, scan.Tags.Single().Line);
    }

    [Theory]
    [InlineData("// SPDX-FileCopyrightText: 2026 Jane Doe", true)]
    [InlineData("# Copyright 2026 Jane Doe", true)]
    [InlineData("Copyright (C) Jane", true)]
    [InlineData("© Jane", true)]
    [InlineData("Copyright: Jane", false)]
    [InlineData("Copyrighted material", false)]
    public void Copyright_notices_follow_the_REUSE_Tool(string line, bool isNotice)
        => Assert.Equal(isNotice, ReuseTagScanner.Scan(line + "\n").HasCopyright);

    [Fact]
    public void Text_between_ignore_marks_is_not_read_even_across_pieces()
    {
        var scanner = new ReuseTagScanner();
        scanner.Add("// SPDX-License-Identifier: MIT\n// REUSE-IgnoreStart\necho 'SPDX-License-Identifier: GPL-3.0'\n");
        scanner.Add("echo 'Copyright 2020 Nobody'\n// REUSE-IgnoreEnd\n// SPDX-FileCopyrightText: Jane\n");

        Assert.Equal(new[] { "MIT" }, scanner.ToInfo().Expressions);
        Assert.Equal(new[] { "SPDX-FileCopyrightText: Jane" }, scanner.ToInfo().Copyrights);
    }

    [Fact]
    public void ReuseToml_with_comments_arrays_and_every_string_form_is_read()
    {
        var toml = ReuseTomlReader.Parse(
            "# SPDX-License-Identifier: CC0-1.0\nversion = 1 # schema\n\n[[annotations]]\npath = [\n  \"data/**\", # data\n  'po/*.po',\n]\n"
            + "precedence = \"aggregate\"\n\"SPDX-FileCopyrightText\" = \"\"\"2026 Jane\"\"\"\nSPDX-License-Identifier = 'MIT'\n",
            "");

        Assert.Null(toml.Error);
        var table = Assert.Single(toml.Annotations);
        Assert.Equal(new[] { "data/**", "po/*.po" }, table.Paths);
        Assert.Equal(ReusePrecedence.Aggregate, table.Precedence);
        Assert.Equal(new[] { "2026 Jane" }, table.Copyrights);
        Assert.True(table.Matches("data/a/b.json"));
        Assert.True(table.Matches("po/fr.po"));
        Assert.False(table.Matches("po/sub/fr.po"));
    }

    [Theory]
    [InlineData("[[annotations]]\npath = \"a\"\n", "'version' must be an integer")]
    [InlineData("version = 1\n[[annotations]]\nprecedence = \"closest\"\n", "no 'path'")]
    [InlineData("version = 1\n[[annotations]]\npath = \"a\"\nprecedence = \"first\"\n", "precedence")]
    [InlineData("version = 1\npath = [\"a\"\n", "not valid TOML")]
    [InlineData("version = 1\nversion = 2\n", "defined twice")]
    public void A_ReuseToml_that_cannot_be_used_says_why(string text, string reason)
        => Assert.Contains(reason, ReuseTomlReader.Parse(text, "").Error);

    [Fact]
    public void Dep5_the_last_matching_paragraph_applies_and_stars_cross_folders()
    {
        var dep5 = Dep5File.Parse("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: data/*\nCopyright: A\nLicense: MIT\n\nFiles: data/keep/*.json\nCopyright: B\n C\nLicense: Apache-2.0\n Long text\n");

        Assert.Null(dep5.Error);
        Assert.Equal("MIT", dep5.Find("data/x/y.txt")!.License);
        Assert.Equal(new[] { "B", "C" }, dep5.Find("data/keep/a.json")!.Copyrights);
        Assert.Null(dep5.Find("other.txt"));
    }

    [Fact]
    public void Precedence_override_hides_the_file_closest_fills_in_aggregate_adds()
    {
        var root = ReuseTomlReader.Parse("version = 1\n[[annotations]]\npath = \"**\"\nSPDX-FileCopyrightText = \"Root\"\nSPDX-License-Identifier = \"MIT\"\n", "");
        var sub = ReuseTomlReader.Parse("version = 1\n[[annotations]]\npath = \"*.txt\"\nprecedence = \"override\"\nSPDX-License-Identifier = \"CC0-1.0\"\n", "sub");
        var project = new ReuseProject(new[] { "LICENSES/MIT.txt" }, new ReuseGlobalLicensing(new[] { root, sub }, null), SpdxCatalog.Default);
        var own = new ReuseInfo(new[] { "Apache-2.0" }, new string[0], ReuseSource.FileHeader, null);

        // A file with a licence of its own gets the root's copyright only. The override below the root hides the file's own
        // licence, not what is farther from the file: the root's closest table still applies (as the REUSE Tool reads it).
        Assert.Equal(new[] { "Apache-2.0" }, project.InfosOf("a.cs", own).SelectMany(i => i.Expressions));
        Assert.Equal(new[] { "Root" }, project.InfosOf("a.cs", own).SelectMany(i => i.Copyrights));
        Assert.Equal(new[] { "CC0-1.0", "MIT" }, project.InfosOf("sub/b.txt", own).SelectMany(i => i.Expressions));
    }
}
