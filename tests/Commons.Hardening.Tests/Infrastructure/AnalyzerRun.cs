// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Commons.Compliance.Input;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Commons.Hardening.Tests.Infrastructure;

/// <summary>An AdditionalFiles item as the package's targets hand it over: its CommonsFileKind, path and bytes.</summary>
public sealed record HostileFile(string Kind, string Path, byte[] Content);

/// <summary>What the analyzers reported, and every exception they threw (which the compiler would turn into AD0001).</summary>
public sealed record AnalyzerOutcome(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions);

/// <summary>
/// Runs every analyzer of Commons.Analyzers over one compilation through <see cref="CompilationWithAnalyzers"/>, as the
/// compiler does: <c>build_property.*</c> in the global options, AdditionalFiles decoded from bytes like csc decodes them.
/// </summary>
public static class AnalyzerRun
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(Commons.Analyzers.CMN0001ProjectLicenseAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly CSharpCompilation Empty = CSharpCompilation.Create(
        "Hostile",
        references: Basic.Reference.Assemblies.Net80.References.All,
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static int AnalyzerCount => Analyzers.Length;

    public static AnalyzerOutcome Run(string source, IReadOnlyDictionary<string, string> properties, IEnumerable<HostileFile> files)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: "/repo/src/App/Hostile.cs");
        var compilation = Empty.AddSyntaxTrees(tree);
        var texts = files.Select(f => (AdditionalText)new BytesText(f.Path, f.Content)).ToImmutableArray();
        var kinds = files.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First().Kind);
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(texts, new OptionsProvider(properties, kinds)),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        // On the thread pool, away from xunit's synchronisation context: blocking on Roslyn's tasks from a test thread can
        // deadlock when every xunit worker thread is busy (one full run hung for 15 minutes here).
        var diagnostics = System.Threading.Tasks.Task.Run(() => compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None))
            .GetAwaiter().GetResult();
        foreach (var ad0001 in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(ad0001.ToString());
        }

        return new AnalyzerOutcome(diagnostics, exceptions.ToArray());
    }

    /// <summary>An AdditionalFiles item read from bytes, with the compiler's own detection of encoding and binary content.</summary>
    private sealed class BytesText : AdditionalText
    {
        private readonly byte[] content;

        public BytesText(string path, byte[] content)
        {
            Path = path;
            this.content = content;
        }

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            try
            {
                return SourceText.From(new MemoryStream(content), encoding: null, checksumAlgorithm: SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true);
            }
            catch (InvalidDataException)
            {
                // csc reports a binary AdditionalFile itself and hands the analyzer no text.
                return null;
            }
        }
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options global;
        private readonly Dictionary<string, string> kinds;

        public OptionsProvider(IReadOnlyDictionary<string, string> properties, Dictionary<string, string> kinds)
        {
            global = new Options(new Dictionary<string, string> { ["build_property." + PropertyEncoding.PropertyName] = PropertyEncoding.Encode(properties) });
            this.kinds = kinds;
        }

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => new Options(kinds.TryGetValue(textFile.Path, out var kind)
                ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CommonsFileKind"] = kind }
                : new Dictionary<string, string>());
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> values;

        public Options(Dictionary<string, string> values)
        {
            this.values = values;
        }

        public override bool TryGetValue(string key, out string value)
            => values.TryGetValue(key, out value!);
    }
}
