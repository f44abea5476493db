// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Licensing;

namespace Commons.Compliance.Rules;

/// <summary>Where a licence file stops matching a catalogue licence: delegated to Commons.Licensing's comparer.</summary>
internal static class LicenseTextDiff
{
    public static int? FirstDifferingLine(string fileText, string licenseId, SpdxCatalog catalog)
        => catalog.TryGetLicense(licenseId, out _) ? LicenseTextComparer.FirstDifferingLine(fileText, licenseId) : 1;
}
