// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Threading.Tasks;
using Commons.Analyzers.CodeFixes;
using Commons.Compliance.Input;
using static Commons.Analyzers.Tests.Fixtures;
using Test = Commons.Analyzers.Tests.AnalyzerTest<Commons.Analyzers.CMN0401SourceHeaderAnalyzer>;
using ToolingTest = Commons.Analyzers.Tests.AnalyzerTest<Commons.Analyzers.CMN0901ToolingAnalyzer>;

namespace Commons.Analyzers.Tests;

/// <summary>
/// The header rules in the build follow REUSE 3.3: a C# file licensed by a REUSE.toml annotation, <c>.reuse/dep5</c> or its
/// <c>.license</c> sidecar (handed over as AdditionalFiles by the targets) has its licence and copyright, whatever its header.
/// </summary>
public sealed class CMN0401ReuseLicensingTests
{
    private const string Code = "class C { }\n";
    private const string Code1 = "class D { }\n";
    private const string ReuseToml = "/0/REUSE.toml";
    private const string Dep5 = "/0/.reuse/dep5";

    private static Test Headers()
        => new Test().Property("CommonsSpdxHeaders", "true").Property("PackageLicenseExpression", "MIT")
            .Property("Copyright", "Copyright (c) Jane Doe").Property("CommonsRepositoryRoot", "/0");

    private static string Annotation(string path, string precedence = "closest")
        => "version = 1\n\n[[annotations]]\npath = \"" + path + "\"\nprecedence = \"" + precedence + "\"\n"
            + "SPDX-FileCopyrightText = \"2026 Jane Doe\"\nSPDX-License-Identifier = \"MIT\"\n";

    [Fact]
    public async Task TestFileCoveredByReuseTomlHasNoFindingAndAnUncoveredOneStillHasAsync()
    {
        await Headers().File("ReuseToml", ReuseToml, Annotation("Test0.cs"))
            .Sources(Code, "{|CMN0401:|}{|CMN0404:|}" + Code1)
            .RunAsync();
    }

    [Fact]
    public async Task TestGlobOfANestedFolderCoversOnlyItsFilesAsync()
    {
        // The root is the folder above: /0/REUSE.toml is a nested REUSE.toml, its paths relative to /0/.
        await Headers().Property("CommonsRepositoryRoot", "/").File("ReuseToml", ReuseToml, Annotation("**/*.cs"))
            .Sources(Code, Code1)
            .RunAsync();
        await Headers().Property("CommonsRepositoryRoot", "/").File("ReuseToml", ReuseToml, Annotation("src/**"))
            .Sources("{|CMN0401:|}{|CMN0404:|}" + Code)
            .RunAsync();
    }

    [Fact]
    public async Task TestAggregateAnnotationAddsToTheHeaderAsync()
    {
        // The header states the copyright alone; the aggregate table adds the licence.
        await Headers().File("ReuseToml", ReuseToml, Annotation("*.cs", "aggregate"))
            .Source("// SPDX-FileCopyrightText: Jane Doe\n" + Code)
            .RunAsync();
    }

    [Fact]
    public async Task TestOverrideAnnotationWinsOverTheHeaderAsync()
    {
        const string header = "// SPDX-License-Identifier: GPL-2.0+\n";
        await Headers().Source("{|CMN0404:|}// SPDX-License-Identifier: {|CMN0402:GPL-2.0+|}\n" + Code).RunAsync();

        // REUSE does not read a file an override table covers: its header's deprecated id is no finding, the table licenses it.
        await Headers().File("ReuseToml", ReuseToml, Annotation("Test0.cs", "override")).Source(header + Code).RunAsync();
    }

    [Fact]
    public async Task TestDep5LicensesTheFileAsync()
    {
        const string dep5 = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: app\n\n"
            + "Files: Test0.cs\nCopyright: 2026 Jane Doe\nLicense: MIT\n";
        await Headers().File("ReuseDep5", Dep5, dep5).Sources(Code, "{|CMN0401:|}{|CMN0404:|}" + Code1).RunAsync();
    }

    [Fact]
    public async Task TestSidecarLicensesTheFileInsteadOfItsHeaderAsync()
    {
        await Headers().File("ReuseSidecar", "/0/Test0.cs.license", "SPDX-FileCopyrightText: 2026 Jane Doe\nSPDX-License-Identifier: MIT\n")
            .Sources("// SPDX-License-Identifier: GPL-2.0+\n" + Code, "{|CMN0401:|}{|CMN0404:|}" + Code1)
            .RunAsync();

        // The sidecar replaces the header: a sidecar without copyright leaves the file without one, whatever the header says.
        await Headers().File("ReuseSidecar", "/0/Test0.cs.license", "SPDX-License-Identifier: MIT\n")
            .Source("{|CMN0404:|}// SPDX-FileCopyrightText: Jane Doe\n" + Code)
            .RunAsync();
    }

    [Fact]
    public async Task TestBrokenReuseTomlLicensesNothingAndTheOthersStillApplyAsync()
    {
        // The root's REUSE.toml covers Test0.cs; the nested one (root /, so /0/REUSE.toml is nested in 0/) is no TOML: it is
        // left out (CMN0902 by the tooling family), never an exception, and Test1.cs, which only it would cover, keeps its findings.
        await Headers().Property("CommonsRepositoryRoot", "/")
            .File("ReuseToml", "/REUSE.toml", Annotation("0/Test0.cs"))
            .File("ReuseToml", ReuseToml, "version = 1\n[[annotations]\npath = \"Test1.cs\"\n\0\0")
            .Sources(Code, "{|CMN0401:|}{|CMN0404:|}" + Code1)
            .RunAsync();
    }

    [Fact]
    public async Task TestAddHeaderFixStillWorksBesideAReuseTomlAsync()
    {
        // Fix All adds a header to the file that lacks one, and leaves the file REUSE.toml licenses alone.
        await Headers().File("ReuseToml", ReuseToml, Annotation("Test0.cs"))
            .RunFixAllAsync<CMN0401AddSpdxHeaderCodeFixProvider>(
                new[] { Code, "{|CMN0401:|}{|CMN0404:|}" + Code1 },
                new[] { Code, "// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: Jane Doe\n\n" + Code1 });
    }

    [Fact]
    public async Task TestBrokenReuseTomlIsOneInputUnreadableAsync()
    {
        await new ToolingTest().Facts(TidyFacts()).Property("CommonsRepositoryRoot", "/0")
            .File("ReuseToml", ReuseToml, "version = 1\n[[annotations]\npath = \"Test0.cs\"\n")
            .Expect(Rule("CMN0902").WithSpan(ReuseToml, 2, 1, 2, 15).WithArguments("'REUSE.toml' (REUSE licensing of the source files)", "it is not valid TOML: line 2: ']' was expected"))
            .RunAsync();
    }

    [Fact]
    public async Task TestReuseFileTheBuildCouldNotHandOverIsOneInputUnreadableAsync()
    {
        var unreadable = Compliance.Reuse.ReuseBuildLicensing.EncodeUnreadable(new[] { ("/0/src/REUSE.toml", "it holds NUL bytes: it is no text") });
        await new ToolingTest().Facts(TidyFacts()).Property("CommonsRepositoryRoot", "/0").Property(PropertyNames.UnreadableInputs, unreadable)
            .Expect(Rule("CMN0902").WithLocation("/0/src/REUSE.toml", 1, 1).WithArguments("'src/REUSE.toml' (REUSE licensing of the source files)", "it holds NUL bytes: it is no text"))
            .RunAsync();
    }
}
