// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Commons.Cli.Projects;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Commons.Cli.Tests;

/// <summary>
/// The analyzer and <c>commons check</c> never disagree: the input the CLI builds for a project (properties, repository and
/// project files, facts) is handed to the real analyzers as a compiler would (build_property.*, AdditionalFiles with
/// CommonsFileKind, the facts file), and both must report the same findings, source headers included.
/// </summary>
public sealed class CheckMatchesAnalyzerTests
{
    [Fact]
    public async System.Threading.Tasks.Task SameProject_SameFindings()
    {
        using var repo = new TempCopy();
        repo.Write("LICENSE", File.ReadAllText(Path.Combine(TempCopy.Sample, "LICENSE")));
        repo.Write("README.md", "# Lib\n\nDoes things.\n");
        var projectFile = repo.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <PackageLicenseExpression>Apache-2.0</PackageLicenseExpression>\n  </PropertyGroup>\n</Project>\n");
        var withHeader = repo.Write("src/Lib/A.cs", "// SPDX-License-Identifier: GPL-3.0\n// SPDX-FileCopyrightText: 2025 Jane\nclass A { }\n");
        var withoutHeader = repo.Write("src/Lib/B.cs", "class B { }\n");
        var project = new EvaluatedProject(projectFile);
        foreach (var (name, value) in new[]
        {
            ("MSBuildProjectFullPath", projectFile), ("TargetFramework", "net10.0"), ("PackageLicenseExpression", "Apache-2.0"),
            ("IsPackable", "true"), ("CommonsSpdxHeaders", "true"), ("CommonsRepositoryRoot", repo.Root), ("PackageId", "Lib"),
            ("ProjectAssetsFile", repo.PathOf("src/Lib/obj/project.assets.json")),
        })
        {
            project.Properties[name] = value;
        }

        project.CompileFiles.Add(withHeader);
        project.CompileFiles.Add(withoutHeader);
        project.DeclaringFiles.Add(projectFile);

        var cli = Workspace.Analyze(project);
        var analyzer = await RunAnalyzers(cli, repo.PathOf("src/Lib/obj/commons.facts"));

        var fromCli = cli.Findings.Select(f => Key(f.RuleId, f.Location?.Path, f.Location?.Line, f.Message)).OrderBy(k => k).ToArray();
        var fromAnalyzer = analyzer.Select(d => Key(d.Id, d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile ? d.Location.GetLineSpan().Path : null,
            d.Location == Location.None ? null : d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).OrderBy(k => k).ToArray();
        Assert.NotEmpty(fromCli);
        Assert.Contains(fromCli, k => k.StartsWith("CMN0401 " + withoutHeader));
        Assert.Contains(fromCli, k => k.StartsWith("CMN0005") || k.StartsWith("CMN0403"));
        Assert.Equal(fromCli, fromAnalyzer);
    }

    private static string Key(string id, string? path, int? line, string message) => id + " " + path + "(" + line + ") " + message;

    private static async System.Threading.Tasks.Task<ImmutableArray<Diagnostic>> RunAnalyzers(AnalyzedProject cli, string factsPath)
    {
        var trees = cli.Project.CompileFiles.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToArray();
        var compilation = CSharpCompilation.Create("Lib", trees, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = new List<(AdditionalText Text, string Kind)>();
        foreach (var file in cli.Input.Files)
        {
            additional.Add((new MemoryText(file.Path, file.Text), file.Kind));
        }

        additional.Add((new MemoryText(factsPath, FactsFormat.Write(cli.Facts)), TextFileKinds.Facts));
        var global = new Dictionary<string, string>
        {
            ["build_property." + PropertyEncoding.PropertyName] = PropertyEncoding.Encode(PropertyNames.All.ToDictionary(n => n, n => cli.Input.Properties.Get(n) ?? "")),
        };
        var provider = new Options(global, additional.ToDictionary(a => a.Text, a => a.Kind));
        var analyzers = typeof(Commons.Analyzers.CMN0401SourceHeaderAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .Select(t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var options = new AnalyzerOptions(additional.Select(a => a.Text).ToImmutableArray(), provider);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.Where(d => d.Id.StartsWith("CMN")).ToImmutableArray();
    }

    private sealed class MemoryText : AdditionalText
    {
        private readonly string text;

        public MemoryText(string path, string text)
        {
            Path = path;
            this.text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<AdditionalText, string> kinds;

        public Options(Dictionary<string, string> global, Dictionary<AdditionalText, string> kinds)
        {
            GlobalOptions = new Values(global);
            this.kinds = kinds;
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => new Values(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CommonsFileKind"] = kinds[textFile] });
    }

    private sealed class Values : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values;

        public Values(Dictionary<string, string> values)
        {
            this.values = values;
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
