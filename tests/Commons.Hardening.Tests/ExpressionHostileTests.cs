// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Diagnostics;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Licensing;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>The SPDX expression parser (<see cref="SpdxExpression.Parse"/>) on generated and mutated expressions.</summary>
public sealed class ExpressionHostileTests
{
    private readonly ITestOutputHelper output;

    public ExpressionHostileTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public void Generated_valid_expressions_parse_and_their_normal_form_is_stable()
    {
        Property.Check(output, "expression/valid", Seeds.Expression, text =>
        {
            var result = SpdxExpression.Parse(text);
            Assert.True(result.IsValid, text + " → " + result.Error);
            var again = SpdxExpression.Parse(result.Normalized!);
            Assert.True(again.IsValid, result.Normalized);
            Assert.Equal(result.Normalized, again.Normalized);
        }, iter: 3000, print: Mutations.Describe);
    }

    [Fact]
    public void Mutated_expressions_give_a_result_or_an_error_that_points_inside_the_input()
    {
        Property.Check(output, "expression/mutated", Mutations.Of(Seeds.Expression), AssertClearResult, iter: 3000, print: Mutations.Describe);
    }

    [Fact]
    public void Ten_thousand_parentheses_are_an_error_not_a_stack_overflow()
    {
        foreach (var text in new[] { Mutations.Repeat("(", 10_000) + "MIT" + Mutations.Repeat(")", 10_000), Mutations.Repeat("(", 10_000), "MIT" + Mutations.Repeat(")", 10_000) })
        {
            var result = SpdxExpression.Parse(text);
            Assert.False(result.IsValid);
            AssertClearResult(text);
        }
    }

    [Fact]
    public void A_megabyte_long_expression_is_answered_quickly()
    {
        var text = Mutations.Repeat("MIT AND ", 130_000) + "MIT";
        var clock = Stopwatch.StartNew();
        var result = SpdxExpression.Parse(text);
        Assert.True(result.IsValid || result.Error is not null);
        Assert.True(clock.Elapsed.TotalSeconds < 10, "took " + clock.Elapsed);
    }

    private static void AssertClearResult(string text)
    {
        var result = SpdxExpression.Parse(text);
        if (result.IsValid)
        {
            Assert.Null(result.Error);
            var again = SpdxExpression.Parse(result.Normalized!);
            Assert.True(again.IsValid, "the normal form does not parse: " + result.Normalized);
            return;
        }

        var error = result.Error;
        Assert.NotNull(error);
        Assert.False(string.IsNullOrWhiteSpace(error!.Message));
        Assert.InRange(error.Position, 0, text.Length);
        Assert.InRange(error.Length, 0, text.Length - error.Position);
    }
}
