// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Commons.Analyzers;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Commons.Benchmarks;

/// <summary>
/// The compile-time cost of the analyzers: a synthetic 2,000-file project compiled (binding + emit) without and with
/// every Commons analyzer, SPDX headers on, facts with 200 packages.
/// <c>dotnet run -c Release --project tests/Commons.Benchmarks -- --filter '*AnalyzerOverhead*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class AnalyzerOverheadBenchmark
{
    public const int FileCount = 2000;

    private ImmutableArray<SyntaxTree> trees;
    private MetadataReference[] references = Array.Empty<MetadataReference>();
    private ImmutableArray<DiagnosticAnalyzer> analyzers;
    private AnalyzerOptions options = null!;
    private CSharpCompilation compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        trees = Enumerable.Range(0, FileCount)
            .Select(i => CSharpSyntaxTree.ParseText(SourceFile(i), parseOptions, path: "/bench/src/File" + i + ".cs"))
            .ToImmutableArray();
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        references = new[] { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Collections.dll", "System.Linq.dll", "netstandard.dll" }
            .Select(n => Path.Combine(runtime, n)).Where(File.Exists).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
        analyzers = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        options = CreateOptions();
    }

    [IterationSetup]
    public void NewCompilation()
        => compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    [Benchmark(Baseline = true)]
    public int CompileWithoutAnalyzers()
    {
        var diagnostics = compilation.GetDiagnostics();
        using var stream = new MemoryStream();
        compilation.Emit(stream);
        return diagnostics.Length;
    }

    [Benchmark]
    public async Task<int> CompileWithAnalyzers()
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        using var stream = new MemoryStream();
        compilation.Emit(stream);
        return diagnostics.Length;
    }

    /// <summary>
    /// A quick A/B measurement for a loaded machine: without and with analyzers interleaved, so that load changes hit
    /// both sides alike; returns the medians in milliseconds.
    /// </summary>
    public static (double WithoutMs, double WithMs) Measure(int rounds, Action<string>? log = null)
    {
        var benchmark = new AnalyzerOverheadBenchmark();
        benchmark.Setup();
        var without = new List<double>();
        var with = new List<double>();
        for (var round = -1; round < rounds; round++)
        {
            benchmark.NewCompilation();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            benchmark.CompileWithoutAnalyzers();
            var a = watch.Elapsed.TotalMilliseconds;
            benchmark.NewCompilation();
            watch.Restart();
            benchmark.CompileWithAnalyzers().GetAwaiter().GetResult();
            var b = watch.Elapsed.TotalMilliseconds;
            log?.Invoke("round " + round + ": without " + a.ToString("0") + " ms, with " + b.ToString("0") + " ms");
            if (round >= 0)
            {
                without.Add(a);
                with.Add(b);
            }
        }

        static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        return (Median(without), Median(with));
    }

    /// <summary>
    /// The analyzers' share alone: compile (bind + emit), then run only the analyzers on the same, already bound
    /// compilation. Our analyzers need no binding, so the second figure is their cost; both are timed in the same round,
    /// which keeps the ratio meaningful on a loaded machine. Returns the medians in milliseconds.
    /// </summary>
    public static (double CompileMs, double AnalyzersMs) MeasureAnalyzersAlone(int rounds, Action<string>? log = null)
    {
        var benchmark = new AnalyzerOverheadBenchmark();
        benchmark.Setup();
        var compile = new List<double>();
        var analyze = new List<double>();
        for (var round = -1; round < rounds; round++)
        {
            benchmark.NewCompilation();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            benchmark.CompileWithoutAnalyzers();
            var a = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var withAnalyzers = benchmark.compilation.WithAnalyzers(benchmark.analyzers, new CompilationWithAnalyzersOptions(benchmark.options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var count = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;
            var b = watch.Elapsed.TotalMilliseconds;
            log?.Invoke("round " + round + ": compile " + a.ToString("0") + " ms, analyzers alone " + b.ToString("0") + " ms (" + count + " diagnostics)");
            if (round >= 0)
            {
                compile.Add(a);
                analyze.Add(b);
            }
        }

        static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        return (Median(compile), Median(analyze));
    }

    /// <summary>A class of ~40 lines; every tenth file lacks its SPDX header so that the header rules report.</summary>
    public static string SourceFile(int i)
    {
        var header = i % 10 == 0 ? "" : "// SPDX-License-Identifier: MIT\n// SPDX-FileCopyrightText: Bench authors\n\n";
        return header + "using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\nnamespace Bench.N" + (i % 50) + ";\n\n" +
            "public sealed class C" + i + "\n{\n    private readonly List<int> items = new();\n\n" +
            "    public int Sum() => items.Where(x => x > " + i + ").Sum();\n\n" +
            "    public string Describe(int value)\n    {\n        if (value < 0)\n        {\n            return \"negative\";\n        }\n\n" +
            "        var parts = new List<string>();\n        for (var k = 0; k < value; k++)\n        {\n            parts.Add(k.ToString());\n        }\n\n" +
            "        return string.Join(\",\", parts) + nameof(C" + i + ");\n    }\n\n" +
            "    public void Add(int value) => items.Add(value);\n\n    public IEnumerable<int> Items => items;\n}\n";
    }

    private static AnalyzerOptions CreateOptions()
    {
        var facts = new ProjectFacts { ProjectPath = "/bench/Bench.csproj", TargetFramework = "net8.0", RepositoryRoot = "/bench" };
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.License, RelativePath = "LICENSE", FullPath = "/bench/LICENSE", IdentifiedLicense = "MIT" });
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.Readme, RelativePath = "README.md", FullPath = "/bench/README.md" });
        for (var i = 0; i < 200; i++)
        {
            var package = new PackageFact { Id = "Package" + i, Version = "1.0." + i, License = i % 3 == 0 ? "Apache-2.0" : i % 3 == 1 ? "MIT" : "LGPL-2.1-only", Source = LicenseSource.Expression, Direct = i < 20, ReferenceLocation = new SourceLocation("/bench/Bench.csproj", 3, 5) };
            package.Path.Add("Package" + i);
            facts.Packages.Add(package);
        }

        var files = new Dictionary<string, (string Kind, string Text)>
        {
            ["/bench/obj/commons.facts"] = ("Facts", FactsFormat.Write(facts)),
            ["/bench/README.md"] = ("Readme", "# Bench\n## Installation\n## Usage\n## License\n## Contributing\n"),
            ["/bench/Bench.csproj"] = ("ProjectFile", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Package0\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>\n"),
        };
        var properties = new Dictionary<string, string>
        {
            ["build_property." + PropertyEncoding.PropertyName] = PropertyEncoding.Encode(new Dictionary<string, string>
            {
                ["MSBuildProjectFullPath"] = "/bench/Bench.csproj",
                ["TargetFramework"] = "net8.0",
                ["PackageLicenseExpression"] = "MIT",
                ["IsPackable"] = "true",
                ["CommonsSpdxHeaders"] = "true",
                ["CommonsPolicy"] = "osi",
            }),
        };
        var additional = files.Select(f => (AdditionalText)new MemoryAdditionalText(f.Key, f.Value.Text)).ToImmutableArray();
        return new AnalyzerOptions(additional, new ConfigProvider(properties, files.ToDictionary(f => f.Key, f => f.Value.Kind)));
    }

    private sealed class MemoryAdditionalText : AdditionalText
    {
        private readonly SourceText text;

        public MemoryAdditionalText(string path, string text)
        {
            Path = path;
            this.text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private sealed class ConfigProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new(new Dictionary<string, string>());
        private readonly Options global;
        private readonly Dictionary<string, string> kinds;

        public ConfigProvider(Dictionary<string, string> global, Dictionary<string, string> kinds)
        {
            this.global = new Options(global);
            this.kinds = kinds;
        }

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => kinds.TryGetValue(textFile.Path, out var kind)
                ? new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CommonsFileKind"] = kind })
                : Empty;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values;

        public Options(Dictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
