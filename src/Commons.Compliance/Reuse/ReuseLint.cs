// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Input;
using Commons.Compliance.Licenses;
using Commons.Compliance.Rules;
using Commons.Licensing;

namespace Commons.Compliance.Reuse;

/// <summary>
/// <c>reuse lint</c> as findings: the 04xx rules over every covered file of a project (no licensing or copyright information,
/// invalid expressions, licence texts missing from <c>LICENSES/</c>) and over <c>LICENSES/</c> itself (unused, misnamed,
/// deprecated, without extension, two texts for one id), each located at the file at fault. Pure: the files were read by Commons.Inspection.
/// </summary>
public static class ReuseLint
{
    /// <summary>What to judge.</summary>
    public sealed class Scope
    {
        /// <summary>The project root as the findings name it (a full path); relative paths are joined to it with '/'.</summary>
        public string Root { get; set; } = "";

        /// <summary>Judge <c>LICENSES/</c> as a whole (unused texts): only when every covered file of the project is judged.</summary>
        public bool WholeProject { get; set; } = true;

        /// <summary>The covered files whose own findings are reported; null for all (the others still count as users of licences).</summary>
        public Func<string, bool>? ReportsFile { get; set; }
    }

    public static IReadOnlyList<Finding> Evaluate(
        ReuseProject project, IEnumerable<ReuseCoveredFile> files, IEnumerable<(string RelativePath, string Error)> globalProblems, Scope scope, SpdxCatalog catalog)
    {
        var findings = new List<Finding>();
        foreach (var (path, error) in globalProblems)
        {
            findings.Add(new Finding(RuleIds.GlobalLicensingInvalid, new[] { path, error }, Line(scope, path, 1)));
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var verdict = project.Judge(file);
            used.UnionWith(verdict.UsedIds);
            if (scope.ReportsFile is { } reports && !reports(file.RelativePath))
            {
                continue;
            }

            findings.AddRange(FileFindings(verdict, scope, catalog));
        }

        var firstById = new Dictionary<string, ReuseLicenseFile>(StringComparer.Ordinal);
        foreach (var license in scope.WholeProject ? project.LicenseFiles : Array.Empty<ReuseLicenseFile>())
        {
            var at = Line(scope, license.RelativePath, 1);
            if (firstById.TryGetValue(license.Id, out var first))
            {
                findings.Add(new Finding(RuleIds.LicenseTextDuplicated, new[] { first.RelativePath, license.RelativePath, license.Id }, at));
            }
            else
            {
                firstById.Add(license.Id, license);
            }

            if (!license.HasExtension)
            {
                findings.Add(new Finding(RuleIds.LicenseFileWithoutExtension, new[] { license.RelativePath }, at));
            }

            if (!license.IsKnown)
            {
                findings.Add(new Finding(RuleIds.LicenseFileNotSpdx, new[] { license.RelativePath, license.Id }, at));
            }
            else if (license.IsDeprecated)
            {
                var check = ExpressionCheck.Check(license.Id, catalog);
                findings.Add(new Finding(RuleIds.LicenseFileDeprecated, new[] { license.RelativePath, license.Id, check.Corrected is { } current ? ": rename it after '" + current + "'" : "" }, at));
            }
        }

        if (scope.WholeProject)
        {
            foreach (var unused in project.Unused(used))
            {
                findings.Add(new Finding(RuleIds.LicenseTextUnused, new[] { unused.Id, unused.RelativePath }, Line(scope, unused.RelativePath, 1)));
            }
        }

        return findings;
    }

    /// <summary>The findings of one file: unreadable, no licensing, invalid expressions, missing licence texts, no copyright.</summary>
    public static IEnumerable<Finding> FileFindings(ReuseFileVerdict verdict, Scope scope, SpdxCatalog catalog)
    {
        var file = verdict.File;
        var start = Line(scope, file.RelativePath, 1);
        if (file.ReadError is { } error)
        {
            yield return new Finding(RuleIds.CoveredFileUnreadable, new[] { error }, start);
            yield break;
        }

        // An invalid expression licenses nothing: the file lacks licensing information too (as reuse lint lists it).
        if (!verdict.HasLicensing)
        {
            yield return new Finding(RuleIds.NoSpdxLicenseIdentifier, Array.Empty<string>(), start);
        }

        foreach (var (expression, source) in verdict.InvalidExpressions)
        {
            var check = ExpressionCheck.Check(expression, catalog);
            var fix = check.Corrected is null ? "" : ": write '" + check.Corrected + "'";
            yield return new Finding(RuleIds.InvalidSpdxHeaderExpression, new[] { expression, (check.Problem ?? "is not a valid SPDX expression") + fix }, Where(scope, file, source, expression));
        }

        foreach (var (id, expression, source) in verdict.MissingLicenses)
        {
            var bare = id.EndsWith("+", StringComparison.Ordinal) ? id.Substring(0, id.Length - 1) : id;
            yield return new Finding(RuleIds.LicenseTextMissing, new[] { id, Describe(source), bare }, Where(scope, file, source, expression));
        }

        if (!verdict.HasCopyright)
        {
            yield return new Finding(RuleIds.NoSpdxFileCopyrightText, Array.Empty<string>(), start);
        }
    }

    /// <summary>Where an expression is written: the tag's line in the file or its sidecar, else the file's first line.</summary>
    private static FindingLocation Where(Scope scope, ReuseCoveredFile file, ReuseInfo source, string expression)
    {
        if (source.Source is ReuseSource.FileHeader or ReuseSource.DotLicense)
        {
            var tag = file.Tags.FirstOrDefault(t => t.IsLicense && t.Value == expression);
            var path = source.Source == ReuseSource.DotLicense && source.SourcePath is { } sidecar ? sidecar : file.RelativePath;
            return Line(scope, path, tag?.Line ?? 1);
        }

        return Line(scope, file.RelativePath, 1);
    }

    private static string Describe(ReuseInfo source) => source.Source switch
    {
        ReuseSource.DotLicense => "in " + source.SourcePath,
        ReuseSource.ReuseToml => "by " + source.SourcePath,
        ReuseSource.Dep5 => "by .reuse/dep5",
        _ => "in its header",
    };

    private static FindingLocation Line(Scope scope, string relativePath, int line)
        => new(scope.Root.Length == 0 ? relativePath : scope.Root.TrimEnd('/', '\\') + "/" + relativePath, line, 1, line, 1);
}
