// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Commons.Compliance.Input;

namespace Commons.Compliance.Rules;

/// <summary>A severity as an analyzer configuration or a compiler option states it: Roslyn's <c>ReportDiagnostic</c>, one to one.</summary>
public enum ReportSetting
{
    /// <summary>The diagnostic keeps the severity it was reported with.</summary>
    Default,
    Error,
    Warn,
    Info,
    Hidden,
    Suppress,
}

/// <summary>
/// How the compiler turns the severity a finding is reported with into the one the user sees, for one project: the same
/// precedence as Roslyn's <c>CSharpDiagnosticFilter.GetDiagnosticReport</c> (warning level, then <c>NoWarn</c> /
/// <c>WarningsAsErrors</c> / <c>WarningsNotAsErrors</c>, then the analyzer configuration of the file and the global one,
/// then <c>TreatWarningsAsErrors</c>), with the package's gate. The CLI applies it to every finding, so that
/// <c>commons check</c> and the build agree; the analyzer needs none of it, the compiler does it.
/// </summary>
/// <remarks>
/// Pure: what the analyzer configuration files say is handed in as two lookups (<see cref="GlobalSeverity"/>, and
/// <see cref="FileSeverity"/> for findings located in a source file, where <c>.editorconfig</c> sections apply), read by the
/// caller with Roslyn's own configuration reader. Not modelled: <c>#pragma warning</c> (project-level findings lie in no
/// source file, and a header finding lies before any pragma), <c>[SuppressMessage]</c>, and legacy rule sets
/// (<c>CodeAnalysisRuleSet</c>).
/// </remarks>
public sealed class SeverityResolution
{
    private readonly Dictionary<string, ReportSetting> specific;
    private readonly bool treatWarningsAsErrors;
    private readonly int warningLevel;
    private readonly bool gate;

    private SeverityResolution(Dictionary<string, ReportSetting> specific, bool treatWarningsAsErrors, int warningLevel, bool gate)
    {
        this.specific = specific;
        this.treatWarningsAsErrors = treatWarningsAsErrors;
        this.warningLevel = warningLevel;
        this.gate = gate;
    }

    /// <summary>No configuration: every finding at its default severity (the gate off).</summary>
    public static SeverityResolution Defaults { get; } = new(new Dictionary<string, ReportSetting>(StringComparer.OrdinalIgnoreCase), false, 4, false);

    /// <summary>The severity the analyzer configuration's global section gives a rule id, or null.</summary>
    public Func<string, ReportSetting?> GlobalSeverity { get; private set; } = _ => null;

    /// <summary>The severity the analyzer configuration gives a rule id in one source file (its sections), or null.</summary>
    public Func<string, string, ReportSetting?> FileSeverity { get; private set; } = (_, _) => null;

    /// <summary>
    /// For a source file and a rule category: <c>dotnet_analyzer_diagnostic.category-X.severity</c>, else
    /// <c>dotnet_analyzer_diagnostic.severity</c>, or null. The compiler applies it only to diagnostics in a source file.
    /// </summary>
    public Func<string, string, ReportSetting?> BulkSeverity { get; private set; } = (_, _) => null;

    /// <summary>
    /// From the project's evaluated properties, as the Csc task passes them: <c>/nowarn:</c> (NoWarn),
    /// <c>/warnaserror+</c> (TreatWarningsAsErrors), <c>/warnaserror+:</c> (WarningsAsErrors, with the gated rules when
    /// <c>CommonsGate=true</c>, which the package's targets append), <c>/warnaserror-:</c> (WarningsNotAsErrors), <c>/warn:</c>.
    /// </summary>
    public static SeverityResolution FromProject(ProjectProperties properties, string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors,
        string? treatWarningsAsErrors, string? warningLevel)
    {
        var gate = properties.IsTrue(PropertyNames.Gate);
        var asErrors = Ids(warningsAsErrors).ToList();
        if (gate)
        {
            asErrors.AddRange(RuleCatalog.All.Select(r => r.Id).Where(RuleCatalog.IsGated));
        }

        // csc: the specific warnaserror switches in command-line order (+: then -:), then nowarn, which always wins.
        var specific = new Dictionary<string, ReportSetting>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in asErrors)
        {
            specific[id] = ReportSetting.Error;
        }

        foreach (var id in Ids(warningsNotAsErrors))
        {
            specific[id] = ReportSetting.Default;
        }

        foreach (var id in Ids(noWarn))
        {
            specific[id] = ReportSetting.Suppress;
        }

        var level = int.TryParse(warningLevel?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 ? parsed : 4;
        return new SeverityResolution(specific, string.Equals(treatWarningsAsErrors?.Trim(), "true", StringComparison.OrdinalIgnoreCase), level, gate);
    }

    /// <summary>The same, with what the project's analyzer configuration files say.</summary>
    public SeverityResolution WithAnalyzerConfig(
        Func<string, ReportSetting?> globalSeverity, Func<string, string, ReportSetting?> fileSeverity, Func<string, string, ReportSetting?> bulkSeverity)
        => new(specific, treatWarningsAsErrors, warningLevel, gate) { GlobalSeverity = globalSeverity, FileSeverity = fileSeverity, BulkSeverity = bulkSeverity };

    /// <summary>
    /// The severity the user sees, or null when the finding is suppressed. <paramref name="inSourceFile"/>: the finding is
    /// reported in a syntax tree (the header rules), where the file's <c>.editorconfig</c> sections apply.
    /// </summary>
    public RuleSeverity? Resolve(Finding finding, bool inSourceFile)
    {
        var rule = RuleCatalog.Get(finding.RuleId);

        // The analyzer reports a gated rule as an error itself (FindingReporter), whatever the configuration says.
        var reported = gate && RuleCatalog.IsGated(rule.Id) ? RuleSeverity.Error : rule.DefaultSeverity;

        // 1. Warning level: analyzer diagnostics are level 1, errors level 0.
        if ((reported == RuleSeverity.Error ? 0 : 1) > warningLevel)
        {
            return null;
        }

        // 2. Command line (NoWarn, WarningsAsErrors, WarningsNotAsErrors); '/warnaserror-:id' is Default.
        var isSpecified = specific.TryGetValue(rule.Id, out var report);
        var warnAsErrorMinus = isSpecified && report == ReportSetting.Default;
        var sourceFile = inSourceFile ? finding.Location?.Path : null;

        // 3. The file's analyzer configuration (source files only), 4. the global one: unless the command line decided.
        var configured = sourceFile is null ? null : FileSeverity(sourceFile, rule.Id);
        configured ??= GlobalSeverity(rule.Id);
        if (sourceFile is not null && !isSpecified && configured is null && BulkSeverity(sourceFile, rule.Category) is { } bulk)
        {
            // The analyzer driver applies bulk configuration after the compiler's filter, as the final word.
            return bulk == ReportSetting.Default ? reported : Severity(bulk);
        }

        if (!isSpecified || warnAsErrorMinus)
        {
            if (configured is { } fromConfig && !(warnAsErrorMinus && reported == RuleSeverity.Warning && fromConfig == ReportSetting.Error))
            {
                isSpecified = true;
                report = fromConfig;

                // TreatWarningsAsErrors promotes a warning set by configuration.
                if (!warnAsErrorMinus && report == ReportSetting.Warn && treatWarningsAsErrors)
                {
                    report = ReportSetting.Error;
                }
            }
        }

        if (!isSpecified)
        {
            report = ReportSetting.Default;
        }

        if (report == ReportSetting.Suppress)
        {
            return null;
        }

        // 5. TreatWarningsAsErrors, for a warning no specific option or configuration touched.
        if (report == ReportSetting.Default)
        {
            return treatWarningsAsErrors && reported == RuleSeverity.Warning && !isSpecified ? RuleSeverity.Error : reported;
        }

        return Severity(report);
    }

    private static RuleSeverity? Severity(ReportSetting report) => report switch
    {
        ReportSetting.Error => RuleSeverity.Error,
        ReportSetting.Warn => RuleSeverity.Warning,
        ReportSetting.Info => RuleSeverity.Info,
        ReportSetting.Hidden => RuleSeverity.Hidden,
        _ => null,
    };

    /// <summary>A warning list as csc parses it: separated by <c>,</c> <c>;</c> or whitespace; a bare number is a CS warning.</summary>
    private static IEnumerable<string> Ids(string? list)
        => (list ?? "").Split(new[] { ',', ';', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(id => id.Trim('"'))
            .Where(id => id.Length > 0)
            .Select(id => ushort.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? "CS" + number.ToString("0000", CultureInfo.InvariantCulture) : id);
}
