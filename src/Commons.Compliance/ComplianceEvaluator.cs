// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;
using Commons.Licensing;

namespace Commons.Compliance;

/// <summary>
/// The project-level rules (00xx, 01xx, 02xx, 03xx, 05xx, 09xx): one input in, findings out, no IO.
/// Source headers (04xx) are judged per file by <see cref="Headers.HeaderRules"/>.
/// </summary>
public static class ComplianceEvaluator
{
    public static IReadOnlyList<Finding> Evaluate(ComplianceInput input) => Evaluate(input, SpdxCatalog.Default);

    public static IReadOnlyList<Finding> Evaluate(ComplianceInput input, SpdxCatalog catalog)
    {
        var context = new RuleContext(input, catalog);
        ToolRules.Evaluate(context);
        ProjectLicenseRules.Evaluate(context);
        DependencyRules.Evaluate(context);
        CommunityRules.Evaluate(context);
        PackageMetadataRules.Evaluate(context);
        PublicCodeRules.Evaluate(context);
        return context.Findings;
    }
}
