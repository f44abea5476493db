// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Testing;
using Commons.Hardening.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>
/// Issue 18, classes 4, 6, 7 and 8 through the tool as users run it, out of process, on generated repositories: FIFOs,
/// character devices, 3 GB sparse files, links out of the repository, binary files and escape sequences where the
/// commands that need no MSBuild (<c>headers</c>, <c>inventory</c>, <c>identify</c>) read. Every run ends in time with exit
/// code 0, 1 or 2, without a stack trace, without a raw control character, and without a byte of the secret outside.
/// </summary>
public sealed class CliHostileTests : IDisposable
{
    private static readonly string[] Names =
    {
        "LICENSE", "COPYING", "README.md", "CONTRIBUTING.md", "AUTHORS", "src/A.cs", "src/Deep/B.cs", "src/\u001b[2J\u202Eevil.cs", "logo.png",
        "logo.png.license", "docs/guide.md", "data/table.json", "NOTICE", "publiccode.yml",
    };

    private readonly ITestOutputHelper output;
    private readonly Scratch scratch = new("cli");
    private readonly string secret = "SECRET-" + Guid.NewGuid().ToString("N");
    private readonly string outsideFile;
    private readonly string outsideFolder;

    public CliHostileTests(ITestOutputHelper output)
    {
        this.output = output;
        outsideFolder = Path.Combine(scratch.Root, "outside");
        var text = "// SPDX-License-Identifier: " + secret + "\n// SPDX-FileCopyrightText: 2024 " + secret + "\nCopyright 2024 " + secret + "\n";
        outsideFile = Scratch.Write(outsideFolder, "secret.txt", Encoding.UTF8.GetBytes(text));
        foreach (var name in new[] { "A.cs", "LICENSE", "README.md", "CONTRIBUTING.md", "guide.md" })
        {
            Scratch.Write(outsideFolder, name, Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>Text that drives a terminal: ESC sequences, a C1 CSI, a bidi override, a line separator, among copyright lines and tags.</summary>
    private static readonly Gen<byte[]> EscapeText = Gen.OneOf("\u001b[2J\u001b]0;title\u0007", "\u009b31m", "\u202Egnp.exe", "\u2028", "\r", "\u0000").Array[1, 4]
        .Select(parts => Encoding.UTF8.GetBytes("// SPDX-License-Identifier: MIT" + parts[0] + "\n// SPDX-FileCopyrightText: 2024 Holder" + string.Concat(parts) + "\nCopyright 2024 " + string.Concat(parts) + "\n"));

    public static Gen<(string Name, EntryShape Shape, byte[] Content)[]> RepositoryGen { get; } = Gen.Select(
        Gen.OneOf(Names),
        Gen.Frequency((4, Gen.Const(EntryShape.Bytes)), (3, Gen.Enum<EntryShape>())),
        Gen.OneOf(EscapeText, Mutations.BytesOf(Gen.Const("// SPDX-License-Identifier: MIT\n// Copyright 2024 Someone\n"))),
        (name, shape, content) => (name, shape, content)).Array[1, 8];

    public void Dispose() => scratch.Dispose();

    /// <summary>Class 4, 6, 7 and 8, generated: headers, inventory and identify on repositories of every hostile shape.</summary>
    [Fact]
    public void Generated_hostile_repositories_give_headers_inventory_and_identify_an_answer_without_leak()
    {
        Property.Check(output, "cli/generated", RepositoryGen, entries =>
        {
            var root = scratch.NewFolder();
            Directory.CreateDirectory(Path.Combine(root, ".git"));
            foreach (var (name, shape, content) in entries)
            {
                Scratch.Create(Path.Combine(root, name), shape, content, outsideFile, outsideFolder);
            }

            HostileTool.AssertHandled(HostileTool.Run(root, HostileTool.QuickLimit, "headers", root), secret);
            HostileTool.AssertHandled(HostileTool.Run(root, HostileTool.QuickLimit, "inventory", root, "--format", "json"), secret);
            // identify prints the paths it is given as given (a user's own arguments): names with control characters stay out.
            var paths = entries.Select(e => e.Name).Where(n => !n.Any(Commons.Compliance.Input.Printable.MustEscape)).Distinct().DefaultIfEmpty("LICENSE");
            var identified = HostileTool.Run(root, HostileTool.QuickLimit, new[] { "identify" }.Concat(paths).ToArray());
            HostileTool.AssertHandled(identified, secret);
            Assert.Equal(0, identified.ExitCode);
        }, iter: 8, print: entries => string.Join(", ", entries.Select(e => e.Name + ":" + e.Shape + ":" + e.Content.Length)));
    }

    /// <summary>
    /// Found by cli/generated: a header tag holding a C1 CSI (U+009B) reached the terminal raw through <c>commons headers</c>;
    /// the finding escaped its arguments but built its message from the raw ones (fixed in Finding).
    /// </summary>
    [Fact]
    public void Regression_seed_001rtUOJwac2_a_C1_control_in_a_header_tag_reached_the_terminal()
    {
        Property.Check(output, "cli/regression", RepositoryGen, entries =>
        {
            var root = scratch.NewFolder();
            foreach (var (name, shape, content) in entries)
            {
                Scratch.Create(Path.Combine(root, name), shape, content, outsideFile, outsideFolder);
            }

            HostileTool.AssertHandled(HostileTool.Run(root, HostileTool.QuickLimit, "headers", root), secret);
        }, iter: 1, print: entries => string.Join(", ", entries.Select(e => e.Name + ":" + e.Shape + ":" + e.Content.Length)), seed: "001rtUOJwac2");
    }

    /// <summary>Issue 18, classes 4 and 6: the examples that hung or crashed headers, identify and inventory.</summary>
    [Fact]
    public void Regression_issue_18_fifos_a_device_and_a_3GB_file_do_not_hang_or_crash_headers_identify_and_inventory()
    {
        var root = scratch.NewFolder();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Scratch.Create(Path.Combine(root, "src", "Fifo.cs"), EntryShape.Fifo, Array.Empty<byte>(), outsideFile, outsideFolder);
        Scratch.Create(Path.Combine(root, "LICENSE"), EntryShape.Fifo, Array.Empty<byte>(), outsideFile, outsideFolder);
        Scratch.Create(Path.Combine(root, "COPYING"), EntryShape.CharacterDevice, Array.Empty<byte>(), outsideFile, outsideFolder);
        Scratch.Create(Path.Combine(root, "LICENSE.md"), EntryShape.HugeSparse, Array.Empty<byte>(), outsideFile, outsideFolder);
        Scratch.Create(Path.Combine(root, "src", "Huge.cs"), EntryShape.HugeSparse, Array.Empty<byte>(), outsideFile, outsideFolder);

        var headers = HostileTool.Run(root, HostileTool.QuickLimit, "headers", root);
        var identify = HostileTool.Run(root, HostileTool.QuickLimit, "identify", "LICENSE", "COPYING", "LICENSE.md", "src/Fifo.cs");
        var inventory = HostileTool.Run(root, HostileTool.QuickLimit, "inventory", root);

        HostileTool.AssertHandled(headers, secret);
        Assert.Equal(1, headers.ExitCode);
        HostileTool.AssertHandled(identify, secret);
        Assert.Equal(0, identify.ExitCode);
        Assert.Contains("LICENSE: NOASSERTION", identify.Output, StringComparison.Ordinal);
        HostileTool.AssertHandled(inventory, secret);
        Assert.Equal(0, inventory.ExitCode);
    }

    /// <summary>Issue 18, class 7: <c>commons inventory</c> followed links in the repository and listed the target's copyright lines.</summary>
    [Fact]
    public void Regression_issue_18_inventory_lists_nothing_from_behind_a_link()
    {
        var root = scratch.NewFolder();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.CreateSymbolicLink(Path.Combine(root, "Linked.cs"), outsideFile);
        Directory.CreateSymbolicLink(Path.Combine(root, "docs"), outsideFolder);
        File.WriteAllBytes(Path.Combine(root, "logo.png"), new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        File.CreateSymbolicLink(Path.Combine(root, "logo.png.license"), outsideFile);
        File.CreateSymbolicLink(Path.Combine(root, "CONTRIBUTING.md"), outsideFile);

        var inventory = HostileTool.Run(root, HostileTool.QuickLimit, "inventory", root, "--format", "json");

        HostileTool.AssertHandled(inventory, secret);
        Assert.Equal(0, inventory.ExitCode);
    }

    /// <summary>Issue 18, classes 6 and 8: output that cannot be written is exit code 2 and one line, and "wrote" only after success.</summary>
    [Fact]
    public void Regression_issue_18_a_full_device_as_output_is_exit_code_2_with_one_line()
    {
        var root = scratch.NewFolder();
        File.WriteAllText(Path.Combine(root, "A.cs"), "// SPDX-License-Identifier: MIT\n");

        var toFile = HostileTool.Run(root, HostileTool.QuickLimit, "inventory", root, "-o", "/dev/full");
        var toStdout = HostileTool.RunWithStandardOutput(root, "/dev/full", "inventory", root);
        var expression = HostileTool.RunWithStandardOutput(root, "/dev/full", "expression", "MIT");
        var toFolder = HostileTool.Run(root, HostileTool.QuickLimit, "inventory", root, "-o", root);

        foreach (var run in new[] { toFile, toStdout, expression, toFolder })
        {
            HostileTool.AssertHandled(run);
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.DoesNotContain("wrote", run.Output, StringComparison.Ordinal);
            Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("error: ", StringComparison.Ordinal));
        }

        Assert.Contains("standard output", toStdout.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_result_file_is_written_whole_and_wrote_comes_after()
    {
        var root = scratch.NewFolder();
        File.WriteAllText(Path.Combine(root, "A.cs"), "// SPDX-License-Identifier: MIT\n");
        var target = Path.Combine(root, "out", "inventory.md");

        var run = HostileTool.Run(root, HostileTool.QuickLimit, "inventory", root, "-o", target);

        HostileTool.AssertHandled(run);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("wrote " + target, run.Output, StringComparison.Ordinal);
        Assert.StartsWith("# Inventory of resources", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(new[] { target }, Directory.GetFiles(Path.Combine(root, "out")));
    }
}

/// <summary>
/// One restored repository whose package folder was tampered with after restore, as a hand-made or hostile package folder
/// may be: a licence file, a NOTICE and a folder linked out of the folder, a FIFO for the checksum file, a nuspec whose
/// copyright holds C1 controls and a bidi override, a NOTICE of escape sequences; and in the repository, a FIFO named
/// LICENSE, a character device named COPYING and a 3 GB LICENSE.md.
/// </summary>
public sealed class TamperedPackagesRepository : IDisposable
{
    public TamperedPackagesRepository()
    {
        Repository = new SampleRepository("hostile-cli");
        Outside = Path.Combine(Path.GetTempPath(), "commons-hostile-outside-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        var text = "Copyright 2024 " + Secret + "\nSPDX-FileCopyrightText: " + Secret + "\n" + Commons.Licensing.SpdxCatalog.Default.GetText("ISC");
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "secret.txt"), text);
        File.WriteAllText(Path.Combine(Outside, "LICENSE.txt"), text);

        var mit = Commons.Licensing.SpdxCatalog.Default.GetText("MIT")!;
        Repository.AddPackage(new FixturePackage("Fix.LinkedLicense").WithLicenseFile("LICENSE.txt", mit));
        Repository.AddPackage(new FixturePackage("Fix.LinkedFolder").WithLicenseFile("legal/LICENSE.txt", mit));
        Repository.AddPackage(new FixturePackage("Fix.LinkedNotice").WithExpression("MIT").WithFile("NOTICE", Encoding.UTF8.GetBytes("Notice\n")));
        Repository.AddPackage(new FixturePackage("Fix.FifoChecksum").WithExpression("MIT"));
        Repository.AddPackage(new FixturePackage("Fix.Escapes").WithExpression("MIT").WithFile("NOTICE.txt", Encoding.UTF8.GetBytes("Copyright 2024 \u001b[2J\u001b]0;pwned\u0007 Holder\n\u202Etxt.exe\n")));
        Repository.WriteFile("App/App.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <PackageLicenseExpression>MIT</PackageLicenseExpression>\n  </PropertyGroup>\n  <ItemGroup>\n"
            + string.Concat(new[] { "Fix.LinkedLicense", "Fix.LinkedFolder", "Fix.LinkedNotice", "Fix.FifoChecksum", "Fix.Escapes" }.Select(id => "    <PackageReference Include=\"" + id + "\" Version=\"1.0.0\" />\n"))
            + "  </ItemGroup>\n</Project>\n");
        Repository.WriteFile("App/Class1.cs", "namespace App;\n\npublic static class Class1\n{\n}\n");
        var restore = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "restore", Repository.PathOf("App/App.csproj"));
        Assert.True(restore.ExitCode == 0, restore.ToString());

        string Package(string id) => Path.Combine(Repository.PackagesFolder, id.ToLowerInvariant(), "1.0.0");
        Replace(Path.Combine(Package("Fix.LinkedLicense"), "LICENSE.txt"), path => File.CreateSymbolicLink(path, Path.Combine(Outside, "secret.txt")));
        Replace(Path.Combine(Package("Fix.LinkedFolder"), "legal"), path => Directory.CreateSymbolicLink(path, Outside));
        Replace(Path.Combine(Package("Fix.LinkedNotice"), "NOTICE"), path => File.CreateSymbolicLink(path, Path.Combine(Outside, "secret.txt")));
        Replace(Path.Combine(Package("Fix.FifoChecksum"), "fix.fifochecksum.1.0.0.nupkg.sha512"), Scratch.MakeFifo);
        var nuspec = Path.Combine(Package("Fix.Escapes"), "fix.escapes.nuspec");
        File.WriteAllText(nuspec, File.ReadAllText(nuspec).Replace("</description>", "</description>\n    <copyright>Copyright 2024 Evil\u009b2J\u0085Corp\u202Elive</copyright>", StringComparison.Ordinal));

        Scratch.MakeFifo(Repository.PathOf("LICENSE"));
        Scratch.MakeZeroDevice(Repository.PathOf("COPYING"));
        Scratch.MakeSparse(Repository.PathOf("LICENSE.md"), 3L << 30);
    }

    /// <summary>What lies outside the repository: no output may hold it.</summary>
    public string Secret { get; } = "SECRET-" + Guid.NewGuid().ToString("N");

    public SampleRepository Repository { get; }

    public string Outside { get; }

    public void Dispose()
    {
        Repository.Dispose();
        try
        {
            Directory.Delete(Outside, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Replace(string path, Action<string> create)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }

        create(path);
    }
}

/// <summary>
/// Issue 18, classes 4, 6, 7 and 8 in the commands that read package folders (<c>notices</c>, <c>sbom</c>) and in <c>check</c>:
/// no hang on the FIFO checksum or LICENSE, no byte from behind a link, no raw control character, exit codes 0, 1 or 2.
/// </summary>
public sealed class PackageFolderCliHostileTests : IClassFixture<TamperedPackagesRepository>
{
    private readonly TamperedPackagesRepository fixture;

    public PackageFolderCliHostileTests(TamperedPackagesRepository fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void Regression_issue_18_notices_print_nothing_from_behind_a_link_and_no_raw_control_character()
    {
        var notices = HostileTool.Run(fixture.Repository.Root, HostileTool.ProjectLimit, "notices", fixture.Repository.PathOf("App/App.csproj"));

        HostileTool.AssertHandled(notices, fixture.Secret);
        Assert.Equal(0, notices.ExitCode);
        Assert.Contains("## Fix.LinkedNotice", notices.Output, StringComparison.Ordinal);
        Assert.Contains("\\u009B2J", notices.Output, StringComparison.Ordinal);
        Assert.Contains("\\u001B\\[2J", notices.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ISC", notices.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spdx-json")]
    [InlineData("cyclonedx-json")]
    public void Regression_issue_18_sbom_ends_with_a_fifo_as_checksum_file_and_as_LICENSE(string format)
    {
        var sbom = HostileTool.Run(fixture.Repository.Root, HostileTool.ProjectLimit, "sbom", fixture.Repository.PathOf("App/App.csproj"), "--format", format);

        HostileTool.AssertHandled(sbom, fixture.Secret);
        Assert.Equal(0, sbom.ExitCode);
        Assert.Contains("Fix.FifoChecksum", sbom.Output, StringComparison.Ordinal);
    }

    /// <summary>Class 7: the process environment as policy file (<c>/proc/self/environ</c>) reaches no output, SARIF included.</summary>
    [Fact]
    public void Regression_issue_18_check_with_the_environment_as_policy_file_leaks_nothing()
    {
        Environment.SetEnvironmentVariable("COMMONS_HOSTILE_SECRET", fixture.Secret);
        try
        {
            var check = HostileTool.Run(fixture.Repository.Root, HostileTool.ProjectLimit, "check", fixture.Repository.PathOf("App/App.csproj"), "--format", "sarif", "--policy-file", "/proc/self/environ");

            HostileTool.AssertHandled(check, fixture.Secret);
            Assert.DoesNotContain("COMMONS_HOSTILE_SECRET", check.Output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMMONS_HOSTILE_SECRET", null);
        }
    }

    [Fact]
    public void Regression_issue_18_notices_to_a_full_device_is_exit_code_2_and_no_wrote()
    {
        var notices = HostileTool.Run(fixture.Repository.Root, HostileTool.ProjectLimit, "notices", fixture.Repository.PathOf("App/App.csproj"), "-o", "/dev/full");

        HostileTool.AssertHandled(notices, fixture.Secret);
        Assert.True(notices.ExitCode == 2, notices.ToString());
        Assert.DoesNotContain("wrote", notices.Output, StringComparison.Ordinal);
    }
}
