// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Commons.EndToEnd.Tests.Infrastructure;

namespace Commons.EndToEnd.Tests;

/// <summary>
/// Issue 5 §3: the squiggle an editor shows. Starts the csharp-ls language server (a real Roslyn host, installed as a
/// dotnet tool) on a sample that uses the freshly packed package, opens a source file without an SPDX header, and
/// waits until the diagnostics the server publishes, or returns to a pull request, include our header diagnostic.
/// Slow (installs a tool, loads a workspace): trait <c>Category=Editor</c> lets a quick run leave it out.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "Editor")]
public sealed class EditorTests
{
    public const string CsharpLsVersion = "0.28.0";
    private const string NoSpdxLicenseIdentifier = "CMN0401";
    private const string ProjectPath = "src/Sample/Sample.csproj";
    private const string UnheadedSource = "src/Sample/Unheaded.cs";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly PackedPackage package;

    public EditorTests(PackedPackage package) => this.package = package;

    [Fact]
    public async Task CsharpLs_PublishesTheHeaderDiagnostic_ForAFileWithoutSpdxHeader()
    {
        var sample = new PackageSample(package, "editor");
        sample.Write("LICENSE", SampleFiles.ApacheLicense);
        sample.Write("README.md", SampleFiles.CommunityFiles["README.md"]);
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "Apache-2.0", extraProperties: "\n    <CommonsSpdxHeaders>true</CommonsSpdxHeaders>"));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "Apache-2.0"));
        var source = sample.Write(UnheadedSource, SampleFiles.Source("Unheaded", null));
        sample.Write("Sample.sln", Solution());

        // The command-line build is the control: it must report the header finding, so a missing squiggle is the server's doing.
        var build = sample.Build(ProjectPath);
        Assert.True(build.Process.Succeeded, build.Describe());
        Assert.Contains(build.OfRule(NoSpdxLicenseIdentifier), r => Path.GetFileName(r.FilePath) == "Unheaded.cs");

        var server = InstallCsharpLs();
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder };
        var published = new ConcurrentQueue<(string Uri, string[] Codes)>();
        // csharp-ls runs analyzers only when the editor turns on its csharp.analyzersEnabled setting (off by default since 0.24).
        var settings = new Dictionary<string, JsonNode> { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };
        using var client = new LspClient(server, new[] { "--loglevel", "info", "--solution", "Sample.sln" }, sample.Root, environment, settings);
        client.Notification += (method, parameters) =>
        {
            if (method == "textDocument/publishDiagnostics" && parameters is not null)
            {
                published.Enqueue((parameters["uri"]!.GetValue<string>(), Codes(parameters["diagnostics"])));
            }
        };

        var uri = new Uri(source).AbsoluteUri;
        await client.RequestAsync("initialize", Initialize(sample.Root), Patience);
        client.Notify("initialized", new JsonObject());
        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(source) },
        });

        var deadline = DateTime.UtcNow + Patience;
        var pulled = Array.Empty<string>();
        while (DateTime.UtcNow < deadline)
        {
            if (published.Any(p => SameFile(p.Uri, uri) && p.Codes.Contains(NoSpdxLicenseIdentifier)))
            {
                return;
            }

            pulled = await PullDiagnostics(client, uri);
            if (pulled.Contains(NoSpdxLicenseIdentifier))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        Assert.Fail($"csharp-ls showed no {NoSpdxLicenseIdentifier} for {UnheadedSource} within {Patience}. Last pulled codes: [{string.Join(", ", pulled)}]; "
            + $"published: {string.Join("; ", published.Select(p => $"{p.Uri} [{string.Join(", ", p.Codes)}]"))}{Environment.NewLine}{client.Transcript}");
    }

    /// <summary>Installs the served csharp-ls as a local tool into the run's temporary folder (once per run).</summary>
    private string InstallCsharpLs()
    {
        var toolPath = Path.Combine(package.Root, "tools");
        var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
        if (!File.Exists(executable))
        {
            var install = DotnetProcess.Run(package.Root, new[] { "tool", "install", "csharp-ls", "--version", CsharpLsVersion, "--tool-path", toolPath });
            Assert.True(install.Succeeded, install.Describe());
        }

        return executable;
    }

    private static async Task<string[]> PullDiagnostics(LspClient client, string uri)
    {
        try
        {
            var report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, TimeSpan.FromSeconds(60));
            return Codes(report?["items"]);
        }
        catch (InvalidOperationException)
        {
            // The server may not support pull diagnostics yet (or not until the workspace is loaded): keep waiting for pushes.
            return Array.Empty<string>();
        }
        catch (TimeoutException)
        {
            return Array.Empty<string>();
        }
    }

    private static string[] Codes(JsonNode? diagnostics)
        => diagnostics is JsonArray array
            ? array.Select(d => d?["code"]?.ToString()).Where(c => c is not null).Select(c => c!).ToArray()
            : Array.Empty<string>();

    private static bool SameFile(string left, string right)
        => string.Equals(Uri.UnescapeDataString(left), Uri.UnescapeDataString(right), StringComparison.Ordinal);

    private static JsonObject Initialize(string root) => new()
    {
        ["processId"] = Environment.ProcessId,
        ["rootUri"] = new Uri(root + Path.DirectorySeparatorChar).AbsoluteUri,
        ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(root + Path.DirectorySeparatorChar).AbsoluteUri, ["name"] = "sample" }),
        ["capabilities"] = new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true },
                ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                ["synchronization"] = new JsonObject { ["didSave"] = true },
            },
            ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
            ["window"] = new JsonObject { ["workDoneProgress"] = true },
        },
    };

    /// <summary>A classic .sln with the one project: what csharp-ls's <c>--solution</c> loads.</summary>
    private static string Solution() => """
        Microsoft Visual Studio Solution File, Format Version 12.00
        # Visual Studio Version 17
        Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Sample", "src\Sample\Sample.csproj", "{5E6A1C22-7D3B-4C1E-9A55-0B6C2F1D3E4A}"
        EndProject
        Global
        	GlobalSection(SolutionConfigurationPlatforms) = preSolution
        		Debug|Any CPU = Debug|Any CPU
        	EndGlobalSection
        	GlobalSection(ProjectConfigurationPlatforms) = postSolution
        		{5E6A1C22-7D3B-4C1E-9A55-0B6C2F1D3E4A}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{5E6A1C22-7D3B-4C1E-9A55-0B6C2F1D3E4A}.Debug|Any CPU.Build.0 = Debug|Any CPU
        	EndGlobalSection
        EndGlobal

        """;
}
