// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;

namespace Commons.Analyzers.Tests;

/// <summary>
/// The rule catalogue and the descriptors agree, and rules.md has a section per rule. The descriptors, the release-tracking
/// table and the summary table of rules.md are regenerated from the catalogue by <see cref="DerivedArtefactsTests"/>.
/// </summary>
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
    public void TestEveryRuleHasItsSectionInRulesMarkdown()
    {
        var rules = File.ReadAllText(Path.Combine(Root, "rules.md")).Replace("\r\n", "\n");
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Contains("\n## " + rule.Id + "\n", rules);
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
