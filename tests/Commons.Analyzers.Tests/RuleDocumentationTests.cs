// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;

namespace Commons.Analyzers.Tests;

/// <summary>rules.md, the rule catalogue, the descriptors and AnalyzerReleases.Unshipped.md must agree.</summary>
public sealed class RuleDocumentationTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void TestDescriptorsMatchTheCatalogue()
    {
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), Descriptors.All.Select(d => d.Id));
        foreach (var rule in RuleCatalog.All)
        {
            var descriptor = DiagnosticCatalog.Get(rule.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(DiagnosticCatalog.ToRoslyn(rule.DefaultSeverity), descriptor.DefaultSeverity);
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
            Assert.Equal(rule.IsBuildOnly, descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
            Assert.Matches(@"^CMN\d{4}$", rule.Id);
            Assert.False(rule.Title.EndsWith(".", StringComparison.Ordinal), rule.Id + ": titles end without a period (RS1031)");
            Assert.False(rule.MessageFormat.EndsWith(".", StringComparison.Ordinal), rule.Id + ": messages end without a period (RS1032)");
            Assert.True(rule.Description.EndsWith(".", StringComparison.Ordinal), rule.Id + ": descriptions end with a period (RS1033)");
        }
    }

    [Fact]
    public void TestEveryDescriptorBelongsToExactlyOneAnalyzer()
    {
        var analyzers = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToArray();
        var supported = analyzers.SelectMany(a => a.SupportedDiagnostics.Select(d => d.Id)).ToArray();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(x => x), supported.OrderBy(x => x));
    }

    [Fact]
    public void TestRulesMarkdownTableMatchesTheCatalogue()
    {
        var rules = File.ReadAllText(Path.Combine(Root, "rules.md"));
        var rows = Regex.Matches(rules, @"^\| \[(?<id>CMN\d{4})\]\(#(?<anchor>cmn\d{4})\) \| (?<title>[^|]+) \| (?<category>[^|]+) \| (?<severity>[^|]+) \| (?<live>[^|]+) \| (?<fix>[^|]+) \|", RegexOptions.Multiline)
            .Cast<Match>().ToArray();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rows.Select(r => r.Groups["id"].Value));
        foreach (var row in rows)
        {
            var rule = RuleCatalog.Get(row.Groups["id"].Value);
            Assert.Equal(rule.Id.ToLowerInvariant(), row.Groups["anchor"].Value);
            Assert.Equal(rule.Title, row.Groups["title"].Value.Trim());
            Assert.Equal(rule.Category, row.Groups["category"].Value.Trim());
            Assert.Equal(rule.DefaultSeverity.ToString(), row.Groups["severity"].Value.Trim());
            Assert.Equal(rule.IsBuildOnly ? "Build only" : "IDE live", row.Groups["live"].Value.Trim());
            Assert.Equal(rule.HasCodeFix ? "Yes" : "No", row.Groups["fix"].Value.Trim());
            Assert.Contains("\n## " + rule.Id + "\n", rules.Replace("\r\n", "\n"));
        }
    }

    [Fact]
    public void TestUnshippedReleaseMatchesTheCatalogue()
    {
        var release = File.ReadAllText(Path.Combine(Root, "src", "Commons.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var rows = Regex.Matches(release, @"^(?<id>CMN\d{4}) \| (?<category>[^|]+) \| (?<severity>[^|]+) \| (?<notes>.+)$", RegexOptions.Multiline).Cast<Match>().ToArray();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rows.Select(r => r.Groups["id"].Value));
        foreach (var row in rows)
        {
            var rule = RuleCatalog.Get(row.Groups["id"].Value);
            Assert.Equal(rule.Category, row.Groups["category"].Value.Trim());
            Assert.Equal(rule.DefaultSeverity.ToString(), row.Groups["severity"].Value.Trim());
            Assert.Contains(rule.Title, row.Groups["notes"].Value);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commons.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Commons.Analyzers.sln) is not above " + AppContext.BaseDirectory);
    }
}
