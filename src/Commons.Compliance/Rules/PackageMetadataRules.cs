// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using Commons.Compliance.Facts;
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

        var nuspec = context.Facts?.Nuspec is { Problem: null } read ? read : null;
        foreach (var (property, ruleId, sdkDefault) in Required)
        {
            // Packed from its own nuspec, the package takes its metadata from there, not from the properties.
            var value = nuspec is not null ? FromNuspec(nuspec, property) : context.Properties.Get(property);
            if (value is null && property == PropertyNames.RepositoryUrl && PublishedBySourceLink(context))
            {
                continue;
            }

            var isDefault = value is not null
                && (string.Equals(value, sdkDefault, StringComparison.Ordinal)
                    || (property == PropertyNames.Authors && string.Equals(value, context.Properties.Get(PropertyNames.PackageId), StringComparison.Ordinal)));
            if (value is null || isDefault)
            {
                context.Report(ruleId, context.ProjectStart(), context.ProjectName);
            }
        }
    }

    /// <summary>
    /// <c>PublishRepositoryUrl=true</c> with a git remote: SourceLink sets RepositoryUrl from the remote while packing, so
    /// the evaluated property is empty and the package still has the URL.
    /// </summary>
    private static bool PublishedBySourceLink(RuleContext context)
        => context.Properties.IsTrue(PropertyNames.PublishRepositoryUrl) && context.Facts?.RepositoryRemote is not null;

    private static string? FromNuspec(NuspecFacts nuspec, string property) => property switch
    {
        PropertyNames.PackageReadmeFile => nuspec.Readme,
        PropertyNames.RepositoryUrl => nuspec.RepositoryUrl,
        PropertyNames.PackageProjectUrl => nuspec.ProjectUrl,
        PropertyNames.Description => nuspec.Description,
        PropertyNames.Authors => nuspec.Authors,
        PropertyNames.Copyright => nuspec.Copyright,
        _ => null,
    };
}
