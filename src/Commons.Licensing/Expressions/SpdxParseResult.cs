// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;

namespace Commons.Licensing;

/// <summary>The outcome of <see cref="SpdxExpression.Parse"/>: an expression or an error, plus what was corrected on the way.</summary>
public sealed class SpdxParseResult
{
    internal SpdxParseResult(
        SpdxExpression? expression,
        SpdxParseError? error,
        IReadOnlyList<string> warnings,
        IReadOnlyList<string> unknownIds,
        IReadOnlyDictionary<string, string> deprecatedIds,
        string? suggestion,
        string? suggestionNote)
    {
        Expression = expression;
        Error = error;
        Warnings = warnings;
        UnknownIds = unknownIds;
        DeprecatedIds = deprecatedIds;
        Suggestion = suggestion;
        SuggestionNote = suggestionNote;
    }

    public bool IsValid => Expression is not null;

    public SpdxExpression? Expression { get; }

    /// <summary>The canonical form (<see cref="SpdxExpression.ToString"/>), or null when invalid.</summary>
    public string? Normalized => Expression?.ToString();

    public SpdxParseError? Error { get; }

    /// <summary>What was accepted but corrected or doubtful: deprecated ids, lower-case operators, unknown ids.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public bool UsesDeprecatedIds => DeprecatedIds.Count > 0;

    /// <summary>Each deprecated id as written → what it was read as (e.g. <c>GPL-2.0+</c> → <c>GPL-2.0-or-later</c>).</summary>
    public IReadOnlyDictionary<string, string> DeprecatedIds { get; }

    public bool HasUnknownIds => UnknownIds.Count > 0;

    /// <summary>Licence and exception ids that are neither in the SPDX catalogue nor <c>LicenseRef-</c>, in order of appearance.</summary>
    public IReadOnlyList<string> UnknownIds { get; }

    /// <summary>
    /// A corrected expression for the whole input when the input looks like a common misspelling
    /// (<c>Apache 2.0</c> → <c>Apache-2.0</c>, <c>GPLv3</c> → <c>GPL-3.0-only</c>); null otherwise.
    /// </summary>
    public string? Suggestion { get; }

    /// <summary>What to check before accepting <see cref="Suggestion"/> (e.g. "ambiguous: BSD-2-Clause, BSD-3-Clause …"), or null.</summary>
    public string? SuggestionNote { get; }
}

/// <summary>Why an expression could not be parsed, and where (0-based, in UTF-16 code units of the input).</summary>
public sealed class SpdxParseError
{
    internal SpdxParseError(string message, int position, int length, string? suggestion, string? suggestionNote)
    {
        Message = message;
        Position = position;
        Length = length;
        Suggestion = suggestion;
        SuggestionNote = suggestionNote;
    }

    public string Message { get; }

    public int Position { get; }

    public int Length { get; }

    /// <summary>A corrected expression (e.g. <c>Apache-2.0</c>), or null when none is known.</summary>
    public string? Suggestion { get; }

    /// <summary>What to check before accepting <see cref="Suggestion"/>, or null.</summary>
    public string? SuggestionNote { get; }

    public override string ToString() => Message + " (position " + Position + ")";
}
