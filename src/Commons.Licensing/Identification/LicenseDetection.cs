// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

namespace Commons.Licensing;

/// <summary>What kind of evidence a detection is.</summary>
public enum DetectionKind
{
    /// <summary>A licence text of the SPDX catalogue, whole (or a part the catalogue indexes on its own, such as the standalone LGPL-3.0).</summary>
    Text,

    /// <summary>A standard notice (the Apache-2.0 boilerplate, the GNU "either version N … or any later version" notice, the MPL-2.0 Exhibit A).</summary>
    Notice,

    /// <summary>A sentence naming the licence ("licensed under the MIT license", "dual-licensed under Apache-2.0 and MPL-2.0").</summary>
    Reference,

    /// <summary>An <c>SPDX-License-Identifier:</c> line.</summary>
    Tag,

    /// <summary>A licence exception (Classpath, GCC runtime, linking exceptions): joined to its licence with WITH.</summary>
    Exception,

    /// <summary>A known licence that SPDX does not list (commercial or source-available terms), recognised by its title and wording.</summary>
    KnownLicense,
}

/// <summary>One licence found inside a file: what it is, where it is, and how closely it follows its template.</summary>
public sealed class LicenseDetection
{
    public LicenseDetection(string expression, DetectionKind kind, int startLine, int endLine, string template, double coverage, int differingWords)
    {
        Expression = expression;
        Kind = kind;
        StartLine = startLine;
        EndLine = endLine;
        Template = template;
        Coverage = coverage;
        DifferingWords = differingWords;
    }

    /// <summary>What this part of the file says: an SPDX id, <c>X WITH E</c>, <c>A OR B</c> (a reference may name several), or a <c>LicenseRef-</c>.</summary>
    public string Expression { get; }

    public DetectionKind Kind { get; }

    /// <summary>First line (1-based) of the file that the detection covers.</summary>
    public int StartLine { get; }

    /// <summary>Last line (1-based, inclusive).</summary>
    public int EndLine { get; }

    /// <summary>What was matched: the catalogue id of a text, or the name of the notice, reference or fingerprint rule.</summary>
    public string Template { get; }

    /// <summary>0–100: the share of the template's words found, in order, in the file (or replaced where the template has a field).</summary>
    public double Coverage { get; }

    /// <summary>Words of the file inside the span that the template lacks, plus words of the template the file lacks (0 for an exact copy).</summary>
    public int DifferingWords { get; }

    public override string ToString() => Expression + " (" + Kind + ", lines " + StartLine + "-" + EndLine + ")";
}

/// <summary>Lines of a file that no detection explains.</summary>
public readonly struct UnmatchedSpan
{
    public UnmatchedSpan(int startLine, int endLine, int words)
    {
        StartLine = startLine;
        EndLine = endLine;
        Words = words;
    }

    public int StartLine { get; }

    public int EndLine { get; }

    /// <summary>Normalised words left over on those lines (titles, copyright lines and formatting never count).</summary>
    public int Words { get; }
}
