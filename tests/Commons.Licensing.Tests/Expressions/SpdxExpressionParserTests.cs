// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Linq;
using Commons.Licensing;

namespace Commons.Licensing.Tests.Expressions;

public sealed class SpdxExpressionParserTests
{
    [Theory]
    [InlineData("MIT", "MIT")]
    [InlineData("mit", "MIT")]
    [InlineData("apache-2.0", "Apache-2.0")]
    [InlineData("MIT OR Apache-2.0", "MIT OR Apache-2.0")]
    [InlineData("MIT AND Apache-2.0", "MIT AND Apache-2.0")]
    [InlineData("MIT OR Apache-2.0 AND BSD-3-Clause", "MIT OR (Apache-2.0 AND BSD-3-Clause)")]
    [InlineData("MIT AND Apache-2.0 OR BSD-3-Clause", "(MIT AND Apache-2.0) OR BSD-3-Clause")]
    [InlineData("(MIT OR Apache-2.0) AND BSD-3-Clause", "(MIT OR Apache-2.0) AND BSD-3-Clause")]
    [InlineData("MIT OR (Apache-2.0 OR BSD-3-Clause)", "MIT OR Apache-2.0 OR BSD-3-Clause")]
    [InlineData("((MIT))", "MIT")]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("gpl-2.0-only with classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("MIT OR GPL-2.0-only WITH Classpath-exception-2.0 AND Zlib", "MIT OR (GPL-2.0-only WITH Classpath-exception-2.0 AND Zlib)")]
    [InlineData("Apache-2.0+", "Apache-2.0+")]
    [InlineData("MPL-1.1+ OR MIT", "MPL-1.1+ OR MIT")]
    [InlineData("LicenseRef-Proprietary", "LicenseRef-Proprietary")]
    [InlineData("licenseref-my.Own-1", "LicenseRef-my.Own-1")]
    [InlineData("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2")]
    [InlineData("LicenseRef-X WITH Classpath-exception-2.0", "LicenseRef-X WITH Classpath-exception-2.0")]
    [InlineData("  MIT\tOR\r\nApache-2.0  ", "MIT OR Apache-2.0")]
    public void Parses_and_normalises(string input, string expected)
    {
        var result = SpdxExpression.Parse(input);

        Assert.True(result.IsValid, result.Error?.Message);
        Assert.Equal(expected, result.Normalized);
        Assert.Equal(expected, result.Expression!.ToString());
    }

    [Fact]
    public void Builds_the_tree_with_precedence_plus_with_and_or()
    {
        var expression = SpdxExpression.Parse("MIT OR Apache-2.0+ AND GPL-2.0-or-later WITH GCC-exception-2.0").Expression!;

        var or = Assert.IsType<SpdxOr>(expression);
        Assert.Equal("MIT", Assert.IsType<SpdxLicenseRef>(or.Operands[0]).Id);
        var and = Assert.IsType<SpdxAnd>(or.Operands[1]);
        var apache = Assert.IsType<SpdxLicenseRef>(and.Operands[0]);
        Assert.True(apache.OrLater);
        Assert.Equal("Apache-2.0", apache.Id);
        var with = Assert.IsType<SpdxWithException>(and.Operands[1]);
        Assert.Equal("GPL-2.0-or-later", with.License.Id);
        Assert.Equal("GCC-exception-2.0", with.ExceptionId);
    }

    [Fact]
    public void Reads_license_refs_and_document_refs()
    {
        var expression = SpdxExpression.Parse("DocumentRef-doc:LicenseRef-a AND LicenseRef-b").Expression!;

        var and = Assert.IsType<SpdxAnd>(expression);
        var first = Assert.IsType<SpdxLicenseRef>(and.Operands[0]);
        Assert.True(first.IsLicenseRef);
        Assert.Equal("DocumentRef-doc", first.DocumentRef);
        Assert.Equal("LicenseRef-a", first.Id);
        Assert.Equal(new[] { "DocumentRef-doc:LicenseRef-a", "LicenseRef-b" }, expression.LicenseIds());
        Assert.False(SpdxExpression.Parse("LicenseRef-b").HasUnknownIds);
    }

    [Fact]
    public void LicenseIds_lists_every_leaf_licence_in_order()
    {
        var expression = SpdxExpression.Parse("(MIT OR Apache-2.0) AND (GPL-2.0-only WITH Classpath-exception-2.0 OR Zlib)").Expression!;

        Assert.Equal(new[] { "MIT", "Apache-2.0", "GPL-2.0-only", "Zlib" }, expression.LicenseIds());
    }

    [Theory]
    [InlineData("GPL-3.0", "GPL-3.0-only")]
    [InlineData("GPL-2.0+", "GPL-2.0-or-later")]
    [InlineData("gpl-2.0+", "GPL-2.0-or-later")]
    [InlineData("LGPL-2.1", "LGPL-2.1-only")]
    [InlineData("LGPL-3.0+", "LGPL-3.0-or-later")]
    [InlineData("AGPL-3.0", "AGPL-3.0-only")]
    [InlineData("GPL-2.0-with-classpath-exception", "GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("GPL-3.0-with-GCC-exception", "GPL-3.0-only WITH GCC-exception-3.1")]
    [InlineData("BSD-2-Clause-FreeBSD", "BSD-2-Clause")]
    [InlineData("bzip2-1.0.5", "bzip2-1.0.6")]
    [InlineData("wxWindows", "LGPL-2.0-or-later WITH WxWindows-exception-3.1")]
    public void Maps_deprecated_ids_with_a_warning(string input, string expected)
    {
        var result = SpdxExpression.Parse(input);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Normalized);
        Assert.True(result.UsesDeprecatedIds);
        Assert.Contains(result.Warnings, w => w.Contains("deprecated") && w.Contains(expected));
        Assert.False(result.HasUnknownIds);
    }

    [Fact]
    public void Every_deprecated_catalogue_id_is_in_the_table_and_maps_to_current_ids()
    {
        foreach (var license in SpdxCatalog.Default.Licenses.Where(l => l.IsDeprecated))
        {
            Assert.True(DeprecatedIdTable.TryGet(license.Id, false, out var replacement), license.Id + " has no row in deprecated-ids.tsv");
            if (replacement.Length == 0)
            {
                continue;
            }

            var parsed = SpdxExpression.Parse(replacement);
            Assert.True(parsed.IsValid, license.Id + " → " + replacement);
            Assert.False(parsed.UsesDeprecatedIds, license.Id + " → " + replacement);
            Assert.False(parsed.HasUnknownIds, license.Id + " → " + replacement);
        }
    }

    [Fact]
    public void A_deprecated_with_id_cannot_take_another_exception()
    {
        var result = SpdxExpression.Parse("GPL-2.0-with-classpath-exception WITH GCC-exception-2.0");

        Assert.False(result.IsValid);
        Assert.Equal(33, result.Error!.Position);
    }

    [Theory]
    [InlineData("GPL-2.0-only+", "GPL-2.0-or-later")]
    [InlineData("GPL-3.0-or-later+", "GPL-3.0-or-later")]
    public void Plus_on_gnu_ids_is_read_as_or_later_with_a_warning(string input, string expected)
    {
        var result = SpdxExpression.Parse(input);

        Assert.Equal(expected, result.Normalized);
        Assert.NotEmpty(result.Warnings);
    }

    [Theory]
    [InlineData("MIT or Apache-2.0", "MIT OR Apache-2.0")]
    [InlineData("MIT and Apache-2.0", "MIT AND Apache-2.0")]
    [InlineData("GPL-2.0-only With Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0")]
    public void Lower_case_operators_are_accepted_with_a_warning(string input, string expected)
    {
        var result = SpdxExpression.Parse(input);

        Assert.Equal(expected, result.Normalized);
        Assert.Contains(result.Warnings, w => w.Contains("upper case"));
    }

    [Fact]
    public void Upper_case_operators_give_no_warning()
    {
        Assert.Empty(SpdxExpression.Parse("MIT OR Apache-2.0 AND GPL-2.0-only WITH Classpath-exception-2.0").Warnings);
    }

    [Fact]
    public void Unknown_ids_are_parsed_and_flagged()
    {
        var result = SpdxExpression.Parse("MIT OR Foo-1.0 AND Bar WITH Baz-exception");

        Assert.True(result.IsValid);
        Assert.True(result.HasUnknownIds);
        Assert.Equal(new[] { "Foo-1.0", "Bar", "Baz-exception" }, result.UnknownIds);
        Assert.Equal("MIT OR (Foo-1.0 AND Bar WITH Baz-exception)", result.Normalized);
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 0, "empty")]
    [InlineData("AND MIT", 0, "starts with the operator AND")]
    [InlineData("MIT AND", 4, "ends after")]
    [InlineData("MIT OR OR Apache-2.0", 7, "found the operator OR")]
    [InlineData("MIT Apache-2.0", 4, "expected AND, OR, WITH or ')'")]
    [InlineData("(MIT", 0, "never closed")]
    [InlineData("MIT)", 3, "no matching")]
    [InlineData("()", 0, "empty parentheses")]
    [InlineData("MIT AND ()", 8, "empty parentheses")]
    [InlineData("MIT (Apache-2.0)", 4, "before '('")]
    [InlineData("MIT +", 4, "without a space")]
    [InlineData("+MIT", 0, "'+' must directly follow")]
    [InlineData("MIT++", 4, "only once")]
    [InlineData("(MIT)+", 5, "'+' must directly follow")]
    [InlineData("LicenseRef-X+", 12, "cannot follow a LicenseRef")]
    [InlineData("(MIT OR Apache-2.0) WITH Classpath-exception-2.0", 20, "WITH must follow a single licence id")]
    [InlineData("GPL-2.0-only WITH", 13, "exception id after WITH")]
    [InlineData("GPL-2.0-only WITH AND MIT", 18, "exception id after WITH")]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0+", 41, "before WITH")]
    [InlineData("MIT WITH Apache-2.0", 9, "is a licence, not an exception")]
    [InlineData("Classpath-exception-2.0", 0, "is a licence exception")]
    [InlineData("MIT, Apache-2.0", 3, "character ','")]
    [InlineData("MIT/Apache-2.0", 3, "character '/'")]
    [InlineData("MIT\u0001", 3, "control character U+0001")]
    [InlineData("MIT\u00A0OR Apache-2.0", 3, "U+00A0")]
    [InlineData("MIT:X", 3, "only allowed in DocumentRef")]
    [InlineData("DocumentRef-x:MIT", 13, "only allowed in DocumentRef")]
    [InlineData("DocumentRef-x", 0, "must be followed by")]
    [InlineData("GPL-2.0-only WITH a:b", 19, "':' is not allowed")]
    [InlineData("MIT OR LicenseRef-", 7, "needs an id after the dash")]
    [InlineData("DocumentRef-x:LicenseRef-", 0, "needs an id after the dash")]
    [InlineData("MIT OR (", 7, "ends after '('")]
    public void Reports_each_error_with_its_position(string input, int position, string messagePart)
    {
        var result = SpdxExpression.Parse(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Expression);
        Assert.Null(result.Normalized);
        Assert.NotNull(result.Error);
        Assert.Contains(messagePart, result.Error!.Message);
        Assert.Equal(position, result.Error.Position);
        Assert.InRange(result.Error.Position + result.Error.Length, 0, input.Length);
        Assert.False(SpdxExpression.TryParse(input, out var expression));
        Assert.Null(expression);
    }

    [Theory]
    [InlineData("Apache 2.0", "Apache-2.0")]
    [InlineData("Apache License 2.0", "Apache-2.0")]
    [InlineData("Apache License, Version 2.0", "Apache-2.0")]
    [InlineData("MIT License", "MIT")]
    [InlineData("GPL v2", "GPL-2.0-only")]
    [InlineData("GPL v3 or MIT", "GPL-3.0-only OR MIT")]
    [InlineData("BSD 3 Clause", "BSD-3-Clause")]
    [InlineData("Apache 2.0 OR MIT License", "Apache-2.0 OR MIT")]
    [InlineData("Public Domain", "LicenseRef-PublicDomain")]
    public void Suggests_a_correction_for_invalid_input(string input, string suggestion)
    {
        var result = SpdxExpression.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal(suggestion, result.Error!.Suggestion);
        Assert.Equal(suggestion, result.Suggestion);
    }

    [Theory]
    [InlineData("GPLv3", "GPL-3.0-only")]
    [InlineData("BSD", "BSD-3-Clause")]
    [InlineData("LGPL", "LGPL-2.1-or-later")]
    [InlineData("Apache2", "Apache-2.0")]
    public void Suggests_a_correction_for_unknown_ids(string input, string suggestion)
    {
        var result = SpdxExpression.Parse(input);

        Assert.True(result.IsValid);
        Assert.True(result.HasUnknownIds);
        Assert.Equal(suggestion, result.Suggestion);
        Assert.Contains(result.Warnings, w => w.Contains("did you mean " + suggestion));
    }

    [Fact]
    public void Every_suggestion_in_the_table_is_a_valid_expression_of_current_ids()
    {
        var rows = EmbeddedTable.Read("misspellings.tsv", 2);

        Assert.True(rows.Count > 50);
        foreach (var row in rows)
        {
            var parsed = SpdxExpression.Parse(row[1]);
            Assert.True(parsed.IsValid, row[0]);
            Assert.False(parsed.HasUnknownIds, row[0]);
            Assert.False(parsed.UsesDeprecatedIds, row[0]);
            Assert.Equal(row[1], parsed.Normalized);
            Assert.Equal(row[1], SpdxSuggestions.ForPhrase(row[0])!.Expression);
        }
    }

    [Fact]
    public void Ambiguous_suggestions_carry_a_note()
    {
        var result = SpdxExpression.Parse("BSD");

        Assert.Contains("ambiguous", result.SuggestionNote);
    }

    [Fact]
    public void Valid_known_expressions_get_no_suggestion()
    {
        Assert.Null(SpdxExpression.Parse("MIT OR Apache-2.0").Suggestion);
        Assert.Null(SpdxExpression.Parse("Frobnicate-License").Suggestion);
    }

    [Theory]
    [InlineData("mit or apache-2.0 and (bsd-3-clause or zlib)")]
    [InlineData("GPL-2.0+ WITH Classpath-exception-2.0 OR LicenseRef-a")]
    [InlineData("((A AND B) OR (C AND (D OR E)))")]
    [InlineData("DocumentRef-d:LicenseRef-x OR MPL-1.1+")]
    [InlineData("GPL-3.0 AND LGPL-2.1+ AND AGPL-3.0")]
    public void Round_trips_the_normalised_form(string input)
    {
        var first = SpdxExpression.Parse(input);
        var second = SpdxExpression.Parse(first.Normalized!);

        Assert.True(second.IsValid);
        Assert.Equal(first.Normalized, second.Normalized);
        Assert.Equal(first.Expression, second.Expression);
        Assert.False(second.UsesDeprecatedIds);
    }

    [Fact]
    public void Round_trips_every_catalogue_id()
    {
        foreach (var license in SpdxCatalog.Default.Licenses)
        {
            var first = SpdxExpression.Parse(license.Id.ToLowerInvariant());
            Assert.True(first.IsValid, license.Id);
            Assert.Equal(first.Normalized, SpdxExpression.Parse(first.Normalized!).Normalized);
            if (!license.IsDeprecated)
            {
                Assert.Equal(license.Id, first.Normalized);
            }
        }
    }
}
