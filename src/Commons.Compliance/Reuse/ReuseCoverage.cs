// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Text.RegularExpressions;

namespace Commons.Compliance.Reuse;

/// <summary>
/// Which files are Covered Files (REUSE 3.3, "Covered and ignored Files"), by name: the rules the REUSE Tool applies at
/// every depth of the tree. What needs the file system (links, empty files, what git ignores, submodules) is Commons.Inspection's.
/// </summary>
public static class ReuseCoverage
{
    private static readonly Regex IgnoredFileName = new(
        @"^(LICEN[CS]E([-.].*)?|COPYING([-.].*)?|\.git|\.hgtags|.*\.license|REUSE\.toml|CAL-1\.0(-Combined-Work-Exception)?(\..+)?|SHL-2\.1(\..+)?|.*\.spdx|.*\.spdx.(rdf|json|xml|ya?ml))$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>Folders whose files are never covered: version control, <c>LICENSES/</c>, <c>.reuse/</c>.</summary>
    public static bool IsIgnoredDirectoryName(string name)
        => name is ".git" or ".hg" or ".sl" or "LICENSES" or ".reuse";

    /// <summary>
    /// Files that are not covered by name: <c>LICENSE</c> and <c>COPYING</c> (with any extension or suffix), <c>.license</c>
    /// sidecars, <c>REUSE.toml</c>, SPDX documents, and the licence texts the REUSE Tool skips by name.
    /// </summary>
    public static bool IsIgnoredFileName(string name) => IgnoredFileName.IsMatch(name);

    /// <summary>The sidecar of a file: <c>FILE.license</c>.</summary>
    public static string SidecarOf(string path) => path + ".license";

    /// <summary>True for a <c>.license</c> sidecar.</summary>
    public static bool IsSidecar(string name) => name.EndsWith(".license", StringComparison.Ordinal);
}
