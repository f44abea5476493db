// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Testing;

namespace Commons.Hardening.Tests;

/// <summary>
/// Issue 18, class 2: files the package hands to the compiler must never fail the build. csc refuses a binary AdditionalFile
/// (CS2015), one over 2 GB or a folder (CS1504), and hangs on a pipe; each must reach the user as a CMN0902 finding instead,
/// in a build that succeeds.
/// </summary>
public sealed class BinaryAndOversizedDocumentsBuildTests : HostileBuild
{
    [Fact]
    public void Binary_oversized_and_empty_documents_and_a_policy_folder_give_findings_in_a_build_that_succeeds()
    {
        var project = WriteProject("    <CommonsPolicyFile>../policy-folder</CommonsPolicyFile>\n");
        var random = new Random(18);
        Directory.CreateDirectory(Repository.PathOf("docs"));
        File.WriteAllBytes(Repository.PathOf("LICENSE"), Bytes(random, 4096));
        File.WriteAllBytes(Repository.PathOf("docs/CLA.pdf"), Bytes(random, 2048));
        File.WriteAllBytes(Repository.PathOf("docs/history.png"), Bytes(random, 2048));
        Directory.CreateDirectory(Repository.PathOf("LICENSES"));
        Scratch.MakeSparse(Repository.PathOf("LICENSES/Apache-2.0.txt"), 3L * 1024 * 1024 * 1024);
        Repository.WriteFile("README.md", "");
        Scratch.MakeFifo(Repository.PathOf("CONTRIBUTING.md"));
        Directory.CreateDirectory(Repository.PathOf("policy-folder"));

        var build = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("CS2015", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS1504", build.Output, StringComparison.Ordinal);
        AssertFindingWithoutCrash(build, "CMN0902", "LICENSE: it is a binary file");
        AssertFindingWithoutCrash(build, "CMN0902", "LICENSES/Apache-2.0.txt: it is 3072 MB, larger than the 1 MB read limit");
        AssertFindingWithoutCrash(build, "CMN0902", "policy-folder' could not be read: it is a folder, not a file");

        // The empty README and the pipe named CONTRIBUTING.md are there; a binary contributor agreement is no finding of its own.
        Assert.DoesNotContain("CMN0201", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CMN0203", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(build.Output.Split('\n'), line => line.Contains("CMN0902", StringComparison.Ordinal) && line.Contains("CLA.pdf", StringComparison.Ordinal));
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        bytes[10] = 0;
        return bytes;
    }
}

public sealed class PolicyFifoBuildTests : HostileBuild
{
    [Fact]
    public void A_policy_file_that_is_a_pipe_does_not_hang_the_compiler_and_says_why()
    {
        var project = WriteProject("    <CommonsPolicyFile>../commons.policy</CommonsPolicyFile>\n");
        Scratch.MakeFifo(Repository.PathOf("commons.policy"));

        // csc opened the pipe and waited for a writer forever: the build would end at the time limit.
        var build = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false");

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertFindingWithoutCrash(build, "CMN0902", "commons.policy' could not be read: it is empty, or a pipe or a device");
    }
}

/// <summary>
/// Issue 18, class 3: a property value with a line break went raw into the compiler's analyzer config, where it added lines of
/// its own. Each variant of a line break tries to turn the gate on (the deprecated PackageLicenseUrl, CMN0010, would then be an
/// error); the gate must stay off and the copyright holder keep its whole value.
/// </summary>
public sealed class PropertyInjectionBuildTests : HostileBuild
{
    [Fact]
    public void A_line_break_in_a_property_value_adds_no_line_to_the_analyzer_config()
    {
        var injected = string.Concat(new[] { "&#10;", "&#13;", "&#x2028;", "&#x85;" }.Select(br => "ACME" + br + "build_property.CommonsGate = true" + br + "build_property.CommonsAnalyzerProperties = CommonsGate=true"));
        var project = WriteProject(
            "    <PackageLicenseUrl>https://example.org/license</PackageLicenseUrl>\n"
            + "    <CommonsCopyrightHolder>" + injected + "</CommonsCopyrightHolder>\n"
            + "    <Description>A C# library; # not a comment</Description>\n");

        var build = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false");

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertFindingWithoutCrash(build, "CMN0010", "PackageLicenseUrl");
        Assert.DoesNotContain("error CMN", build.Output, StringComparison.Ordinal);
        var config = File.ReadAllText(Directory.GetFiles(Repository.PathOf("App/obj"), "App.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).Single());
        Assert.DoesNotContain(config.Split('\n', '\r', '\u2028', '\u0085'), line => line.TrimStart().StartsWith("build_property.CommonsGate", StringComparison.Ordinal));
    }
}

/// <summary>
/// Issue 18, class 3, the other way round: a list written over several lines, as MSBuild users write lists, was cut at its first
/// line break, so the build silently stopped denying what the CLI still denied. The project's own licence (MIT) is denied on the
/// list's last line: CMN0008 must be reported.
/// </summary>
public sealed class MultiLineListBuildTests : HostileBuild
{
    [Fact]
    public void A_list_property_written_over_several_lines_is_read_whole()
    {
        var project = WriteProject("    <CommonsDeniedLicenses>\n      GPL-3.0-only;\n      AGPL-3.0-only,\n      MIT\n    </CommonsDeniedLicenses>\n");

        var build = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false");

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertFindingWithoutCrash(build, "CMN0008", "'MIT'");
    }
}
