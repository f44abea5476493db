// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using Commons.Licensing;

namespace Commons.Licensing.Tests.Compatibility;

public sealed class CompatibilityEvaluatorTests
{
    private const CompatibilityOutcome Yes = CompatibilityOutcome.Compatible;
    private const CompatibilityOutcome No = CompatibilityOutcome.Incompatible;
    private const CompatibilityOutcome Review = CompatibilityOutcome.Review;

    /// <summary>The cells FIELD-NOTES §5.1 lists (row = outbound ← column = inbound), in the incorporation contexts.</summary>
    [Theory]
    [InlineData("GPL-2.0-only", "Apache-2.0", No)]
    [InlineData("GPL-3.0-only", "Apache-2.0", Yes)]
    [InlineData("GPL-2.0-or-later", "Apache-2.0", No)]
    [InlineData("AGPL-3.0-only", "Apache-2.0", Yes)]
    [InlineData("Apache-2.0", "GPL-3.0-only", No)]
    [InlineData("MIT", "GPL-3.0-only", No)]
    [InlineData("Apache-2.0", "LGPL-2.1-only", No)]
    [InlineData("MIT", "LGPL-2.1-only", No)]
    [InlineData("LGPL-3.0-only", "Apache-2.0", Yes)]
    [InlineData("GPL-2.0-only", "LGPL-2.1-only", Yes)]
    [InlineData("Apache-2.0", "MPL-2.0", No)]
    [InlineData("MPL-2.0", "Apache-2.0", Yes)]
    [InlineData("GPL-2.0-only", "MPL-2.0", Yes)]
    [InlineData("Apache-2.0", "EPL-2.0", No)]
    [InlineData("GPL-3.0-only", "EUPL-1.2", Yes)]
    [InlineData("EUPL-1.2", "GPL-3.0-only", No)]
    [InlineData("EUPL-1.2", "MIT", Yes)]
    [InlineData("EUPL-1.2", "Apache-2.0", Review)]
    [InlineData("MIT", "MS-PL", Review)]
    [InlineData("AGPL-3.0-only", "GPL-3.0-only", Review)]
    public void Copied_and_static_link_follow_the_osadl_matrix(string outbound, string inbound, CompatibilityOutcome expected)
    {
        foreach (var context in new[] { UseContext.Copied, UseContext.StaticLink })
        {
            var verdict = Evaluate(outbound, inbound, context);

            Assert.Equal(expected, verdict.Outcome);
            Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
            Assert.EndsWith(".", verdict.Reason);
        }
    }

    [Fact]
    public void Every_matrix_cell_maps_to_its_outcome()
    {
        var matrix = OsadlMatrix.Default;
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Commons.Licensing", "Compatibility", "Data", "osadl-matrix.csv"));
        Assert.Equal(111, lines.Length);
        var counts = lines.Skip(1).SelectMany(l => l.Split(',').Skip(1)).GroupBy(v => v.Trim()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7725, counts["Yes"]);
        Assert.Equal(3228, counts["No"]);
        Assert.Equal(983, counts["Unknown"]);
        Assert.Equal(110, counts["Same"]);
        Assert.Equal(54, counts["Check dependency"]);
        Assert.Equal("Yes", matrix.Cell("GPL-3.0-only", "Apache-2.0"));
        Assert.Equal("No", matrix.Cell("Apache-2.0", "GPL-3.0-only"));
        Assert.Null(matrix.Cell("Apache-2.0", "CECILL-2.1"));
    }

    [Fact]
    public void Every_matrix_cell_gives_the_same_outcome_through_the_evaluator()
    {
        var matrix = OsadlMatrix.Default;
        var appendixOverrides = 0;
        foreach (var row in matrix.Ids.Where(id => !SpdxExpression.Parse(id).UsesDeprecatedIds))
        {
            var outbound = SpdxExpression.Parse(row).Expression!;
            foreach (var column in matrix.Ids.Where(id => !SpdxExpression.Parse(id).UsesDeprecatedIds))
            {
                var expected = matrix.Cell(row, column) switch
                {
                    "Yes" or "Same" => Yes,
                    "No" => No,
                    _ => Review,
                };
                var verdict = CompatibilityEvaluator.Evaluate(outbound, SpdxExpression.Parse(column).Expression!, UseContext.Copied);
                if (verdict.Source.EndsWith("appendix", StringComparison.Ordinal))
                {
                    appendixOverrides++;
                    Assert.Equal(Yes, verdict.Outcome);
                    continue;
                }

                Assert.True(expected == verdict.Outcome, row + " <- " + column + ": " + verdict);
            }
        }

        Assert.InRange(appendixOverrides, 1, 40);
    }

    [Fact]
    public void Verdicts_name_the_osadl_source_and_date()
    {
        var verdict = Evaluate("Apache-2.0", "GPL-3.0-only", UseContext.Copied);

        Assert.Equal("OSADL matrix 2024-05-25", verdict.Source);
        Assert.Contains("may not be incorporated", verdict.Reason);
    }

    [Theory]
    [InlineData("Apache-2.0", "CECILL-2.1")]
    [InlineData("MIT", "LicenseRef-Mine")]
    [InlineData("LicenseRef-Mine", "MIT")]
    [InlineData("Apache-2.0", "Frob-1.0")]
    [InlineData("ODbL-1.0", "MIT")]
    public void Ids_missing_from_the_matrix_need_review_never_silent_compatibility(string outbound, string inbound)
    {
        var verdict = Evaluate(outbound, inbound, UseContext.Copied);

        Assert.Equal(Review, verdict.Outcome);
        Assert.Contains("no data", verdict.Reason);
    }

    [Fact]
    public void The_same_licence_is_compatible_even_without_matrix_data()
    {
        Assert.Equal(Yes, Evaluate("LicenseRef-Mine", "LicenseRef-Mine", UseContext.Copied).Outcome);
        Assert.Equal(Yes, Evaluate("CECILL-2.1", "CECILL-2.1", UseContext.StaticLink).Outcome);
    }

    [Theory]
    [InlineData("Apache-2.0", "LGPL-2.1-only")]
    [InlineData("Apache-2.0", "LGPL-3.0-or-later")]
    [InlineData("MIT", "MPL-2.0")]
    [InlineData("Apache-2.0", "EPL-2.0")]
    [InlineData("MIT", "MS-RL")]
    [InlineData("MIT", "MS-PL")]
    [InlineData("Apache-2.0", "CDDL-1.0")]
    [InlineData("MIT", "GPL-2.0-only WITH Classpath-exception-2.0")]
    [InlineData("LicenseRef-Proprietary", "LGPL-2.1-or-later")]
    public void Weak_copyleft_through_a_package_reference_does_not_bind_a_permissive_project(string outbound, string inbound)
    {
        var verdict = Evaluate(outbound, inbound, UseContext.DynamicLink);

        Assert.Equal(Yes, verdict.Outcome);
        Assert.NotEqual(OsadlMatrix.SourceName, verdict.Source);
        // The context matters: copying the same code into the project is not compatible.
        Assert.NotEqual(Yes, Evaluate(outbound, inbound, UseContext.Copied).Outcome);
    }

    [Theory]
    [InlineData("Apache-2.0", "GPL-3.0-only")]
    [InlineData("MIT", "GPL-2.0-or-later")]
    [InlineData("MIT", "AGPL-3.0-only")]
    [InlineData("LicenseRef-Proprietary", "GPL-3.0-or-later")]
    public void Strong_copyleft_through_a_package_reference_binds_the_project(string outbound, string inbound)
    {
        var verdict = Evaluate(outbound, inbound, UseContext.DynamicLink);

        Assert.Equal(No, verdict.Outcome);
        Assert.Contains("FSF GPL FAQ", verdict.Source);
    }

    [Theory]
    [InlineData("MIT", "Apache-2.0", Yes)]
    [InlineData("Apache-2.0", "Zlib", Yes)]
    [InlineData("Apache-2.0", "CC0-1.0", Yes)]
    [InlineData("GPL-2.0-only", "Apache-2.0", No)]
    [InlineData("GPL-3.0-only", "Apache-2.0", Yes)]
    [InlineData("MIT", "JSON", Review)]
    [InlineData("MIT", "BUSL-1.1", Review)]
    [InlineData("MIT", "LicenseRef-Mine", Review)]
    public void Dynamic_link_rules_for_other_kinds(string outbound, string inbound, CompatibilityOutcome expected)
    {
        Assert.Equal(expected, Evaluate(outbound, inbound, UseContext.DynamicLink).Outcome);
    }

    [Fact]
    public void Network_service_flags_agpl_for_non_agpl_projects()
    {
        var mit = Evaluate("MIT", "AGPL-3.0-only", UseContext.NetworkService);
        Assert.Equal(Review, mit.Outcome);
        Assert.Contains("AGPL-3.0 §13", mit.Source);

        Assert.Equal(Yes, Evaluate("AGPL-3.0-only", "AGPL-3.0-only", UseContext.NetworkService).Outcome);
        Assert.Equal(Yes, Evaluate("MIT", "LGPL-2.1-only", UseContext.NetworkService).Outcome);
        Assert.Equal(No, Evaluate("MIT", "GPL-3.0-only", UseContext.NetworkService).Outcome);
    }

    [Theory]
    [InlineData("MIT", "GPL-3.0-only", Yes)]
    [InlineData("Apache-2.0", "AGPL-3.0-only", Yes)]
    [InlineData("MIT", "LicenseRef-Unknown", Review)]
    [InlineData("MIT", "Frob-1.0", Review)]
    [InlineData("MIT", "CC-BY-NC-4.0", Review)]
    [InlineData("MIT", "SSPL-1.0", Review)]
    public void Development_only_dependencies_are_not_distributed_but_unknown_licences_still_need_review(string outbound, string inbound, CompatibilityOutcome expected)
    {
        var verdict = Evaluate(outbound, inbound, UseContext.DevelopmentOnly);

        Assert.Equal(expected, verdict.Outcome);
        Assert.NotEmpty(verdict.Source);
    }

    [Theory]
    [InlineData("CECILL-2.1")]
    [InlineData("LiLiQ-Rplus-1.1")]
    [InlineData("MPL-2.0")]
    [InlineData("GPL-2.0-only")]
    [InlineData("OSL-3.0")]
    public void The_eupl_appendix_makes_eupl_code_compatible_with_its_listed_licences(string outbound)
    {
        var verdict = Evaluate(outbound, "EUPL-1.2", UseContext.Copied);

        Assert.Equal(Yes, verdict.Outcome);
        Assert.Equal("EUPL-1.2 appendix", verdict.Source);
    }

    [Fact]
    public void The_eupl_appendix_does_not_work_backwards()
    {
        Assert.Equal(No, Evaluate("EUPL-1.2", "GPL-3.0-only", UseContext.Copied).Outcome);
        Assert.NotEqual("EUPL-1.2 appendix", Evaluate("MIT", "EUPL-1.2", UseContext.Copied).Source);
        Assert.Equal(No, Evaluate("MIT", "EUPL-1.2", UseContext.Copied).Outcome);
    }

    [Fact]
    public void Or_inbound_is_compatible_when_a_branch_is_and_chooses_it()
    {
        var verdict = Evaluate("Apache-2.0", "GPL-3.0-only OR MIT", UseContext.Copied);

        Assert.Equal(Yes, verdict.Outcome);
        Assert.Equal("MIT", verdict.ChosenBranch!.ToString());

        var none = Evaluate("Apache-2.0", "GPL-3.0-only OR GPL-2.0-only", UseContext.Copied);
        Assert.Equal(No, none.Outcome);
        Assert.Null(none.ChosenBranch);

        Assert.Equal(Review, Evaluate("Apache-2.0", "GPL-3.0-only OR Frob-1.0", UseContext.Copied).Outcome);
    }

    [Fact]
    public void And_inbound_needs_every_operand()
    {
        var verdict = Evaluate("Apache-2.0", "MIT AND GPL-3.0-only", UseContext.Copied);
        Assert.Equal(No, verdict.Outcome);
        Assert.Contains("GPL-3.0-only", verdict.Reason);

        var both = Evaluate("Apache-2.0", "(MIT OR GPL-3.0-only) AND BSD-3-Clause", UseContext.Copied);
        Assert.Equal(Yes, both.Outcome);
        Assert.Equal("MIT AND BSD-3-Clause", both.ChosenBranch!.ToString());
    }

    [Fact]
    public void Every_outbound_licence_must_accept_the_dependency()
    {
        Assert.Equal(No, Evaluate("MIT OR GPL-3.0-only", "GPL-3.0-only", UseContext.Copied).Outcome);
        Assert.Equal(Yes, Evaluate("MIT OR Apache-2.0", "BSD-3-Clause", UseContext.Copied).Outcome);
    }

    [Fact]
    public void The_classpath_exception_is_looked_up_as_the_matrix_entry_and_other_exceptions_fall_back_to_review()
    {
        Assert.Equal(Yes, Evaluate("GPL-2.0-only WITH Classpath-exception-2.0", "MIT", UseContext.Copied).Outcome);
        var other = Evaluate("Apache-2.0", "GPL-3.0-only WITH GCC-exception-3.1", UseContext.Copied);
        Assert.Equal(Review, other.Outcome);
        Assert.Contains("exception", other.Reason);
    }

    [Fact]
    public void Deprecated_ids_are_normalised_before_the_lookup()
    {
        Assert.Equal(Yes, Evaluate("GPL-3.0", "Apache-2.0", UseContext.Copied).Outcome);
        Assert.Equal(Yes, Evaluate("bzip2-1.0.5", "bzip2-1.0.6", UseContext.Copied).Outcome);
    }

    [Fact]
    public void The_matrix_carries_its_attribution_and_licence_text()
    {
        Assert.StartsWith("OSADL License Compatibility Matrix", OsadlMatrix.Attribution, StringComparison.Ordinal);
        Assert.Contains("Modifications:", OsadlMatrix.Attribution, StringComparison.Ordinal);
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/", OsadlMatrix.Attribution, StringComparison.Ordinal);
        Assert.Contains("Attribution 4.0 International", OsadlMatrix.LicenseText, StringComparison.Ordinal);
    }

    private static CompatibilityVerdict Evaluate(string outbound, string inbound, UseContext context)
    {
        var o = SpdxExpression.Parse(outbound);
        var i = SpdxExpression.Parse(inbound);
        Assert.True(o.IsValid && i.IsValid);
        return CompatibilityEvaluator.Evaluate(o.Expression!, i.Expression!, context);
    }
}
