// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using Commons.Licensing.Identification;

namespace Commons.Licensing;

/// <summary>Where a licence file departs from a catalogue licence: the line a diagnostic should point at.</summary>
public static class LicenseTextComparer
{
    /// <summary>
    /// The 1-based line of <paramref name="fileText"/> where its normalised words stop following the catalogue text of
    /// <paramref name="licenseId"/>; null when they follow it to the end. Titles, copyright lines, formatting and spelling
    /// variants never count as a difference. A file that stops early differs at the line after its last word.
    /// An id without a catalogue text matches nothing: line 1.
    /// </summary>
    public static int? FirstDifferingLine(string fileText, string licenseId)
        => FirstDifferingLine(LicenseIdentifier.Default, fileText, licenseId);

    /// <summary>The same, against the catalogue of <paramref name="identifier"/>.</summary>
    public static int? FirstDifferingLine(LicenseIdentifier identifier, string fileText, string licenseId)
    {
        if (identifier is null)
        {
            throw new ArgumentNullException(nameof(identifier));
        }

        var entry = licenseId is null ? null : identifier.Index.Find(licenseId);
        if (entry is null)
        {
            return 1;
        }

        var lines = LicenseTextNormalizer.SplitLines(fileText ?? string.Empty);
        var file = identifier.Index.FileNormalizer.Normalize(lines, 0, lines.Length);
        var expected = entry.Text.Words;
        var count = Math.Min(file.Words.Length, expected.Length);
        for (var i = 0; i < count; i++)
        {
            if (!string.Equals(file.Words[i], expected[i], StringComparison.Ordinal))
            {
                return file.Lines[i];
            }
        }

        if (file.Words.Length > expected.Length)
        {
            return file.Lines[expected.Length];
        }

        if (file.Words.Length < expected.Length)
        {
            return Math.Min(lines.Length, (file.Words.Length == 0 ? 0 : file.Lines[file.Words.Length - 1]) + 1);
        }

        return null;
    }
}
