// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Text.Json;
using Commons.Testing;

namespace Commons.Cli.Tests;

/// <summary>
/// Machine-readable output stays machine-readable: the .NET host prints the installed SDKs on the process's standard output
/// when a global.json names an SDK this machine does not have (found on Humanizer, whose global.json asks for an 11.0
/// preview), and that text followed the JSON document.
/// </summary>
public sealed class StandardOutputTests : IDisposable
{
    private const string Project = "src/App/App.csproj";

    private readonly SampleRepository repository = new("missing-sdk");

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void A_global_json_naming_a_missing_sdk_leaves_the_document_on_standard_output_whole(string format)
    {
        repository.WriteFile("LICENSE", File.ReadAllText(Path.Combine(TempCopy.Sample, "LICENSE")));
        repository.WriteFile("README.md", "# App\n\nWhat it is.\n");
        repository.WriteFile(Project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <PackageLicenseExpression>MIT</PackageLicenseExpression>\n  </PropertyGroup>\n</Project>\n");
        var restore = DotnetRunner.Run(repository.Root, TimeSpan.FromMinutes(4), "restore", repository.PathOf(Project), "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        repository.WriteFile("global.json", "{ \"sdk\": { \"version\": \"99.0.100\" } }\n");

        var result = Cli.Run(repository.Root, "check", "--format", format);

        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Contains("global.json", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The tool writes where the shell's file offset stands, and moves it: a FileStream over the reserved descriptor wrote
    /// from position 0 of a redirected file, over what the commands before it had written, and the next command wrote over
    /// the tool's output.
    /// </summary>
    [Fact]
    public void Output_redirected_to_a_file_goes_between_what_the_commands_around_it_write()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        repository.WriteFile("LICENSE", File.ReadAllText(Path.Combine(TempCopy.Sample, "LICENSE")));
        var output = repository.PathOf("out.txt");
        var script = "{ echo before; dotnet \"$0\" identify LICENSE --format tsv; echo after; } > \"$1\"";

        var result = DotnetRunner.RunProgram("/bin/sh", repository.Root, TimeSpan.FromMinutes(2), "-c", script, Cli.ToolPath, output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllText(output).Split('\n');
        Assert.Equal(new[] { "before", "LICENSE\tMIT\t100", "after", string.Empty }, lines);
    }

    public void Dispose() => repository.Dispose();
}
