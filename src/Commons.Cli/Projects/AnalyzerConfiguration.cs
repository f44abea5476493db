// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;
using Commons.Inspection.Repository;
using Microsoft.CodeAnalysis;

namespace Commons.Cli.Projects;

/// <summary>
/// The severities one project's compilation would apply, for <c>commons check</c>: MSBuild's warning properties as evaluated,
/// and the analyzer configuration files the SDK hands the compiler (<c>@(EditorConfigFiles)</c>: the <c>.editorconfig</c> and
/// <c>.globalconfig</c> files above the sources, and any a package or the project adds), read with Roslyn's own reader
/// (<see cref="AnalyzerConfigSet"/>: sections, <c>is_global</c>, <c>global_level</c>, conflicts) rather than a home-made one.
/// The precedence is Commons.Compliance's <see cref="SeverityResolution"/>.
/// </summary>
internal static class AnalyzerConfiguration
{
    /// <summary>The largest analyzer configuration file read (the SDK's own are a few KB).</summary>
    private const long MaxBytes = 4 * 1024 * 1024;

    public static SeverityResolution For(EvaluatedProject project, ProjectProperties properties)
    {
        var resolution = SeverityResolution.FromProject(
            properties, project.Get("NoWarn"), project.Get("WarningsAsErrors"), project.Get("WarningsNotAsErrors"),
            project.Get("TreatWarningsAsErrors"), project.Get("WarningLevel"));

        var configs = new List<AnalyzerConfig>();
        foreach (var path in project.AnalyzerConfigFiles)
        {
            // The compiler reports an unreadable configuration file itself (CS8700); here it counts as absent.
            if (DocumentReader.Read(path, MaxBytes) is { State: Compliance.Facts.FileContent.Text, Text: { } text })
            {
                configs.Add(AnalyzerConfig.Parse(text, path));
            }
        }

        if (configs.Count == 0)
        {
            return resolution;
        }

        var set = AnalyzerConfigSet.Create(configs, out _);
        var global = set.GlobalConfigOptions;
        var files = new Dictionary<string, AnalyzerConfigOptionsResult>(StringComparer.Ordinal);
        AnalyzerConfigOptionsResult ForFile(string path)
        {
            if (!files.TryGetValue(path, out var options))
            {
                options = set.GetOptionsForSourcePath(path);
                files.Add(path, options);
            }

            return options;
        }

        return resolution.WithAnalyzerConfig(
            id => Setting(global.TreeOptions, id),
            (path, id) => Setting(ForFile(path).TreeOptions, id),
            (path, category) => Bulk(ForFile(path).AnalyzerOptions, category) ?? Bulk(global.AnalyzerOptions, category));
    }

    private static ReportSetting? Setting(IReadOnlyDictionary<string, ReportDiagnostic> options, string id)
        => options.TryGetValue(id, out var report) ? Map(report) : null;

    /// <summary><c>dotnet_analyzer_diagnostic.category-X.severity</c>, else <c>dotnet_analyzer_diagnostic.severity</c> (Roslyn's bulk configuration).</summary>
    private static ReportSetting? Bulk(IReadOnlyDictionary<string, string> options, string category)
    {
        foreach (var key in new[] { "dotnet_analyzer_diagnostic.category-" + category + ".severity", "dotnet_analyzer_diagnostic.severity" })
        {
            if (options.TryGetValue(key, out var value) && Parse(value) is { } setting)
            {
                return setting;
            }
        }

        return null;
    }

    /// <summary>The severity words of an analyzer configuration, as Roslyn reads them (<c>AnalyzerConfigSet.TryParseSeverity</c>).</summary>
    private static ReportSetting? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "default" => ReportSetting.Default,
        "error" => ReportSetting.Error,
        "warning" => ReportSetting.Warn,
        "suggestion" => ReportSetting.Info,
        "silent" or "refactoring" => ReportSetting.Hidden,
        "none" => ReportSetting.Suppress,
        _ => null,
    };

    private static ReportSetting Map(ReportDiagnostic report) => report switch
    {
        ReportDiagnostic.Error => ReportSetting.Error,
        ReportDiagnostic.Warn => ReportSetting.Warn,
        ReportDiagnostic.Info => ReportSetting.Info,
        ReportDiagnostic.Hidden => ReportSetting.Hidden,
        ReportDiagnostic.Suppress => ReportSetting.Suppress,
        _ => ReportSetting.Default,
    };
}
