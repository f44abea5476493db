// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Text;
using Commons.Licensing;

namespace Commons.Licensing.Tests.Expressions;

/// <summary>Random token soups (fixed seeds, so a failure is reproducible): never an exception; valid results round-trip; errors point inside the input.</summary>
public sealed class SpdxExpressionRandomInputTests
{
    private static readonly string[] Pieces =
    {
        "MIT", "mit", "Apache-2.0", "GPL-2.0", "GPL-2.0+", "GPL-3.0-only", "LGPL-2.1+", "Classpath-exception-2.0", "LicenseRef-x",
        "DocumentRef-d:LicenseRef-y", "Foo", "AND", "and", "OR", "or", "WITH", "with", "(", ")", "+", ":", ",", "\t", "\u0000", "é",
        "GPL-2.0-with-classpath-exception", "Apache", "2.0", "License",
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_token_sequences_never_throw_and_valid_ones_round_trip(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 2000; round++)
        {
            var sb = new StringBuilder();
            var count = random.Next(0, 12);
            for (var i = 0; i < count; i++)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(3) > 0)
                {
                    sb.Append(' ');
                }
            }

            var input = sb.ToString();
            var result = SpdxExpression.Parse(input);
            if (result.IsValid)
            {
                var again = SpdxExpression.Parse(result.Normalized!);
                Assert.True(again.IsValid, input);
                Assert.Equal(result.Normalized, again.Normalized);
                Assert.Empty(again.DeprecatedIds);
            }
            else
            {
                Assert.NotNull(result.Error);
                Assert.InRange(result.Error!.Position, 0, input.Length);
                Assert.InRange(result.Error.Position + result.Error.Length, 0, input.Length);
                Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
            }
        }
    }
}
