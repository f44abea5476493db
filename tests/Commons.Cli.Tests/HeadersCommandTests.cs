// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Commons.Licensing;

namespace Commons.Cli.Tests;

/// <summary>
/// <c>commons headers</c>, in-process, on REUSE repositories (git work trees) written to a temporary folder: the verdicts
/// <c>reuse lint</c> (REUSE 3.3) gives on the same trees, file by file and licence by licence.
/// </summary>
public sealed class HeadersCommandTests : IDisposable
{
    private const string GoodCs = "// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2026 Jane Doe\n\nclass A { }\n";

    private readonly string root = Path.Combine(Path.GetTempPath(), "commons-headers-" + Guid.NewGuid().ToString("N"));

    public HeadersCommandTests()
    {
        Directory.CreateDirectory(root);
        Git("init", "-q");
        Write("LICENSES/MIT.txt", SpdxCatalog.Default.GetText("MIT")!);
        Write(".gitignore", "# SPDX-License-Identifier: MIT\n# SPDX-FileCopyrightText: 2026 Jane Doe\nbin/\nobj/\n");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void EveryCoveredFileIsChecked_WhateverItsType()
    {
        Write("src/Good.cs", GoodCs);
        Write("src/Deep/Bare.cs", "class B { }\n");
        Write("docs/Guide.md", "# Guide\n\nNo licensing here.\n");
        Write("README.md", "<!--\nSPDX-FileCopyrightText: 2026 Jane Doe\nSPDX-License-Identifier: MIT\n-->\n# Readme\n");
        Write("build.sh", "#!/bin/sh\n# SPDX-License-Identifier: MIT\n# SPDX-FileCopyrightText: 2026 Jane Doe\necho hi\n");
        Write("Directory.Build.props", "<!-- SPDX-License-Identifier: MIT -->\n<Project />\n");

        var (exit, output, _) = Run("headers", root, "--format", "tsv");

        Assert.Equal(1, exit);
        Assert.Equal(
            new[]
            {
                "Directory.Build.props 1 1 CMN0404",
                "docs/Guide.md 1 1 CMN0401",
                "docs/Guide.md 1 1 CMN0404",
                "src/Deep/Bare.cs 1 1 CMN0401",
                "src/Deep/Bare.cs 1 1 CMN0404",
            },
            Rows(output));
    }

    [Fact]
    public void SidecarsAndReuseTomlLicenseFilesThatCannotHoldAHeader()
    {
        Write("img/logo.png", "\u0089PNG\r\n\u001a\n\0\0\0binary");
        Write("img/logo.png.license", "SPDX-FileCopyrightText: 2026 Jane Doe\nSPDX-License-Identifier: MIT\n");
        Write("src/Plain.cs", "class P { }\n");
        Write("src/Plain.cs.license", "SPDX-FileCopyrightText: 2026 Jane Doe\nSPDX-License-Identifier: MIT\n");
        Write("data/a.json", "{\"a\": 1}\n");
        Write("data/deep/b.csv", "a,b\n1,2\n");
        Write("REUSE.toml", "version = 1\n\n[[annotations]]\npath = [\"data/**\"]\nSPDX-FileCopyrightText = \"2026 Data Office\"\nSPDX-License-Identifier = \"MIT\"\n");

        var (exit, output, _) = Run("headers", root, "--format", "tsv");

        Assert.Equal("", output);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Dep5LicensesTheFilesItsParagraphsMatch_TheLastMatchingParagraphWins()
    {
        Write("data/a.json", "{}\n");
        Write("data/keep/b.json", "{}\n");
        Write("other.json", "{}\n");
        Write(".reuse/dep5", "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: data/*\nCopyright: 2026 Data Office\nLicense: MIT\n\nFiles: data/keep/*\nCopyright: 2026 Keeper\nLicense: Apache-2.0\n");

        var (exit, output, _) = Run("headers", root, "--format", "tsv");

        Assert.Equal(1, exit);
        Assert.Equal(new[] { "data/keep/b.json 1 1 CMN0405", "other.json 1 1 CMN0401", "other.json 1 1 CMN0404" }, Rows(output));
    }

    [Fact]
    public void ReuseTomlPrecedence_OverrideIgnoresTheFile_ClosestFillsInWhatTheFileLacks_AggregateAddsToIt()
    {
        Write("vendor/Override.cs", "// SPDX-License-Identifier: GPL-3.0-only\nclass O { }\n");
        Write("src/OnlyLicence.cs", "// SPDX-License-Identifier: MIT\nclass L { }\n");
        Write("po/fr.po", "# SPDX-License-Identifier: MIT\n# SPDX-FileCopyrightText: 2026 Jane Doe\nmsgid \"\"\n");
        Write("REUSE.toml", string.Join("\n",
            "version = 1",
            "[[annotations]]",
            "path = \"vendor/**\"",
            "precedence = \"override\"",
            "SPDX-FileCopyrightText = \"2026 Vendor\"",
            "SPDX-License-Identifier = \"MIT\"",
            "[[annotations]]",
            "path = \"src/*.cs\"",
            "SPDX-FileCopyrightText = \"2026 Jane Doe\"",
            "SPDX-License-Identifier = \"Apache-2.0\"",
            "[[annotations]]",
            "path = \"po/*.po\"",
            "precedence = \"aggregate\"",
            "SPDX-FileCopyrightText = \"2026 Translators\"",
            "SPDX-License-Identifier = \"CC0-1.0\"",
            ""));

        var (exit, output, _) = Run("headers", root, "--format", "tsv");

        // GPL-3.0-only is not read (override); the closest table gives src/ its copyright, not its licence (the file has one);
        // the aggregate table adds CC0-1.0 to the translation, whose text is missing.
        Assert.Equal(1, exit);
        Assert.Equal(new[] { "po/fr.po 1 1 CMN0405" }, Rows(output));
        Assert.Contains("'CC0-1.0' licenses this file (by REUSE.toml)", Run("headers", root).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void LicencesFolder_MissingUnusedMisnamedDeprecatedAndExtensionlessTexts()
    {
        Write("src/App.cs", "// SPDX-License-Identifier: MIT AND Apache-2.0\n// SPDX-FileCopyrightText: 2026 Jane Doe\nclass A { }\n");
        Write("LICENSES/GPL-2.0.txt", "text\n");
        Write("LICENSES/Unknown-Licence.txt", "text\n");
        Write("LICENSES/CC0-1.0", "text\n");

        var (exit, output, _) = Run("headers", root, "--format", "tsv");

        Assert.Equal(1, exit);
        Assert.Equal(
            new[]
            {
                "LICENSES/CC0-1.0 1 1 CMN0406",
                "LICENSES/CC0-1.0 1 1 CMN0409",
                "LICENSES/GPL-2.0.txt 1 1 CMN0406",
                "LICENSES/GPL-2.0.txt 1 1 CMN0408",
                "LICENSES/Unknown-Licence.txt 1 1 CMN0406",
                "LICENSES/Unknown-Licence.txt 1 1 CMN0407",
                "src/App.cs 1 1 CMN0405",
            },
            Rows(output).OrderBy(r => r, StringComparer.Ordinal));
    }

    [Fact]
    public void WhatGitIgnoresAndWhatReuseIgnoresIsNotCovered()
    {
        Write("src/Good.cs", GoodCs);
        Write("src/obj/Debug/AssemblyInfo.cs", "class E { }\n");
        Write("bin/Copied.cs", "class F { }\n");
        Write("LICENSE", "MIT licence text\n");
        Write("COPYING.md", "copying\n");
        Write("sbom.spdx.json", "{}\n");
        Write("empty.txt", "");
        Write(".reuse/templates/header.jinja2", "no header\n");
        Write("Untracked.txt", "not ignored by git, so covered\n");

        var (exit, output, _) = Run("headers", root);

        Assert.Equal(1, exit);
        Assert.Contains("Untracked.txt(1,1): warning CMN0401", output, StringComparison.Ordinal);
        Assert.EndsWith("3 file(s) checked, 1 with findings (2).", output.Trim(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The REUSE Tool leaves out every folder inside a folder named <c>subprojects</c> (Meson's), wherever it is and whether or
    /// not the root has a meson.build; files right in <c>subprojects/</c> (its .wrap files) stay covered. Found by the
    /// differential run against reuse lint.
    /// </summary>
    [Fact]
    public void MesonSubprojectFolders_AreNotCovered_EvenWithoutMesonBuild()
    {
        Write("src/Good.cs", GoodCs);
        Write("subprojects/zlib/inflate.c", "int inflate;\n");
        Write("lib/subprojects/fmt/format.cc", "int format;\n");
        Write("subprojects/zlib.wrap", "[wrap-file]\n");

        var (exit, output, _) = Run("headers", root, "--format", "tsv");

        Assert.Equal(1, exit);
        Assert.Equal(new[] { "subprojects/zlib.wrap 1 1 CMN0401", "subprojects/zlib.wrap 1 1 CMN0404" }, Rows(output));
    }

    /// <summary>
    /// The REUSE Tool finds a licence text by the id as the file writes it: <c>GPL-2.0</c> (deprecated) is licensed by
    /// LICENSES/GPL-2.0.txt, <c>GPL-3.0-only+</c> by LICENSES/GPL-3.0-only.txt, and <c>mit</c> is not MIT. Found by the
    /// differential run against reuse lint (ids had been read in their canonical SPDX form).
    /// </summary>
    [Fact]
    public void LicenceIdsAreMatchedToLicencesTextsAsWritten()
    {
        Write("LICENSES/GPL-2.0.txt", "GPL 2 text\n");
        Write("LICENSES/GPL-3.0-only.txt", "GPL 3 text\n");
        Write("a.sh", "# SPDX-FileCopyrightText: 2026 Jane Doe\n# SPDX-License-Identifier: GPL-2.0 AND MIT\n");
        Write("b.sh", "# SPDX-FileCopyrightText: 2026 Jane Doe\n# SPDX-License-Identifier: GPL-3.0-only+\n");
        Write("c.sh", "# SPDX-FileCopyrightText: 2026 Jane Doe\n# SPDX-License-Identifier: mit\n");

        var (exit, output, _) = Run("headers", root, "--format", "tsv");

        Assert.Equal(1, exit);
        Assert.Equal(new[] { "LICENSES/GPL-2.0.txt 1 1 CMN0408", "c.sh 2 1 CMN0405" }, Rows(output).OrderBy(r => r, StringComparer.Ordinal));
    }

    /// <summary>
    /// Two texts for one id in LICENSES/: reuse lint stops ("Multiple licenses resolve to MIT"), so the tree is not compliant;
    /// the first text licenses the files and the second is named. Found by the differential run (it passed in silence).
    /// </summary>
    [Fact]
    public void TwoTextsForOneLicence_AreNamedAtTheSecond()
    {
        Write("src/Good.cs", GoodCs);
        Write("LICENSES/MIT.md", "MIT licence text, again\n");

        var (exit, output, _) = Run("headers", root);

        Assert.Equal(1, exit);
        Assert.Contains("LICENSES/MIT.txt(1,1): warning CMN0412: 'LICENSES/MIT.md' and 'LICENSES/MIT.txt' are both the text of 'MIT': keep one", output, StringComparison.Ordinal);
        Assert.EndsWith("2 file(s) checked, 1 with findings (1).", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_AddsTheMissingHeaders_InEachFileTypesCommentStyle_AndSidecarsForFilesWithoutComments()
    {
        Write("src/Bare.cs", "class B { }\n");
        Write("docs/Guide.md", "# Guide\n");
        Write("tools/run.sh", "#!/bin/sh\necho hi\n");
        Write("src/App.csproj", "<?xml version=\"1.0\"?>\n<Project />\n");
        Write("data/a.json", "{}\n");
        Write("img/logo.png", "\u0089PNG\r\n\u001a\n\0\0\0binary");
        Write("src/Half.cs", "// SPDX-License-Identifier: MIT\nclass H { }\n");

        var (exit, output, error) = Run("headers", root, "--fix", "--license", "MIT", "--copyright", "2026 Jane Doe");

        Assert.True(exit == 0, output + error);
        Assert.Equal("// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: 2026 Jane Doe\n\nclass B { }\n", Read("src/Bare.cs"));
        Assert.Equal("<!--\nSPDX-License-Identifier: MIT\nSPDX-FileCopyrightText: 2026 Jane Doe\n-->\n\n# Guide\n", Read("docs/Guide.md"));
        Assert.Equal("#!/bin/sh\n# SPDX-License-Identifier: MIT\n# SPDX-FileCopyrightText: 2026 Jane Doe\n\necho hi\n", Read("tools/run.sh"));
        Assert.StartsWith("<?xml version=\"1.0\"?>\n<!--\nSPDX-License-Identifier: MIT\n", Read("src/App.csproj"), StringComparison.Ordinal);
        Assert.Equal("{}\n", Read("data/a.json"));
        Assert.Equal("SPDX-License-Identifier: MIT\nSPDX-FileCopyrightText: 2026 Jane Doe\n", Read("data/a.json.license"));
        Assert.Equal("SPDX-License-Identifier: MIT\nSPDX-FileCopyrightText: 2026 Jane Doe\n", Read("img/logo.png.license"));
        Assert.Equal("// SPDX-FileCopyrightText: 2026 Jane Doe\n\n// SPDX-License-Identifier: MIT\nclass H { }\n", Read("src/Half.cs"));
    }

    [Fact]
    public void BelowTheRoot_OnlyItsFilesAreJudged_AndLicencesAreNotCalledUnused()
    {
        Write("src/Bare.cs", "class B { }\n");
        Write("docs/Bare.md", "# Bare\n");

        var (exit, output, _) = Run("headers", Path.Combine(root, "docs"), "--format", "tsv");

        Assert.Equal(1, exit);
        Assert.Equal(new[] { "docs/Bare.md 1 1 CMN0401", "docs/Bare.md 1 1 CMN0404" }, Rows(output));
    }

    [Fact]
    public void AFolderThatDoesNotExistIsBadInput()
    {
        var (exit, _, error) = Run("headers", Path.Combine(root, "missing"));

        Assert.Equal(2, exit);
        Assert.Contains("is not a folder", error, StringComparison.Ordinal);
    }

    private string[] Rows(string output)
        => output.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(cells => Path.GetRelativePath(root, cells[0]).Replace('\\', '/') + " " + string.Join(" ", cells.Skip(1)))
            .ToArray();

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private string Read(string relativePath) => File.ReadAllText(Path.Combine(root, relativePath));

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, text.Contains('\0') || text.Contains('\u0089') ? System.Text.Encoding.Latin1 : new System.Text.UTF8Encoding(false));
    }
}
