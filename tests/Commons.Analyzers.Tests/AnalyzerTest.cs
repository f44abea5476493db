// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Commons.Analyzers.Tests;

/// <summary>
/// A test project as the package's targets would hand it to the compiler: <c>build_property.*</c> values and
/// AdditionalFiles with their <c>CommonsFileKind</c>, both written into a global analyzer config.
/// </summary>
public sealed class AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string Root = "/0/";
    public const string ProjectPath = Root + "App.csproj";
    public const string FactsPath = Root + "obj/commons.facts";

    private static readonly ReferenceAssemblies NoPackages = new("net8.0");

    private readonly Dictionary<string, string> properties = new()
    {
        ["MSBuildProjectFullPath"] = ProjectPath,
        ["TargetFramework"] = "net8.0",
    };

    private readonly List<(string Kind, string Path, string Text)> files = new();
    private readonly List<string> sources = new() { "class C { }\n" };
    private readonly List<DiagnosticResult> expected = new();
    private string editorConfig = "";
    private string globalConfig = "";
    private bool baselineSuppressor;

    public AnalyzerTest<TAnalyzer> Property(string name, string value)
    {
        properties[name] = value;
        return this;
    }

    public AnalyzerTest<TAnalyzer> File(string kind, string path, string text)
    {
        files.Add((kind, path, text));
        return this;
    }

    public AnalyzerTest<TAnalyzer> Facts(ProjectFacts facts)
    {
        facts.ProjectPath = facts.ProjectPath.Length == 0 ? ProjectPath : facts.ProjectPath;
        return File("Facts", FactsPath, FactsFormat.Write(facts));
    }

    public AnalyzerTest<TAnalyzer> Source(string text)
    {
        sources.Clear();
        sources.Add(text);
        return this;
    }

    /// <summary>Several source files: <c>/0/Test0.cs</c>, <c>/0/Test1.cs</c> …, in order.</summary>
    public AnalyzerTest<TAnalyzer> Sources(params string[] texts)
    {
        sources.Clear();
        sources.AddRange(texts);
        return this;
    }

    /// <summary>Severity overrides as a user writes them in .editorconfig.</summary>
    public AnalyzerTest<TAnalyzer> EditorConfig(string lines)
    {
        editorConfig = lines;
        return this;
    }

    /// <summary>
    /// Severity overrides in a <c>.globalconfig</c>: the only analyzer config that reaches project-level diagnostics
    /// (those located in no source file), so rules.md recommends it for every build-only rule.
    /// </summary>
    public AnalyzerTest<TAnalyzer> GlobalConfig(string lines)
    {
        globalConfig = lines;
        return this;
    }

    /// <summary>Runs <see cref="BaselineSuppressor"/> beside the analyzer, as the package does: recorded findings come out suppressed.</summary>
    public AnalyzerTest<TAnalyzer> WithBaselineSuppressor()
    {
        baselineSuppressor = true;
        return this;
    }

    public AnalyzerTest<TAnalyzer> Expect(params DiagnosticResult[] results)
    {
        expected.AddRange(results);
        return this;
    }

    public Task RunAsync()
    {
        // A header diagnostic sits at the very start of the file, before any '#pragma warning disable' the framework would
        // insert to check suppression (StyleCop's header tests skip that check for the same reason).
        var test = baselineSuppressor ? new WithSuppressor() : new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        test.TestBehaviors = TestBehaviors.SkipSuppressionCheck;
        Configure(test.TestState, test.ReferenceAssemblies = NoPackages);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public Task RunFixAsync<TFix>(string fixedSource, int iterations = 1)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = NoPackages,
            NumberOfFixAllIterations = iterations,
            NumberOfFixAllInDocumentIterations = iterations,
            NumberOfFixAllInProjectIterations = iterations,
            NumberOfIncrementalIterations = iterations,
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
        };
        Configure(test.TestState, NoPackages);
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.Sources.Add(fixedSource);
        return test.RunAsync();
    }

    /// <summary>Fix All over several documents: every source becomes its fixed counterpart.</summary>
    public Task RunFixAllAsync<TFix>(string[] sourcesBefore, string[] sourcesAfter)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> { ReferenceAssemblies = NoPackages, TestBehaviors = TestBehaviors.SkipSuppressionCheck };
        sources.Clear();
        sources.AddRange(sourcesBefore);
        Configure(test.TestState, NoPackages);
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.Sources.AddRange(sourcesAfter.Select((s, i) => ("/0/Test" + i + ".cs", Microsoft.CodeAnalysis.Text.SourceText.From(s))));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.CodeActionValidationMode = CodeActionValidationMode.None;
        return test.RunAsync();
    }

    private void Configure(SolutionState state, ReferenceAssemblies _)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            state.Sources.Add(("/0/Test" + i + ".cs", sources[i]));
        }

        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        var config = new StringBuilder("is_global = true\n").Append(globalConfig).Append('\n');
        config.Append("build_property.").Append(PropertyEncoding.PropertyName).Append(" = ").Append(PropertyEncoding.Encode(properties)).Append('\n');

        foreach (var (kind, path, text) in files)
        {
            state.AdditionalFiles.Add((path, text));
            config.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.CommonsFileKind = ").Append(kind).Append('\n');
        }

        state.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        if (editorConfig.Length > 0)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorConfig + "\n"));
        }
    }

    private sealed class WithSuppressor : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => base.GetDiagnosticAnalyzers().Append(new BaselineSuppressor());
    }
}
