// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Globalization;

namespace Commons.Compliance.Rules;

/// <summary>The default severity of a rule, mirrored one to one by Roslyn's <c>DiagnosticSeverity</c>.</summary>
public enum RuleSeverity
{
    Hidden,
    Info,
    Warning,
    Error,
}

/// <summary>Everything about one rule that the analyzer, the CLI and rules.md must agree on.</summary>
public sealed class RuleDescriptor
{
    public const string HelpLinkFormat = "https://github.com/commons-analyzers/commons-analyzers/blob/main/rules.md#{0}";

    public RuleDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        RuleSeverity defaultSeverity,
        bool isBuildOnly,
        bool hasCodeFix,
        IReadOnlyList<string> configurationKeys,
        string description,
        BaselineSubject? baselineSubject = null,
        bool isCliOnly = false)
    {
        IsCliOnly = isCliOnly;
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsBuildOnly = isBuildOnly;
        HasCodeFix = hasCodeFix;
        ConfigurationKeys = configurationKeys;
        Description = description;
        BaselineSubject = baselineSubject;
    }

    /// <summary><c>CMN</c> and four digits.</summary>
    public string Id { get; }

    /// <summary>Short title, no trailing period.</summary>
    public string Title { get; }

    /// <summary>A <see cref="string.Format(string, object[])"/> format, one sentence, no trailing period.</summary>
    public string MessageFormat { get; }

    public string Category { get; }

    public RuleSeverity DefaultSeverity { get; }

    /// <summary>True when the rule runs at compilation end (shown on build, not live in the IDE).</summary>
    public bool IsBuildOnly { get; }

    public bool HasCodeFix { get; }

    /// <summary>
    /// True when only <c>commons headers</c> reports the rule: it judges the whole repository (every file REUSE covers, <c>LICENSES/</c>),
    /// which no build reads. The analyzer declares it (so that its severity can be configured alike) and never reports it.
    /// </summary>
    public bool IsCliOnly { get; }

    /// <summary>MSBuild properties (and policy file) that change what the rule reports.</summary>
    public IReadOnlyList<string> ConfigurationKeys { get; }

    /// <summary>Why the rule matters, one or two sentences ending with a period.</summary>
    public string Description { get; }

    /// <summary>
    /// What, besides the rule and the file, tells one finding of this rule from another in <c>commons.baseline.json</c> (the
    /// package id for a dependency rule …); null when the rule and the file are enough. Never a line: an entry survives line moves.
    /// </summary>
    public BaselineSubject? BaselineSubject { get; }

    /// <summary>Whether a finding of this rule can be recorded in the baseline: not the tool's own trouble (09xx), which must be fixed.</summary>
    public bool IsBaselined => !Id.StartsWith("CMN09", System.StringComparison.Ordinal);

    /// <summary>The finding's subject for the baseline: the message argument the rule names, or "".</summary>
    public string SubjectOf(IReadOnlyList<string> arguments)
        => BaselineSubject is { } subject && subject.Argument < arguments.Count ? arguments[subject.Argument] : "";

    /// <summary>The rule's section in rules.md (GitHub anchors are lower case).</summary>
    public string HelpLink => string.Format(CultureInfo.InvariantCulture, HelpLinkFormat, Id.ToLowerInvariant());

    /// <summary>The message with its arguments filled in.</summary>
    public string FormatMessage(IReadOnlyList<string> arguments)
    {
        var args = new object[arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = arguments[i];
        }

        return string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
    }
}

/// <summary>Which message argument of a rule is the subject a baseline entry records, and what it is, for rules.md.</summary>
public sealed class BaselineSubject
{
    public BaselineSubject(int argument, string name)
    {
        Argument = argument;
        Name = name;
    }

    /// <summary>The 0-based index of the argument in the rule's message.</summary>
    public int Argument { get; }

    /// <summary>What the argument is ("the package id"), as rules.md says it.</summary>
    public string Name { get; }
}

/// <summary>The fixed set of categories (one per id range).</summary>
public static class RuleCategories
{
    public const string ProjectLicense = "Commons.License";
    public const string Dependencies = "Commons.Dependencies";
    public const string Community = "Commons.Community";
    public const string PackageMetadata = "Commons.PackageMetadata";
    public const string SourceHeaders = "Commons.SourceHeaders";
    public const string PublicSector = "Commons.PublicSector";
    public const string Tooling = "Commons.Tooling";
}
