// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;

namespace Commons.Licensing.Identification;

/// <summary>Where a new licence may start in a file that holds several.</summary>
internal static class LicenseSections
{
    // The first words of each exception's characteristic sentence: such a paragraph starts a section of its own.
    private static readonly string[] ExceptionOpenings = IdentificationTables.ExceptionPhrases
        .Select(p => string.Join(" ", p.Value.Split(' ').Take(5)))
        .ToArray();

    /// <summary>
    /// 0-based line indexes where sections start: the first line, the line after a horizontal rule, a title line that
    /// follows a blank line, and a paragraph opening an exception. Sections are over-split on purpose: the identifier
    /// joins neighbours back as long as they match one licence.
    /// </summary>
    public static List<int> Starts(string[] lines, LicenseTextNormalizer normalizer)
    {
        var starts = new List<int> { 0 };
        for (var i = 1; i < lines.Length; i++)
        {
            var afterBlank = lines[i - 1].Trim().Length == 0;
            var isStart = LicenseTextNormalizer.IsRule(lines[i - 1])
                || (afterBlank && lines[i].Trim().Length > 0 && ((normalizer.IsTitle(lines[i]) && StandsAlone(lines, i)) || OpensException(lines[i])));
            if (isStart && starts[starts.Count - 1] != i)
            {
                starts.Add(i);
            }
        }

        return starts;
    }

    /// <summary>A title heads a licence when it is a paragraph of its own or is followed by its version line.</summary>
    private static bool StandsAlone(string[] lines, int i)
    {
        if (i + 1 >= lines.Length || lines[i + 1].Trim().Length == 0)
        {
            return true;
        }

        var next = lines[i + 1].TrimStart();
        return next.StartsWith("version", StringComparison.OrdinalIgnoreCase) || next.StartsWith("v", StringComparison.OrdinalIgnoreCase) && next.Length > 1 && char.IsDigit(next[1]);
    }

    private static bool OpensException(string line)
    {
        var key = LicenseTextNormalizer.TitleKey(line);
        return ExceptionOpenings.Any(opening => key.StartsWith(opening, StringComparison.Ordinal));
    }
}
