// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Commons.Compliance;
using Commons.Compliance.Facts;
using Commons.Compliance.Headers;
using Commons.Compliance.Input;
using Commons.Compliance.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Commons.Analyzers;

/// <summary>
/// Reads the build's properties (<see cref="PropertyEncoding"/>) and AdditionalFiles into a <see cref="ComplianceInput"/>, once per compilation,
/// and evaluates it once: every family analyzer of the same compilation shares the result. Parsed facts and policy
/// files are cached per <see cref="SourceText"/> (as StyleCop's SettingsHelper does), so an unchanged file is never re-parsed.
/// </summary>
internal sealed class ProjectInputs
{
    public delegate bool TryGetCached(SourceText text, SourceTextValueProvider<FactsReadResult> provider, out FactsReadResult? value);

    public const string FileKindMetadata = "build_metadata.AdditionalFiles.CommonsFileKind";

    public static readonly SourceTextValueProvider<FactsReadResult> FactsProvider = new(text => FactsFormat.Read(text.ToString()));
    private static readonly ConditionalWeakTable<Compilation, ProjectInputs> PerCompilation = new();

    private readonly Lazy<IReadOnlyList<Finding>> findings;
    private readonly Lazy<HeaderRules> headers;

    private ProjectInputs(ComplianceInput input, bool shouldReport, bool gate)
    {
        Input = input;
        ShouldReport = shouldReport;
        Gate = gate;
        findings = new Lazy<IReadOnlyList<Finding>>(() => ComplianceEvaluator.Evaluate(input), LazyThreadSafetyMode.ExecutionAndPublication);
        headers = new Lazy<HeaderRules>(() => HeaderRules.For(input), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ComplianceInput Input { get; }

    /// <summary>False when <c>CommonsEnabled=false</c> or in a non-primary target framework of a multi-targeted project.</summary>
    public bool ShouldReport { get; }

    /// <summary><c>CommonsGate=true</c>: 00xx and 01xx findings are errors.</summary>
    public bool Gate { get; }

    public IReadOnlyList<Finding> Findings => findings.Value;

    public HeaderRules Headers => headers.Value;

    public static ProjectInputs Get(Compilation compilation, AnalyzerOptions options, Func<SourceText, FactsReadResult?> readFacts, CancellationToken cancellationToken)
        => PerCompilation.GetValue(compilation, _ => Create(options, readFacts, cancellationToken));

    /// <summary>Reads facts through the host's per-SourceText cache (<c>context.TryGetValue(text, FactsProvider, …)</c>).</summary>
    public static FactsReadResult ReadFacts(SourceText text, SourceTextValueProvider<FactsReadResult> provider, TryGetCached tryGet)
        => tryGet(text, provider, out var result) && result is not null ? result : FactsFormat.Read(text.ToString());

    private static ProjectInputs Create(AnalyzerOptions options, Func<SourceText, FactsReadResult?> readFacts, CancellationToken cancellationToken)
    {
        // One encoded property (PropertyEncoding): no value can add a line to the compiler's analyzer config, nor lose one.
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        global.TryGetValue("build_property." + PropertyEncoding.PropertyName, out var encoded);
        var known = new HashSet<string>(PropertyNames.All, StringComparer.OrdinalIgnoreCase);
        var projectProperties = new ProjectProperties(PropertyEncoding.Decode(encoded).Where(p => known.Contains(p.Key)));
        var files = new List<TextFile>();
        FactsReadResult? facts = null;
        PolicyFile? policy = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(FileKindMetadata, out var kind) || string.IsNullOrEmpty(kind))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            if (kind == TextFileKinds.Facts)
            {
                facts ??= readFacts(text);
                continue;
            }

            var content = text.ToString();
            files.Add(new TextFile(kind, file.Path, content));
            if (kind == TextFileKinds.PolicyFile)
            {
                policy ??= PolicyFile.Parse(file.Path, content);
            }
        }

        var input = new ComplianceInput(projectProperties, files)
        {
            Facts = facts?.Facts,
            FactsError = facts?.Error,
            Policy = policy,
            Today = DateTime.UtcNow.Date,
        };

        var shouldReport = !projectProperties.IsFalse(PropertyNames.Enabled) && !projectProperties.IsFalse(PropertyNames.PrimaryTargetFramework);
        return new ProjectInputs(input, shouldReport, projectProperties.IsTrue(PropertyNames.Gate));
    }
}
