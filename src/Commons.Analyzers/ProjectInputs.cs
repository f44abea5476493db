// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Commons.Compliance;
using Commons.Compliance.Baseline;
using Commons.Compliance.Facts;
using Commons.Compliance.Headers;
using Commons.Compliance.Input;
using Commons.Compliance.Policy;
using Commons.Compliance.Reuse;
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

    public delegate bool TryGetCachedBaseline(SourceText text, SourceTextValueProvider<BaselineFile> provider, out BaselineFile? value);

    public const string FileKindMetadata = "build_metadata.AdditionalFiles.CommonsFileKind";

    public static readonly SourceTextValueProvider<FactsReadResult> FactsProvider = new(text => FactsFormat.Read(text.ToString()));

    /// <summary>Parses a baseline once per text (the path is set by <see cref="ReadBaseline"/>: the same text has one path in a compilation).</summary>
    public static readonly SourceTextValueProvider<BaselineFile> BaselineProvider = new(text => BaselineFile.Read("", text.ToString()));
    private static readonly ConditionalWeakTable<Compilation, ProjectInputs> PerCompilation = new();

    private readonly Lazy<IReadOnlyList<Finding>> findings;
    private readonly Lazy<HeaderRules> headers;
    private readonly Lazy<BaselineMatch> baseline;

    private ProjectInputs(ComplianceInput input, bool shouldReport, bool gate)
    {
        Input = input;
        ShouldReport = shouldReport;
        Gate = gate;
        findings = new Lazy<IReadOnlyList<Finding>>(() => ComplianceEvaluator.Evaluate(input), LazyThreadSafetyMode.ExecutionAndPublication);
        headers = new Lazy<HeaderRules>(() => HeaderRules.For(input), LazyThreadSafetyMode.ExecutionAndPublication);
        baseline = new Lazy<BaselineMatch>(() => BaselineMatch.For(input), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ComplianceInput Input { get; }

    /// <summary>False when <c>CommonsEnabled=false</c> or in a non-primary target framework of a multi-targeted project.</summary>
    public bool ShouldReport { get; }

    /// <summary><c>CommonsGate=true</c>: 00xx and 01xx findings are errors.</summary>
    public bool Gate { get; }

    public IReadOnlyList<Finding> Findings => findings.Value;

    public HeaderRules Headers => headers.Value;

    /// <summary>Which findings the repository's baseline records (reported as suppressed) and which of its entries are stale.</summary>
    public BaselineMatch Baseline => baseline.Value;

    public static ProjectInputs Get(Compilation compilation, AnalyzerOptions options, TryGetCached facts, TryGetCachedBaseline baseline, CancellationToken cancellationToken)
        => PerCompilation.GetValue(compilation, _ => Create(options, text => ReadFacts(text, FactsProvider, facts), (path, text) => ReadBaseline(path, text, baseline), cancellationToken));

    /// <summary>Reads facts through the host's per-SourceText cache (<c>context.TryGetValue(text, FactsProvider, …)</c>).</summary>
    public static FactsReadResult ReadFacts(SourceText text, SourceTextValueProvider<FactsReadResult> provider, TryGetCached tryGet)
        => tryGet(text, provider, out var result) && result is not null ? result : FactsFormat.Read(text.ToString());

    /// <summary>Reads a baseline through the host's per-SourceText cache, with its path.</summary>
    public static BaselineFile ReadBaseline(string path, SourceText text, TryGetCachedBaseline tryGet)
        => (tryGet(text, BaselineProvider, out var result) && result is not null ? result : BaselineFile.Read("", text.ToString())).WithPath(path);

    /// <summary>
    /// CMN0905 for this project's baseline entries that match nothing any more. Its findings are the project-level ones and, for an
    /// entry naming a source file (a header rule), the header findings of that file: the only ones an entry can name.
    /// </summary>
    public IReadOnlyList<Finding> StaleBaselineEntries(Compilation compilation, CancellationToken cancellationToken)
    {
        var match = Baseline;
        if (!match.HasEntries)
        {
            return Array.Empty<Finding>();
        }

        var raised = new List<Finding>(Findings);
        var files = new HashSet<string>(match.EntryFiles(id => id.StartsWith("CMN04", StringComparison.Ordinal)), StringComparer.OrdinalIgnoreCase);
        if (files.Count > 0 && Headers.IsEnabled)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (files.Contains(BaselineMatch.Relative(match.Root, tree.FilePath)))
                {
                    raised.AddRange(Headers.Evaluate(tree.FilePath, CMN0401SourceHeaderAnalyzer.HeaderText(tree.GetText(cancellationToken))));
                }
            }
        }

        return match.StaleEntries(raised);
    }

    private static ProjectInputs Create(AnalyzerOptions options, Func<SourceText, FactsReadResult?> readFacts, Func<string, SourceText, BaselineFile> readBaseline, CancellationToken cancellationToken)
    {
        // One encoded property (PropertyEncoding): no value can add a line to the compiler's analyzer config, nor lose one.
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        global.TryGetValue("build_property." + PropertyEncoding.PropertyName, out var encoded);
        // UnreadableInputs is the build task's own entry, not a property anyone sets.
        var known = new HashSet<string>(PropertyNames.All, StringComparer.OrdinalIgnoreCase) { PropertyNames.UnreadableInputs };
        var properties = PropertyEncoding.Decode(encoded).Where(p => known.Contains(p.Key)).ToList();
        var files = new List<TextFile>();
        var unreadableReuseFiles = new List<(string Path, string Problem)>();
        FactsReadResult? facts = null;
        PolicyFile? policy = null;
        BaselineFile? baseline = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(FileKindMetadata, out var kind) || string.IsNullOrEmpty(kind))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                if (kind is nameof(RepositoryFileKind.ReuseToml) or TextFileKinds.ReuseDep5 or TextFileKinds.ReuseSidecar)
                {
                    // The targets hand over texts only; a file the compiler still cannot read would license nothing in silence.
                    unreadableReuseFiles.Add((file.Path, "the compiler could not read it as a text"));
                }

                continue;
            }

            if (kind == TextFileKinds.Facts)
            {
                facts ??= readFacts(text);
                continue;
            }

            if (kind == TextFileKinds.Baseline)
            {
                baseline ??= readBaseline(file.Path, text);
            }

            var content = text.ToString();
            files.Add(new TextFile(kind, file.Path, content));
            if (kind == TextFileKinds.PolicyFile)
            {
                policy ??= PolicyFile.Parse(file.Path, content);
            }
        }

        if (unreadableReuseFiles.Count > 0)
        {
            var given = properties.FirstOrDefault(p => string.Equals(p.Key, PropertyNames.UnreadableInputs, StringComparison.OrdinalIgnoreCase)).Value;
            properties.Add(new KeyValuePair<string, string>(PropertyNames.UnreadableInputs, (given is null ? "" : given + "\n") + ReuseBuildLicensing.EncodeUnreadable(unreadableReuseFiles)));
        }

        var projectProperties = new ProjectProperties(properties);
        var input = new ComplianceInput(projectProperties, files)
        {
            Facts = facts?.Facts,
            FactsError = facts?.Error,
            Policy = policy,
            Baseline = baseline,
            Today = DateTime.UtcNow.Date,
        };

        var shouldReport = !projectProperties.IsFalse(PropertyNames.Enabled) && !projectProperties.IsFalse(PropertyNames.PrimaryTargetFramework);
        return new ProjectInputs(input, shouldReport, projectProperties.IsTrue(PropertyNames.Gate));
    }
}
