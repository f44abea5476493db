// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;

namespace Commons.Licensing;

/// <summary>
/// SPDX 2.3 expression parser (Annex D). Operator precedence, highest first: <c>+</c>, <c>WITH</c>, <c>AND</c>, <c>OR</c>.
/// Iterative (operator and operand stacks), with a cap on parenthesis depth so that every later walk of the tree is shallow.
/// </summary>
internal sealed class SpdxExpressionParser
{
    /// <summary>Deeper nesting is refused with an error: real expressions nest a handful of levels.</summary>
    internal const int MaxParenthesisDepth = 256;

    /// <summary>Suggestions are not searched for in inputs longer than this (they are machine-made, not misspelt).</summary>
    private const int MaxSuggestionInputLength = 4096;

    private static readonly string[] Operators = { "AND", "OR", "WITH" };

    private readonly string text;
    private readonly SpdxCatalog catalog;
    private readonly List<Token> tokens;
    private readonly List<string> warnings = new();
    private readonly List<string> unknownIds = new();
    private readonly Dictionary<string, string> deprecatedIds = new(StringComparer.Ordinal);
    private int next;

    private SpdxExpressionParser(string text, SpdxCatalog catalog, List<Token> tokens)
    {
        this.text = text;
        this.catalog = catalog;
        this.tokens = tokens;
    }

    private enum TokenKind
    {
        Word,
        OpenParen,
        CloseParen,
        Plus,
        End,
    }

    public static SpdxParseResult Parse(string text) => Parse(text, SpdxCatalog.Default, withSuggestions: true);

    internal static SpdxParseResult Parse(string? text, SpdxCatalog catalog, bool withSuggestions)
    {
        text ??= string.Empty;
        var lexError = Tokenize(text, out var tokens);
        var parser = new SpdxExpressionParser(text, catalog, tokens);
        SpdxExpression? expression = null;
        var error = lexError ?? parser.ParseTokens(out expression);

        var suggestion = withSuggestions && (error is not null || parser.unknownIds.Count > 0)
            ? SpdxSuggestions.Suggest(text, catalog, MaxSuggestionInputLength)
            : null;
        if (suggestion is not null && expression is not null && suggestion.Expression == expression.ToString())
        {
            suggestion = null;
        }

        if (error is not null)
        {
            return new SpdxParseResult(
                null,
                new SpdxParseError(error.Value.Message, error.Value.Position, error.Value.Length, suggestion?.Expression, suggestion?.Note),
                parser.warnings,
                parser.unknownIds,
                parser.deprecatedIds,
                suggestion?.Expression,
                suggestion?.Note);
        }

        return new SpdxParseResult(expression, null, parser.warnings, parser.unknownIds, parser.deprecatedIds, suggestion?.Expression, suggestion?.Note);
    }

    private static Failure? Tokenize(string text, out List<Token> tokens)
    {
        tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }
            else if (c is '(' or ')' or '+')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.OpenParen : c == ')' ? TokenKind.CloseParen : TokenKind.Plus, i, 1, c.ToString()));
                i++;
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, start, i - start, text.Substring(start, i - start)));
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                var code = "U+" + (length == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c).ToString("X4", CultureInfo.InvariantCulture);
                var message = char.IsControl(c)
                    ? "control character " + code + " is not allowed in an SPDX expression"
                    : c > 0x20 && c < 0x7F
                        ? "character '" + c + "' is not allowed in an SPDX expression (ids use letters, digits, '-' and '.'; operators are AND, OR, WITH, '+' and parentheses)"
                        : "character " + code + " is not allowed in an SPDX expression (ids use letters, digits, '-' and '.')";
                return new Failure(message, i, length);
            }
        }

        tokens.Add(new Token(TokenKind.End, text.Length, 0, string.Empty));
        return null;
    }

    private static bool IsWordChar(char c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or ':';

    private static string? OperatorOf(Token token)
    {
        if (token.Kind != TokenKind.Word)
        {
            return null;
        }

        foreach (var op in Operators)
        {
            if (string.Equals(token.Text, op, StringComparison.OrdinalIgnoreCase))
            {
                return op;
            }
        }

        return null;
    }

    private static string Quote(string s) => "'" + (s.Length > 40 ? s.Substring(0, 40) + "…" : s) + "'";

    private Failure? ParseTokens(out SpdxExpression? expression)
    {
        expression = null;
        var operands = new Stack<Operand>();
        var operators = new Stack<Token>();
        var expectOperand = true;
        var depth = 0;

        while (true)
        {
            var token = tokens[next];
            if (expectOperand)
            {
                switch (token.Kind)
                {
                    case TokenKind.Word when OperatorOf(token) is { } op:
                        return next == 0
                            ? new Failure("the expression starts with the operator " + op + ": a licence id must come first", token.Start, token.Length)
                            : new Failure("expected a licence id or '(' but found the operator " + op, token.Start, token.Length);
                    case TokenKind.Word:
                        var leafFailure = ReadLeaf(out var leaf);
                        if (leafFailure is not null)
                        {
                            return leafFailure;
                        }

                        operands.Push(new Operand(leaf!));
                        expectOperand = false;
                        continue;
                    case TokenKind.OpenParen:
                        if (++depth > MaxParenthesisDepth)
                        {
                            return new Failure("parentheses are nested more than " + MaxParenthesisDepth + " deep", token.Start, 1);
                        }

                        operators.Push(token);
                        next++;
                        continue;
                    case TokenKind.CloseParen:
                        return next > 0 && tokens[next - 1].Kind == TokenKind.OpenParen
                            ? new Failure("empty parentheses: a licence id is missing", tokens[next - 1].Start, token.Start - tokens[next - 1].Start + 1)
                            : new Failure("expected a licence id but found ')'", token.Start, 1);
                    case TokenKind.Plus:
                        return new Failure("'+' must directly follow a licence id (as in Apache-2.0+)", token.Start, 1);
                    default:
                        if (tokens.Count == 1)
                        {
                            return new Failure("the expression is empty", 0, text.Length);
                        }

                        var last = tokens[next - 1];
                        return new Failure("the expression ends after " + Quote(last.Text) + ": a licence id is missing", last.Start, last.Length);
                }
            }

            switch (token.Kind)
            {
                case TokenKind.Word when OperatorOf(token) is "AND" or "OR":
                    var op = OperatorOf(token)!;
                    WarnIfNotUpperCase(token, op);
                    while (operators.Count > 0 && operators.Peek().Kind != TokenKind.OpenParen && Precedence(operators.Peek().Text) >= Precedence(op))
                    {
                        Reduce(operands, operators.Pop());
                    }

                    operators.Push(new Token(TokenKind.Word, token.Start, token.Length, op));
                    expectOperand = true;
                    next++;
                    continue;
                case TokenKind.Word when OperatorOf(token) == "WITH":
                    return new Failure("WITH must follow a single licence id, not a parenthesised or combined expression", token.Start, token.Length);
                case TokenKind.Word:
                    return new Failure("expected AND, OR, WITH or ')' after " + Quote(tokens[next - 1].Text) + " but found " + Quote(token.Text), token.Start, token.Length);
                case TokenKind.CloseParen:
                    while (operators.Count > 0 && operators.Peek().Kind != TokenKind.OpenParen)
                    {
                        Reduce(operands, operators.Pop());
                    }

                    if (operators.Count == 0)
                    {
                        return new Failure("')' has no matching '('", token.Start, 1);
                    }

                    operators.Pop();
                    depth--;
                    next++;
                    continue;
                case TokenKind.OpenParen:
                    return new Failure("expected AND or OR before '('", token.Start, 1);
                case TokenKind.Plus:
                    return new Failure("'+' must directly follow a licence id (as in Apache-2.0+)", token.Start, 1);
                default:
                    while (operators.Count > 0)
                    {
                        var top = operators.Pop();
                        if (top.Kind == TokenKind.OpenParen)
                        {
                            return new Failure("'(' is never closed", top.Start, 1);
                        }

                        Reduce(operands, top);
                    }

                    expression = operands.Pop().Build();
                    return null;
            }
        }
    }

    private static int Precedence(string op) => op == "AND" ? 2 : 1;

    private static void Reduce(Stack<Operand> operands, Token op)
    {
        var right = operands.Pop();
        var left = operands.Pop();
        operands.Push(Operand.Combine(op.Text, left, right));
    }

    private void WarnIfNotUpperCase(Token token, string op)
    {
        if (!string.Equals(token.Text, op, StringComparison.Ordinal))
        {
            warnings.Add("operator " + Quote(token.Text) + " at position " + token.Start + " should be upper case (SPDX 2.3 D.2): read as " + op);
        }
    }

    /// <summary>Reads <c>id ["+"] ["WITH" exception]</c> starting at the current word token.</summary>
    private Failure? ReadLeaf(out SpdxExpression? leaf)
    {
        leaf = null;
        var word = tokens[next++];
        var orLater = false;
        if (tokens[next].Kind == TokenKind.Plus)
        {
            var plus = tokens[next];
            if (plus.Start != word.Start + word.Length)
            {
                return new Failure("'+' must directly follow the licence id, without a space", plus.Start, 1);
            }

            orLater = true;
            next++;
            if (tokens[next].Kind == TokenKind.Plus)
            {
                return new Failure("'+' may appear only once after a licence id", tokens[next].Start, 1);
            }
        }

        var licenseFailure = ReadLicense(word, orLater, out var license);
        if (licenseFailure is not null)
        {
            return licenseFailure;
        }

        if (OperatorOf(tokens[next]) != "WITH")
        {
            leaf = license;
            return null;
        }

        var with = tokens[next++];
        WarnIfNotUpperCase(with, "WITH");
        if (license is SpdxWithException)
        {
            return new Failure(Quote(word.Text) + " already includes an exception; it cannot take another WITH", with.Start, with.Length);
        }

        var exceptionToken = tokens[next];
        if (exceptionToken.Kind != TokenKind.Word || OperatorOf(exceptionToken) is not null)
        {
            return new Failure("expected a licence exception id after WITH", exceptionToken.Kind == TokenKind.End ? with.Start : exceptionToken.Start, exceptionToken.Kind == TokenKind.End ? with.Length : exceptionToken.Length);
        }

        next++;
        if (tokens[next].Kind == TokenKind.Plus)
        {
            return new Failure("'+' belongs after the licence id, before WITH", tokens[next].Start, 1);
        }

        var exceptionFailure = ReadException(exceptionToken, out var exceptionId);
        if (exceptionFailure is not null)
        {
            return exceptionFailure;
        }

        leaf = new SpdxWithException((SpdxLicenseRef)license!, exceptionId!);
        return null;
    }

    private Failure? ReadLicense(Token word, bool orLater, out SpdxExpression? license)
    {
        license = null;
        var id = word.Text;
        string? documentRef = null;
        var colon = id.IndexOf(':');
        if (colon >= 0)
        {
            documentRef = id.Substring(0, colon);
            id = id.Substring(colon + 1);
            if (!HasPrefix(documentRef, "DocumentRef-") || !id.StartsWith("LicenseRef-", StringComparison.OrdinalIgnoreCase) || id.IndexOf(':') >= 0)
            {
                return new Failure("':' is only allowed in DocumentRef-<id>:LicenseRef-<id>", word.Start + colon, 1);
            }

            documentRef = "DocumentRef-" + documentRef.Substring("DocumentRef-".Length);
        }

        if (string.Equals(id, "LicenseRef-", StringComparison.OrdinalIgnoreCase) || string.Equals(id, "DocumentRef-", StringComparison.OrdinalIgnoreCase))
        {
            return new Failure(Quote(word.Text) + " needs an id after the dash (letters, digits, '-' and '.')", word.Start, word.Length);
        }

        if (HasPrefix(id, "LicenseRef-"))
        {
            if (orLater)
            {
                return new Failure("'+' cannot follow a LicenseRef-: it names one text, not a versioned licence", word.Start + word.Length, 1);
            }

            license = new SpdxLicenseRef("LicenseRef-" + id.Substring("LicenseRef-".Length), false, documentRef);
            return null;
        }

        if (HasPrefix(id, "DocumentRef-"))
        {
            return new Failure("DocumentRef- must be followed by ':LicenseRef-<id>'", word.Start, word.Length);
        }

        if (!catalog.TryGetLicense(id, out var known))
        {
            if (catalog.TryGetException(id, out var exception))
            {
                return new Failure(Quote(exception.Id) + " is a licence exception: it goes after WITH (as in GPL-2.0-only WITH Classpath-exception-2.0)", word.Start, word.Length);
            }

            AddUnknown(id);
            license = new SpdxLicenseRef(id, orLater);
            return null;
        }

        var written = known.Id + (orLater ? "+" : string.Empty);
        if (known.IsDeprecated)
        {
            license = ReadDeprecated(known.Id, orLater, written);
            return null;
        }

        var canonical = known.Id;
        if (orLater && catalog.TryGetLicense(GnuOrLaterForm(canonical) ?? string.Empty, out var orLaterLicense))
        {
            // GNU ids say "-only" or "-or-later" themselves; a "+" on them is read as "-or-later".
            warnings.Add(written + " mixes a GNU -only/-or-later id with '+': read as " + orLaterLicense.Id);
            canonical = orLaterLicense.Id;
            orLater = false;
        }
        else if (orLater && canonical.EndsWith("-or-later", StringComparison.Ordinal))
        {
            warnings.Add(written + " already means 'or later': the '+' is dropped");
            orLater = false;
        }

        license = new SpdxLicenseRef(canonical, orLater);
        return null;
    }

    private SpdxExpression ReadDeprecated(string id, bool orLater, string written)
    {
        if (DeprecatedIdTable.TryGet(id, orLater, out var replacement) && replacement.Length > 0)
        {
            var parsed = Parse(replacement, catalog, withSuggestions: false).Expression!;
            warnings.Add(written + " is deprecated: read as " + parsed);
            deprecatedIds[written] = parsed.ToString();
            return parsed;
        }

        warnings.Add(written + " is deprecated and SPDX names no single successor: check the licence text");
        deprecatedIds[written] = written;
        return new SpdxLicenseRef(id, orLater);
    }

    private static string? GnuOrLaterForm(string id)
        => id.EndsWith("-only", StringComparison.Ordinal) ? id.Substring(0, id.Length - "-only".Length) + "-or-later" : null;

    private Failure? ReadException(Token token, out string? exceptionId)
    {
        exceptionId = null;
        if (catalog.TryGetException(token.Text, out var exception))
        {
            if (exception.IsDeprecated)
            {
                warnings.Add(exception.Id + " is a deprecated licence exception");
                deprecatedIds[exception.Id] = exception.Id;
            }

            exceptionId = exception.Id;
            return null;
        }

        if (catalog.TryGetLicense(token.Text, out var license))
        {
            return new Failure(Quote(license.Id) + " is a licence, not an exception: combine licences with AND or OR", token.Start, token.Length);
        }

        if (token.Text.IndexOf(':') >= 0)
        {
            return new Failure("':' is not allowed in a licence exception id", token.Start + token.Text.IndexOf(':'), 1);
        }

        AddUnknown(token.Text);
        exceptionId = token.Text;
        return null;
    }

    private void AddUnknown(string id)
    {
        if (!unknownIds.Contains(id))
        {
            unknownIds.Add(id);
            var hint = SpdxSuggestions.ForPhrase(id);
            warnings.Add(Quote(id) + " is not an SPDX id" + (hint is null ? string.Empty : ": did you mean " + hint.Expression + "?"));
        }
    }

    private static bool HasPrefix(string s, string prefix)
        => s.Length > prefix.Length && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private readonly struct Token
    {
        public Token(TokenKind kind, int start, int length, string text)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Text = text;
        }

        public TokenKind Kind { get; }

        public int Start { get; }

        public int Length { get; }

        public string Text { get; }
    }

    private readonly struct Failure
    {
        public Failure(string message, int position, int length)
        {
            Message = message;
            Position = position;
            Length = length;
        }

        public string Message { get; }

        public int Position { get; }

        public int Length { get; }
    }

    /// <summary>An operand while parsing: a finished leaf, or an AND/OR list that absorbs operands of the same operator (associativity).</summary>
    private sealed class Operand
    {
        private readonly SpdxExpression? leaf;
        private readonly string? op;
        private readonly List<Operand>? items;

        public Operand(SpdxExpression leaf) => this.leaf = leaf;

        private Operand(string op, List<Operand> items)
        {
            this.op = op;
            this.items = items;
        }

        public static Operand Combine(string op, Operand left, Operand right)
        {
            // Appending in place keeps long chains (A AND B AND … ) linear instead of quadratic.
            var result = left.op == op ? left : new Operand(op, new List<Operand> { left });
            if (right.op == op)
            {
                result.items!.AddRange(right.items!);
            }
            else
            {
                result.items!.Add(right);
            }

            return result;
        }

        /// <summary>Recursive, but the depth is bounded by <see cref="MaxParenthesisDepth"/>.</summary>
        public SpdxExpression Build()
        {
            if (leaf is not null)
            {
                return leaf;
            }

            var built = new List<SpdxExpression>(items!.Count);
            foreach (var item in items)
            {
                built.Add(item.Build());
            }

            return op == "AND" ? new SpdxAnd(built) : new SpdxOr(built);
        }
    }
}
