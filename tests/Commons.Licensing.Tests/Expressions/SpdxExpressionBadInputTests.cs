// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Linq;
using System.Text;
using Commons.Licensing;

namespace Commons.Licensing.Tests.Expressions;

public sealed class SpdxExpressionBadInputTests
{
    [Fact]
    public void Null_is_an_empty_expression_not_an_exception()
    {
        var result = SpdxExpression.Parse(null!);

        Assert.False(result.IsValid);
        Assert.Contains("empty", result.Error!.Message);
    }

    [Fact]
    public void Hundred_thousand_nested_parentheses_give_a_clear_error()
    {
        const int depth = 100_000;
        var text = new string('(', depth) + "MIT" + new string(')', depth);

        var result = SpdxExpression.Parse(text);

        Assert.False(result.IsValid);
        Assert.Contains("nested more than", result.Error!.Message);
        Assert.Equal(SpdxExpressionParser.MaxParenthesisDepth, result.Error.Position);
    }

    [Fact]
    public void Nesting_up_to_the_cap_parses()
    {
        var depth = SpdxExpressionParser.MaxParenthesisDepth;
        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            sb.Append(i % 2 == 0 ? "(MIT OR " : "(Zlib AND ");
        }

        sb.Append("ISC").Append(')', depth);

        var result = SpdxExpression.Parse(sb.ToString());

        Assert.True(result.IsValid, result.Error?.Message);
        Assert.Equal(depth + 1, result.Expression!.LicenseIds().Count());
        Assert.Equal(result.Normalized, SpdxExpression.Parse(result.Normalized!).Normalized);
    }

    [Fact]
    public void A_one_megabyte_expression_parses_in_linear_time()
    {
        var sb = new StringBuilder();
        while (sb.Length < 1_000_000)
        {
            sb.Append("MIT AND Apache-2.0 OR ");
        }

        sb.Append("Zlib");

        var result = SpdxExpression.Parse(sb.ToString());

        Assert.True(result.IsValid);
        var or = Assert.IsType<SpdxOr>(result.Expression);
        Assert.True(or.Operands.Count > 40_000);
    }

    [Fact]
    public void A_one_megabyte_string_of_garbage_gives_an_error_with_a_short_message()
    {
        var text = new string('x', 500_000) + " " + new string('y', 500_000);

        var result = SpdxExpression.Parse(text);

        Assert.False(result.IsValid);
        Assert.Equal(500_001, result.Error!.Position);
        Assert.True(result.Error.Message.Length < 200);
    }

    [Fact]
    public void Every_control_character_is_reported()
    {
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is '\t' or '\r' or '\n')
            {
                Assert.True(SpdxExpression.Parse("MIT" + c + "OR" + c + "ISC").IsValid);
                continue;
            }

            var result = SpdxExpression.Parse("MIT" + c);
            Assert.False(result.IsValid);
            Assert.Contains("control character", result.Error!.Message);
            Assert.Equal(3, result.Error.Position);
        }
    }

    [Fact]
    public void A_lone_surrogate_and_an_emoji_are_reported_not_thrown()
    {
        Assert.False(SpdxExpression.Parse("MIT \uD800").IsValid);
        var emoji = SpdxExpression.Parse("MIT \uD83D\uDE00");
        Assert.Equal(2, emoji.Error!.Length);
        Assert.Contains("U+1F600", emoji.Error.Message);
    }
}
