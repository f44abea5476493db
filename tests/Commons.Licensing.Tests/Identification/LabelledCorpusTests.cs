// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Commons.Licensing.Tests.Identification;

/// <summary>
/// The labelled corpus of issue 13 (<c>Identification/Labelled</c>, README.md there): real licence files labelled by their
/// own source (Debian copyright paragraphs, npm and NuGet packages) and hand-made variants of every category. A wrong
/// id is never allowed; the right answers may only grow (the floors below are the measured figures: raise them when a
/// change names more files, never lower them to let one through).
/// </summary>
public sealed class LabelledCorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "Identification", "Labelled");

    /// <summary>Right answers per category, at least (measured with build/bench/identify/measure.py).</summary>
    private static readonly IReadOnlyDictionary<string, int> MinimumRight = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["choosealicense-template"] = 41,
        ["debian-copyright"] = 196,
        ["distribution-text"] = 11,
        ["npm-package"] = 122,
        ["nuget-package"] = 16,
        ["repository-file"] = 5,
        ["reuse-folder"] = 20,
        ["variant-cc-and-rare"] = 15,
        ["variant-embedded"] = 6,
        ["variant-lgpl3-standalone"] = 4,
        ["variant-must-refuse"] = 5,
        ["variant-names-encodings"] = 12,
        ["variant-non-spdx"] = 13,
        ["variant-not-texts"] = 3,
        ["variant-notices"] = 17,
        ["variant-several"] = 5,
        ["variant-templates"] = 9,
    };

    private static readonly Lazy<List<Outcome>> Outcomes = new(IdentifyAll);

    [Fact]
    public void TheManifestsListEveryCorpusFileOnce()
    {
        var listed = Rows().Select(r => r.File).ToList();
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        var present = Directory.EnumerateFiles(CorpusDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CorpusDirectory, f).Replace('\\', '/'))
            .Where(f => f.Contains('/', StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(present, listed.OrderBy(f => f, StringComparer.Ordinal));
        Assert.Equal(MinimumRight.Keys.OrderBy(k => k, StringComparer.Ordinal), Rows().Select(r => r.Category).Distinct().OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void NoFileIsGivenAWrongLicence()
    {
        var wrong = Outcomes.Value.Where(o => o.Verdict == Verdict.Wrong).Select(o => o.Row.File + ": " + o.Got + ", labelled " + o.Row.Expected).ToList();
        Assert.True(wrong.Count == 0, wrong.Count + " wrong:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void EachCategoryKeepsItsRightAnswers()
    {
        var below = new List<string>();
        foreach (var category in Outcomes.Value.GroupBy(o => o.Row.Category))
        {
            var right = category.Count(o => o.Verdict == Verdict.Right);
            if (right < MinimumRight[category.Key])
            {
                var missed = category.Where(o => o.Verdict == Verdict.Missed).Select(o => "  " + o.Row.File + ": " + o.Reason);
                below.Add(category.Key + ": " + right + " right, at least " + MinimumRight[category.Key] + " expected\n" + string.Join("\n", missed));
            }
        }

        Assert.True(below.Count == 0, string.Join("\n", below));
    }

    /// <summary>"MIT OR Apache-2.0" is "Apache-2.0 OR MIT": operands of AND and OR compare as sets, at every depth.</summary>
    internal static string Canonical(string expression)
    {
        var parsed = SpdxExpression.Parse(expression);
        return parsed.Expression is { } tree ? Canonical(tree) : expression.Trim();
    }

    private static string Canonical(SpdxExpression expression) => expression switch
    {
        SpdxAnd and => "AND(" + string.Join(",", and.Operands.Select(Canonical).OrderBy(o => o, StringComparer.Ordinal)) + ")",
        SpdxOr or => "OR(" + string.Join(",", or.Operands.Select(Canonical).OrderBy(o => o, StringComparer.Ordinal)) + ")",
        _ => expression.ToString(),
    };

    private static List<Outcome> IdentifyAll()
    {
        var outcomes = new List<Outcome>();
        foreach (var row in Rows())
        {
            // As `commons identify` reads a licence file: its name chooses among the ids its text reads as, and names a
            // REUSE folder's custom licences and exception texts.
            var result = LicenseIdentifier.Default.Identify(File.ReadAllBytes(Path.Combine(CorpusDirectory, row.File))).NamedByFile(row.File, exceptionAlone: true);
            var got = result.License ?? "NOASSERTION";
            var verdict = row.Expected == "NOASSERTION"
                ? (result.License is null ? Verdict.Right : Verdict.Wrong)
                : result.License is null ? Verdict.Missed
                : Canonical(result.License) == Canonical(row.Expected) ? Verdict.Right : Verdict.Wrong;
            outcomes.Add(new Outcome(row, verdict, got, result.Reason ?? string.Empty));
        }

        return outcomes;
    }

    private static IEnumerable<Row> Rows()
    {
        foreach (var manifest in new[] { "manifest-real.tsv", "manifest-variants.tsv" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(CorpusDirectory, manifest)))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var fields = line.Split('\t');
                yield return new Row(fields[0], fields[1], fields[2]);
            }
        }
    }

    private enum Verdict
    {
        Right,
        Wrong,
        Missed,
    }

    private sealed record Row(string File, string Category, string Expected);

    private sealed record Outcome(Row Row, Verdict Verdict, string Got, string Reason);
}
