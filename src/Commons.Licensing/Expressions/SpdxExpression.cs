// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Text;

namespace Commons.Licensing;

/// <summary>
/// A parsed SPDX licence expression (SPDX 2.3 Annex D). Immutable; <see cref="ToString"/> gives the canonical form:
/// ids in catalogue case, operators in upper case, every compound operand of a compound in parentheses.
/// </summary>
public abstract class SpdxExpression
{
    private string? canonical;

    /// <summary>Parses an expression; never throws, bad input gives <see cref="SpdxParseResult.Error"/>.</summary>
    public static SpdxParseResult Parse(string text) => SpdxExpressionParser.Parse(text);

    /// <summary>Parses an expression; false (and null) when it is not valid.</summary>
    public static bool TryParse(string text, out SpdxExpression? expression)
    {
        var result = Parse(text);
        expression = result.Expression;
        return result.IsValid;
    }

    /// <summary>Every leaf licence id, left to right (a <c>WITH</c> leaf gives its licence; exception ids are not included).</summary>
    public IEnumerable<string> LicenseIds()
    {
        foreach (var leaf in Leaves())
        {
            yield return leaf is SpdxWithException with ? with.License.QualifiedId : ((SpdxLicenseRef)leaf).QualifiedId;
        }
    }

    /// <summary>Every leaf, left to right: <see cref="SpdxLicenseRef"/> or <see cref="SpdxWithException"/>.</summary>
    public IEnumerable<SpdxExpression> Leaves()
    {
        // Explicit stack: the parser caps the depth, but callers should not depend on that.
        var stack = new Stack<SpdxExpression>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is SpdxCompound compound)
            {
                for (var i = compound.Operands.Count - 1; i >= 0; i--)
                {
                    stack.Push(compound.Operands[i]);
                }
            }
            else
            {
                yield return node;
            }
        }
    }

    public sealed override string ToString()
    {
        if (canonical is null)
        {
            var sb = new StringBuilder();
            Write(sb);
            canonical = sb.ToString();
        }

        return canonical;
    }

    public sealed override bool Equals(object? obj) => obj is SpdxExpression other && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public sealed override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    internal abstract void Write(StringBuilder sb);
}

/// <summary>A licence id, optionally with <c>+</c> (or later), or a <c>LicenseRef-</c> (optionally from another document).</summary>
public sealed class SpdxLicenseRef : SpdxExpression
{
    public SpdxLicenseRef(string id, bool orLater = false, string? documentRef = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        OrLater = orLater;
        DocumentRef = documentRef;
        IsLicenseRef = id.StartsWith("LicenseRef-", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The SPDX id in catalogue case, or the <c>LicenseRef-…</c> as written.</summary>
    public string Id { get; }

    /// <summary>The <c>+</c> suffix: this version or any later one. GNU ids use <c>-or-later</c> instead, so it is false for them.</summary>
    public bool OrLater { get; }

    public bool IsLicenseRef { get; }

    /// <summary>The <c>DocumentRef-…</c> prefix (without the colon), or null.</summary>
    public string? DocumentRef { get; }

    /// <summary>The id with its document prefix, as it appears in the expression but without <c>+</c>.</summary>
    public string QualifiedId => DocumentRef is null ? Id : DocumentRef + ":" + Id;

    internal override void Write(StringBuilder sb)
    {
        sb.Append(QualifiedId);
        if (OrLater)
        {
            sb.Append('+');
        }
    }
}

/// <summary><c>licence WITH exception</c>: the exception stays attached to its licence.</summary>
public sealed class SpdxWithException : SpdxExpression
{
    public SpdxWithException(SpdxLicenseRef license, string exceptionId)
    {
        License = license ?? throw new ArgumentNullException(nameof(license));
        ExceptionId = exceptionId ?? throw new ArgumentNullException(nameof(exceptionId));
    }

    public SpdxLicenseRef License { get; }

    public string ExceptionId { get; }

    internal override void Write(StringBuilder sb)
    {
        License.Write(sb);
        sb.Append(" WITH ").Append(ExceptionId);
    }
}

/// <summary>Common base of <see cref="SpdxAnd"/> and <see cref="SpdxOr"/>.</summary>
public abstract class SpdxCompound : SpdxExpression
{
    private protected SpdxCompound(IReadOnlyList<SpdxExpression> operands)
    {
        if (operands is null || operands.Count < 2)
        {
            throw new ArgumentException("a compound expression needs at least two operands", nameof(operands));
        }

        Operands = operands;
    }

    public IReadOnlyList<SpdxExpression> Operands { get; }

    internal abstract string Operator { get; }

    internal override void Write(StringBuilder sb)
    {
        for (var i = 0; i < Operands.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ').Append(Operator).Append(' ');
            }

            var operand = Operands[i];
            if (operand is SpdxCompound)
            {
                sb.Append('(');
                operand.Write(sb);
                sb.Append(')');
            }
            else
            {
                operand.Write(sb);
            }
        }
    }
}

/// <summary><c>A AND B …</c>: every operand's terms apply.</summary>
public sealed class SpdxAnd : SpdxCompound
{
    public SpdxAnd(IReadOnlyList<SpdxExpression> operands)
        : base(operands)
    {
    }

    internal override string Operator => "AND";
}

/// <summary><c>A OR B …</c>: the recipient may choose any operand.</summary>
public sealed class SpdxOr : SpdxCompound
{
    public SpdxOr(IReadOnlyList<SpdxExpression> operands)
        : base(operands)
    {
    }

    internal override string Operator => "OR";
}
