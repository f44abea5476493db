// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;

namespace Commons.Licensing;

/// <summary>
/// What a licence text is. <see cref="License"/> is an SPDX expression when the text was identified at or above the
/// threshold, and null (NOASSERTION) otherwise; <see cref="ClosestLicense"/> then says what it resembles most.
/// </summary>
public sealed class LicenseIdentification
{
    /// <summary>The reason of a file with nothing but white space.</summary>
    internal const string EmptyFileReason = "empty file";

    private static readonly IReadOnlyList<string> None = Array.Empty<string>();

    public LicenseIdentification(
        string? license,
        double confidence,
        string? closestLicense,
        double closestConfidence,
        IReadOnlyList<string>? licenses,
        string? reason,
        IReadOnlyList<string>? equivalentLicenses = null)
    {
        License = license;
        Confidence = confidence;
        ClosestLicense = closestLicense;
        ClosestConfidence = closestConfidence;
        Licenses = licenses ?? None;
        Reason = reason;
        EquivalentLicenses = equivalentLicenses ?? None;
    }

    /// <summary>The SPDX expression (<c>MIT</c>, <c>MIT OR Apache-2.0</c>, <c>GPL-2.0-only WITH Classpath-exception-2.0</c>), or null for NOASSERTION.</summary>
    public string? License { get; }

    /// <summary>0–100: 100 for an exact match of the normalised text, else the similarity score (the lowest one for several licences).</summary>
    public double Confidence { get; }

    /// <summary>The catalogue licence the text resembles most (also set when <see cref="License"/> is null).</summary>
    public string? ClosestLicense { get; }

    /// <summary>The similarity with <see cref="ClosestLicense"/>, 0–100.</summary>
    public double ClosestConfidence { get; }

    /// <summary>Each licence found, in file order (one for a plain licence file; several for dual licensing; "X WITH E" for a licence with an exception).</summary>
    public IReadOnlyList<string> Licenses { get; }

    /// <summary>Why the result is NOASSERTION, or how several licences were combined; null for a plain match.</summary>
    public string? Reason { get; }

    /// <summary>
    /// Other SPDX ids whose catalogue text normalises to the same words as the match (e.g. <c>GPL-2.0-or-later</c> beside
    /// <c>GPL-2.0-only</c>: the licence text alone cannot tell them apart; a notice in the sources can).
    /// </summary>
    public IReadOnlyList<string> EquivalentLicenses { get; }

    /// <summary>
    /// Each licence text, notice, reference, tag or exception found in the file, in file order, with its lines. Empty when
    /// the whole file matched one catalogue text (the usual case) and for answers read back from a memo.
    /// </summary>
    public IReadOnlyList<LicenseDetection> Detections { get; internal set; } = Array.Empty<LicenseDetection>();

    /// <summary>The lines with words no detection explains (titles, copyright lines and formatting do not count).</summary>
    public IReadOnlyList<UnmatchedSpan> Unmatched { get; internal set; } = Array.Empty<UnmatchedSpan>();

    /// <summary>True when <see cref="License"/> holds an expression.</summary>
    public bool IsMatch => License is not null;

    /// <summary>
    /// True when the identifier itself failed (an unexpected exception, caught as a last resort), rather than the text
    /// matching no licence: such an answer says nothing about the text and must not be remembered for it.
    /// </summary>
    public bool IsFailure { get; private set; }

    /// <summary>The NOASSERTION answer of an identifier that failed (see <see cref="IsFailure"/>).</summary>
    internal static LicenseIdentification Failure(Exception exception)
        => new(null, 0, null, 0, null, "identification failed: " + exception.GetType().Name) { IsFailure = true };

    /// <summary>A NOASSERTION result with its reason.</summary>
    public static LicenseIdentification NoAssertion(string reason, string? closest = null, double closestConfidence = 0)
        => new(null, 0, closest, closestConfidence, null, reason);

    /// <summary>
    /// This answer under the name a file gives it, when that name is one of <see cref="EquivalentLicenses"/>: a REUSE
    /// <c>LICENSES/GPL-3.0-or-later.txt</c> holds the GPL-3.0 text, which alone reads as GPL-3.0-only, and the REUSE
    /// Specification makes its file name the licence. Any other name leaves the answer as it is.
    /// </summary>
    /// <remarks>A deprecated id ("GPL-3.0", which says neither "only" nor "or later") is never chosen by a name.</remarks>
    public LicenseIdentification NamedAs(string id)
    {
        var named = EquivalentLicenses.FirstOrDefault(e => string.Equals(e, id, StringComparison.OrdinalIgnoreCase)
            && SpdxCatalog.Default.TryGetLicense(e, out var license) && !license!.IsDeprecated);
        if (License is null || named is null)
        {
            return this;
        }

        var equivalents = new[] { License }.Concat(EquivalentLicenses.Where(e => !string.Equals(e, named, StringComparison.Ordinal))).ToArray();
        return new LicenseIdentification(named, Confidence, named, ClosestConfidence, new[] { named }, Reason, equivalents)
        {
            Detections = Detections,
            Unmatched = Unmatched,
        };
    }

    /// <summary>
    /// This answer under the id the file's name gives (<c>GPL-3.0-or-later.txt</c>, REUSE's <c>LICENSES/&lt;id&gt;.txt</c>),
    /// when its text reads as that id too (see <see cref="NamedAs"/>); otherwise unchanged.
    /// </summary>
    /// <remarks>
    /// Under a <c>LICENSES</c> folder, REUSE's name is the id: a text no catalogue licence explains, in
    /// <c>LICENSES/LicenseRef-KDE-Accepted-LGPL.txt</c>, is LicenseRef-KDE-Accepted-LGPL (REUSE Specification 3.3,
    /// "Custom licenses"). With <paramref name="exceptionAlone"/>, a file that holds only the licence exception its
    /// name gives (<c>LICENSES/Qt-LGPL-exception-1.1.txt</c>) answers that exception's id: what <c>commons identify</c>
    /// says of it. The build leaves it NOASSERTION, as an exception is no licence of the repository.
    /// </remarks>
    public LicenseIdentification NamedByFile(string path, bool exceptionAlone = false)
    {
        // As REUSE names a licence file (Compliance's ReuseLicenseFile.Of): the name without its extension
        // ("GPL-3.0-or-later.txt"), else the whole name ("GPL-3.0-or-later", whose last dot is in the version).
        var name = System.IO.Path.GetFileName(path);
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name.Substring(0, dot) : name;
        if (License is null || (exceptionAlone && Detections.Count == 0 && License.IndexOf(" WITH ", StringComparison.Ordinal) > 0))
        {
            return NamedByReuseFolder(path, name, stem, exceptionAlone);
        }

        if (EquivalentLicenses.Count == 0)
        {
            return this;
        }

        var named = dot > 0 ? NamedAs(stem) : this;
        return named != this ? named : NamedAs(name);
    }

    private LicenseIdentification NamedByReuseFolder(string path, string name, string stem, bool exceptionAlone)
    {
        var folder = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path) ?? string.Empty);
        if (!string.Equals(folder, "LICENSES", StringComparison.Ordinal) || Reason == EmptyFileReason)
        {
            return this;
        }

        if (License is null && stem.StartsWith("LicenseRef-", StringComparison.Ordinal) && stem.Length > "LicenseRef-".Length
            && stem.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
        {
            return Named(stem, "a licence of the project's own: REUSE names it by its file under LICENSES/");
        }

        // The exception found alone, or the whole file one of SPDX's deprecated "GPL-2.0-with-classpath-exception"
        // texts, which hold the exception only (their id says "GPL-2.0 WITH" the exception; the file holds no GPL).
        var exception = License is null
            ? (Detections.Count == 1 && Detections[0].Kind == DetectionKind.Exception && Unmatched.Count == 0 ? Detections[0].Expression : null)
            : License.Substring(License.IndexOf(" WITH ", StringComparison.Ordinal) + " WITH ".Length);
        return exceptionAlone && exception is not null && (string.Equals(exception, stem, StringComparison.Ordinal) || string.Equals(exception, name, StringComparison.Ordinal))
            ? Named(exception, "the text of a licence exception, named so by its file under LICENSES/ (REUSE)")
            : this;
    }

    private LicenseIdentification Named(string id, string reason)
        => new(id, 100, id, 100, new[] { id }, reason)
        {
            Detections = Detections,
            Unmatched = Unmatched,
        };

    public override string ToString()
        => License ?? ("NOASSERTION" + (Reason is null ? string.Empty : " (" + Reason + ")"));
}
