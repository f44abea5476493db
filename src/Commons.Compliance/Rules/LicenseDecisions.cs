// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Compliance.Facts;

namespace Commons.Compliance.Rules;

/// <summary>
/// The rules that need Commons.Licensing's policy, knowledge and compatibility engines (CMN0006–0008, CMN0103–0105, CMN0504).
/// </summary>
internal static class LicenseDecisions
{
    public static void Evaluate(RuleContext context, PackageFact package)
    {
    }
}
