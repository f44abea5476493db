// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Linq;
using BenchmarkDotNet.Attributes;
using Commons.Licensing;

namespace Commons.Benchmarks;

/// <summary>
/// SPDX expression parsing (the catalogue is loaded once in setup):
/// <c>dotnet run -c Release --project tests/Commons.Benchmarks -- --filter '*ExpressionParsing*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ExpressionParsingBenchmarks
{
    private const string Short = "MIT";
    private const string Typical = "(MIT OR Apache-2.0) AND BSD-3-Clause";
    private const string WithDeprecatedAndLowerCase = "gpl-2.0+ with classpath-exception-2.0 or lgpl-2.1";
    private const string Misspelt = "Apache License 2.0 OR MIT License";

    /// <summary>100 licences, nested three levels: far longer than any real package expression.</summary>
    private static readonly string Long = string.Join(
        " OR ",
        Enumerable.Range(0, 25).Select(i => "(MIT AND (Apache-2.0 OR BSD-" + (2 + (i % 2)) + "-Clause) AND GPL-2.0-only WITH Classpath-exception-2.0)"));

    [GlobalSetup]
    public void LoadCatalogue() => SpdxExpression.Parse(Short);

    [Benchmark]
    public string? ParseShort() => SpdxExpression.Parse(Short).Normalized;

    [Benchmark(Baseline = true)]
    public string? ParseTypical() => SpdxExpression.Parse(Typical).Normalized;

    [Benchmark]
    public string? ParseDeprecatedLowerCase() => SpdxExpression.Parse(WithDeprecatedAndLowerCase).Normalized;

    [Benchmark]
    public string? ParseMisspeltWithSuggestion() => SpdxExpression.Parse(Misspelt).Suggestion;

    [Benchmark]
    public string? ParseLong() => SpdxExpression.Parse(Long).Normalized;
}
