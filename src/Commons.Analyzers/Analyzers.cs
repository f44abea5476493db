// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Commons.Analyzers;

/// <summary>CMN00xx: the project's own licence (see rules.md#cmn0001 …).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMN0001ProjectLicenseAnalyzer : ProjectRulesAnalyzer
{
    public CMN0001ProjectLicenseAnalyzer()
        : base("CMN00")
    {
    }
}

/// <summary>CMN01xx: dependency licences, located at the reference that brings each package in.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMN0101DependencyLicenseAnalyzer : ProjectRulesAnalyzer
{
    public CMN0101DependencyLicenseAnalyzer()
        : base("CMN01")
    {
    }
}

/// <summary>CMN02xx: community and documentation files.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMN0201CommunityFilesAnalyzer : ProjectRulesAnalyzer
{
    public CMN0201CommunityFilesAnalyzer()
        : base("CMN02")
    {
    }
}

/// <summary>CMN03xx: package metadata of packable projects.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMN0301PackageMetadataAnalyzer : ProjectRulesAnalyzer
{
    public CMN0301PackageMetadataAnalyzer()
        : base("CMN03")
    {
    }
}

/// <summary>CMN05xx: publiccode.yml and the public-sector presets.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMN0501PublicCodeAnalyzer : ProjectRulesAnalyzer
{
    public CMN0501PublicCodeAnalyzer()
        : base("CMN05")
    {
    }
}

/// <summary>CMN09xx: the tool's own trouble (facts missing, stale or unreadable input).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMN0901ToolingAnalyzer : ProjectRulesAnalyzer
{
    public CMN0901ToolingAnalyzer()
        : base("CMN09")
    {
    }
}
