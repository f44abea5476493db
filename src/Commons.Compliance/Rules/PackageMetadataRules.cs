// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using Commons.Compliance.Input;

namespace Commons.Compliance.Rules;

/// <summary>03xx: the metadata a packable project should set. Needs no facts: properties only.</summary>
internal static class PackageMetadataRules
{
    private static readonly (string Property, string RuleId, string? SdkDefault)[] Required =
    {
        (PropertyNames.PackageReadmeFile, RuleIds.NoPackageReadmeFile, null),
        (PropertyNames.RepositoryUrl, RuleIds.NoRepositoryUrl, null),
        (PropertyNames.PackageProjectUrl, RuleIds.NoPackageProjectUrl, null),
        (PropertyNames.Description, RuleIds.NoDescription, "Package Description"),
        (PropertyNames.Authors, RuleIds.NoAuthors, null),
        (PropertyNames.Copyright, RuleIds.NoCopyright, null),
    };

    public static void Evaluate(RuleContext context)
    {
        if (!context.IsPackable)
        {
            return;
        }

        foreach (var (property, ruleId, sdkDefault) in Required)
        {
            var value = context.Properties.Get(property);
            var isDefault = value is not null
                && (string.Equals(value, sdkDefault, StringComparison.Ordinal)
                    || (property == PropertyNames.Authors && string.Equals(value, context.Properties.Get(PropertyNames.PackageId), StringComparison.Ordinal)));
            if (value is null || isDefault)
            {
                context.Report(ruleId, context.ProjectStart(), context.ProjectName);
            }
        }
    }
}
