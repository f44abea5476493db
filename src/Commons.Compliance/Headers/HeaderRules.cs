// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Licenses;
using Commons.Compliance.Reuse;
using Commons.Compliance.Rules;
using Commons.Licensing;

namespace Commons.Compliance.Headers;

/// <summary>
/// 04xx: what a project's source headers are checked against, computed once per compilation; then one call per file.
/// Thread-safe: the analyzer calls <see cref="Evaluate"/> concurrently.
/// </summary>
public sealed class HeaderRules
{
    private readonly SpdxCatalog catalog;
    private readonly ConcurrentDictionary<string, ExpressionCheck> checks = new(StringComparer.Ordinal);
    private readonly HashSet<string> knownLicenses;

    private readonly ReuseBuildLicensing reuse;

    private HeaderRules(bool enabled, SpdxCatalog catalog, IEnumerable<string> knownLicenses, string? suggestedLicense, string? suggestedHolder, ReuseBuildLicensing reuse)
    {
        this.reuse = reuse;
        IsEnabled = enabled;
        SuggestedLicense = suggestedLicense;
        SuggestedHolder = suggestedHolder;
        this.catalog = catalog;
        this.knownLicenses = new HashSet<string>(knownLicenses, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// On when <c>CommonsSpdxHeaders=true</c>, or when the repository follows REUSE (a <c>LICENSES/</c> folder or a
    /// <c>REUSE.toml</c>) and <c>CommonsSpdxHeaders</c> is not <c>false</c>.
    /// </summary>
    public bool IsEnabled { get; }

    /// <summary>The licence ids a header may name: the project's and those with a text in <c>LICENSES/</c>.</summary>
    public IReadOnlyCollection<string> KnownLicenses => knownLicenses;

    /// <summary>The licence a new header states: PackageLicenseExpression, else the one identified licence file; null when unknown.</summary>
    public string? SuggestedLicense { get; }

    /// <summary>The holder a new header names: CommonsCopyrightHolder, else Copyright (without "Copyright (c)"), else Authors.</summary>
    public string? SuggestedHolder { get; }

    /// <summary>"Copyright (c) 2024 Jane Doe" → "2024 Jane Doe": the SPDX tag already says it is a copyright notice.</summary>
    public static string? HolderFromCopyright(string? copyright)
    {
        if (copyright is null)
        {
            return null;
        }

        var holder = copyright.Trim();
        foreach (var prefix in new[] { "Copyright", "(c)", "(C)", "\u00A9" })
        {
            if (holder.StartsWith(prefix, StringComparison.Ordinal))
            {
                holder = holder.Substring(prefix.Length).TrimStart();
            }
        }

        return holder.Length == 0 ? null : holder;
    }

    /// <summary>
    /// The repository files whose identified licence the header rules read: top-level licence files (a file in
    /// <c>LICENSES/</c> is named by its id). A caller that collects facts for headers alone identifies just these.
    /// </summary>
    public static bool ReadsIdentifiedLicense(RepositoryFile file)
        => file.Kind == RepositoryFileKind.License && !RuleContext.IsUnderLicensesFolder(file.RelativePath);

    public static HeaderRules For(ComplianceInput input) => For(input, SpdxCatalog.Default);

    public static HeaderRules For(ComplianceInput input, SpdxCatalog catalog)
    {
        var context = new RuleContext(input, catalog);
        var followsReuse = context.LicensesFolderIds.Count > 0 || input.HasRepositoryFile(RepositoryFileKind.ReuseToml);
        var enabled = input.Properties.IsTrue(PropertyNames.SpdxHeaders) || (followsReuse && !input.Properties.IsFalse(PropertyNames.SpdxHeaders));

        var known = new List<string>(context.LicensesFolderIds);
        if (context.DeclaredLicense is { } declared)
        {
            known.AddRange(declared.LicenseIds);
        }

        foreach (var file in context.TopLevelLicenseFiles.Where(f => f.IdentifiedLicense is not null))
        {
            known.AddRange(ExpressionCheck.Check(file.IdentifiedLicense!, catalog).LicenseIds);
        }

        var suggestedLicense = context.DeclaredLicense is { IsValid: true } valid ? valid.Text : context.ProjectLicense;
        var holder = input.Properties.Get(PropertyNames.CopyrightHolder)
            ?? HolderFromCopyright(input.Properties.Get(PropertyNames.Copyright))
            ?? input.Properties.Get(PropertyNames.Authors);
        return new HeaderRules(enabled, catalog, known, suggestedLicense, holder, input.ReuseLicensing);
    }

    /// <summary>
    /// The 04xx findings of one source file; empty when the rules are off. Its licence and copyright may come from elsewhere than
    /// its header, by the precedence of REUSE 3.3: a REUSE.toml annotation or <c>.reuse/dep5</c> that covers it, or its
    /// <c>.license</c> sidecar (<see cref="ReuseBuildLicensing"/>); the header's own tags are checked only when REUSE reads them
    /// (not under an <c>override</c> annotation, nor beside a sidecar).
    /// </summary>
    public IReadOnlyList<Finding> Evaluate(string path, string text)
    {
        if (!IsEnabled)
        {
            return Array.Empty<Finding>();
        }

        var header = SpdxHeaderParser.Parse(text);
        var hasLicense = header.Licenses.Count > 0;
        var hasCopyright = header.Copyrights.Count > 0;
        var readsHeader = true;
        if (!reuse.IsEmpty && reuse.InfosOf(path, InfoOf(header), out readsHeader) is { } infos)
        {
            hasLicense = infos.Any(i => i.HasLicensing);
            hasCopyright = infos.Any(i => i.HasCopyright);
        }

        var findings = new List<Finding>();
        var fileStart = FindingLocation.OfSpan(path, text, 0, 0);
        if (!hasLicense)
        {
            findings.Add(new Finding(RuleIds.NoSpdxLicenseIdentifier, Array.Empty<string>(), fileStart));
        }

        foreach (var tag in readsHeader ? header.Licenses : Array.Empty<HeaderTag>())
        {
            var check = checks.GetOrAdd(tag.Value, v => ExpressionCheck.Check(v, catalog));
            var location = FindingLocation.OfSpan(path, text, tag.ValueStart, tag.ValueLength);
            if (check.Problem is { } problem)
            {
                var fix = check.Corrected is null ? "" : ": write '" + check.Corrected + "'";
                findings.Add(new Finding(RuleIds.InvalidSpdxHeaderExpression, new[] { tag.Value, problem + fix }, location));
                continue;
            }

            if (knownLicenses.Count == 0)
            {
                continue;
            }

            foreach (var id in check.LicenseIds.Where(id => !knownLicenses.Contains(id)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                findings.Add(new Finding(RuleIds.HeaderLicenseNotInProject, new[] { tag.Value, id }, location));
            }
        }

        if (!hasCopyright)
        {
            findings.Add(new Finding(RuleIds.NoSpdxFileCopyrightText, Array.Empty<string>(), fileStart));
        }

        return findings;
    }

    private static ReuseInfo InfoOf(SpdxHeader header)
        => new(header.Licenses.Select(t => t.Value).ToArray(), header.Copyrights.Select(t => t.Value).ToArray(), ReuseSource.FileHeader, null);

    /// <summary>The corrected expression for an invalid header value, for the code fix; null when there is none.</summary>
    public string? Correction(string value) => checks.GetOrAdd(value, v => ExpressionCheck.Check(v, catalog)).Corrected;
}
