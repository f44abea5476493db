// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Commons.Licensing;

namespace Commons.Compliance.Reuse;

/// <summary>One Covered File (REUSE 3.3) and what reading it gave.</summary>
public sealed class ReuseCoveredFile
{
    public ReuseCoveredFile(string relativePath, ReuseInfo? own, IReadOnlyList<ReuseTag>? tags = null, string? readError = null)
    {
        RelativePath = relativePath;
        Own = own;
        Tags = tags ?? Array.Empty<ReuseTag>();
        ReadError = readError;
    }

    /// <summary>Relative to the project root, forward slashes.</summary>
    public string RelativePath { get; }

    /// <summary>
    /// The file's own information: its text, or its <c>.license</c> sidecar (<see cref="ReuseInfo.Source"/> says which); empty
    /// for a binary file without sidecar; null when it could not be read.
    /// </summary>
    public ReuseInfo? Own { get; }

    /// <summary>The tags of <see cref="Own"/>, with their lines in the file that holds them.</summary>
    public IReadOnlyList<ReuseTag> Tags { get; }

    /// <summary>Why the file could not be read (REUSE: a read error).</summary>
    public string? ReadError { get; }
}

/// <summary>What a file under <c>LICENSES/</c> stands for (REUSE 3.3, "License Files").</summary>
public sealed class ReuseLicenseFile
{
    private static readonly Regex LicenseRefPattern = new("^LicenseRef-[a-zA-Z0-9-.]+$", RegexOptions.CultureInvariant);

    private ReuseLicenseFile(string relativePath, string id, bool hasExtension, bool isKnown, bool isDeprecated)
    {
        RelativePath = relativePath;
        Id = id;
        HasExtension = hasExtension;
        IsKnown = isKnown;
        IsDeprecated = isDeprecated;
    }

    public string RelativePath { get; }

    /// <summary>The SPDX id the file's name gives: its name without extension (or the whole name of a known id without one).</summary>
    public string Id { get; }

    public bool HasExtension { get; }

    /// <summary>An id of the SPDX licence or exception list (exact case), or a <c>LicenseRef-</c>.</summary>
    public bool IsKnown { get; }

    public bool IsDeprecated { get; }

    public static ReuseLicenseFile Of(string relativePath, SpdxCatalog catalog)
    {
        var name = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name.Substring(0, dot) : name;

        // As the REUSE Tool names it: the stem when the file has an extension and the stem is an id; else the whole name
        // when that is a listed id (a file without extension, such as LICENSES/CC0-1.0); else the stem, which is no id.
        if (dot > 0 && (IsListed(stem, catalog, out var deprecated) || IsLicenseRef(stem)))
        {
            return new ReuseLicenseFile(relativePath, stem, true, true, deprecated);
        }

        if (IsListed(name, catalog, out deprecated))
        {
            return new ReuseLicenseFile(relativePath, name, false, true, deprecated);
        }

        return new ReuseLicenseFile(relativePath, stem, dot > 0, false, false);
    }

    private static bool IsLicenseRef(string id) => LicenseRefPattern.IsMatch(id) && id.IndexOf("Unknown", StringComparison.Ordinal) < 0;

    private static bool IsListed(string id, SpdxCatalog catalog, out bool deprecated)
    {
        deprecated = false;
        if (catalog.TryGetLicense(id, out var license) && string.Equals(license.Id, id, StringComparison.Ordinal))
        {
            deprecated = license.IsDeprecated;
            return true;
        }

        if (catalog.TryGetException(id, out var exception) && string.Equals(exception.Id, id, StringComparison.Ordinal))
        {
            deprecated = exception.IsDeprecated;
            return true;
        }

        return false;
    }
}

/// <summary>The licensing verdict of one covered file: the information that applies, and what is wrong with it.</summary>
public sealed class ReuseFileVerdict
{
    internal ReuseFileVerdict(ReuseCoveredFile file, IReadOnlyList<ReuseInfo> infos)
    {
        File = file;
        Infos = infos;
    }

    public ReuseCoveredFile File { get; }

    /// <summary>Every source of information that applies, after the order of precedence.</summary>
    public IReadOnlyList<ReuseInfo> Infos { get; }

    public bool HasLicensing => UsedIds.Count > 0;

    public bool HasCopyright => Infos.Any(i => i.HasCopyright);

    /// <summary>Licence and exception ids of the valid expressions (a <c>+</c> kept as written).</summary>
    public List<string> UsedIds { get; } = new();

    /// <summary>Expressions that are not SPDX expressions, with the source that states them.</summary>
    public List<(string Expression, ReuseInfo Source)> InvalidExpressions { get; } = new();

    /// <summary>Ids with no licence text in <c>LICENSES/</c>, with the expression that names them.</summary>
    public List<(string Id, string Expression, ReuseInfo Source)> MissingLicenses { get; } = new();
}

/// <summary>
/// REUSE Specification 3.3 over a whole project, pure: which information applies to each covered file (its header or
/// <c>.license</c> file, REUSE.toml with its precedence rules, or <c>.reuse/dep5</c>) and which licence texts
/// <c>LICENSES/</c> lacks or holds in vain. The same verdicts as <c>reuse lint</c>.
/// </summary>
public sealed class ReuseProject
{
    private readonly SpdxCatalog catalog;
    private readonly Dictionary<string, ReuseLicenseFile> licensesById = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>?> idsByExpression = new(StringComparer.Ordinal);

    public ReuseProject(IReadOnlyList<string> licenseFiles, ReuseGlobalLicensing global, SpdxCatalog catalog)
    {
        this.catalog = catalog;
        Global = global;
        LicenseFiles = licenseFiles.Select(f => ReuseLicenseFile.Of(f, catalog)).ToArray();
        foreach (var file in LicenseFiles)
        {
            if (!licensesById.ContainsKey(file.Id))
            {
                licensesById.Add(file.Id, file);
            }
        }
    }

    public IReadOnlyList<ReuseLicenseFile> LicenseFiles { get; }

    public ReuseGlobalLicensing Global { get; }

    /// <summary>The ids <c>LICENSES/</c> holds a text for.</summary>
    public ICollection<string> LicenseIds => licensesById.Keys;

    /// <summary>The information that applies to <paramref name="file"/>, by the order of precedence of REUSE 3.3.</summary>
    public IReadOnlyList<ReuseInfo> InfosOf(ReuseCoveredFile file) => InfosOf(file.RelativePath, file.Own ?? ReuseInfo.Empty);

    /// <summary>
    /// The order of precedence: an <c>override</c> table alone (the file is not read); else <c>aggregate</c> tables and DEP5
    /// with the file's own information; the <c>closest</c> table fills in what the file lacks, copyright and licensing each on
    /// its own.
    /// </summary>
    public IReadOnlyList<ReuseInfo> InfosOf(string relativePath, ReuseInfo own)
    {
        var global = Global.For(relativePath);
        var result = new List<ReuseInfo>(global.Override);
        if (global.Override.Count > 0)
        {
            // The file is not read: as if it held nothing.
            own = ReuseInfo.Empty;
        }

        result.AddRange(global.Aggregate);
        if (!own.IsEmpty)
        {
            result.Add(own);
        }

        if (!own.HasCopyright && !own.HasLicensing)
        {
            result.AddRange(global.Closest);
        }
        else if (own.HasCopyright != own.HasLicensing && global.Closest.Count > 0)
        {
            var closest = global.Closest[0];
            result.Add(own.HasCopyright ? closest.WithoutCopyrights() : closest.WithoutExpressions());
        }

        return result;
    }

    /// <summary>The verdict of one covered file.</summary>
    public ReuseFileVerdict Judge(ReuseCoveredFile file)
    {
        var verdict = new ReuseFileVerdict(file, InfosOf(file));
        foreach (var info in verdict.Infos)
        {
            foreach (var expression in info.Expressions)
            {
                var ids = idsByExpression.GetOrAdd(expression, e => TryIds(e, out var found) ? found : null);
                if (ids is null)
                {
                    verdict.InvalidExpressions.Add((expression, info));
                    continue;
                }

                foreach (var id in ids)
                {
                    if (!HasText(id))
                    {
                        verdict.MissingLicenses.Add((id, expression, info));
                    }

                    verdict.UsedIds.Add(id);
                }
            }
        }

        return verdict;
    }

    /// <summary>True when <c>LICENSES/</c> holds the text of <paramref name="id"/> (for <c>X+</c>, the text of X).</summary>
    public bool HasText(string id)
        => licensesById.ContainsKey(id) || (id.EndsWith("+", StringComparison.Ordinal) && licensesById.ContainsKey(id.Substring(0, id.Length - 1)));

    /// <summary>The licence files no covered file uses (X is used by X and by X+).</summary>
    public IEnumerable<ReuseLicenseFile> Unused(IEnumerable<string> usedIds)
    {
        var used = new HashSet<string>(usedIds, StringComparer.Ordinal);
        return LicenseFiles.Where(f => licensesById.TryGetValue(f.Id, out var first) && ReferenceEquals(first, f) && !used.Contains(f.Id) && !used.Contains(f.Id + "+"));
    }

    /// <summary>
    /// The licence and exception ids of an SPDX expression as the REUSE Tool takes them: as written (case, deprecated ids and a
    /// <c>+</c> kept), since it finds <c>LICENSES/&lt;id&gt;.*</c> by them; the canonical SPDX form (GPL-2.0 read as
    /// GPL-2.0-only, mit as MIT) would name texts that are not there. False when the text is no SPDX expression at all (its
    /// ids need not be on the SPDX list: that is what <c>LICENSES/</c> says).
    /// </summary>
    public static bool TryIds(string expression, out IReadOnlyList<string> ids)
    {
        if (SpdxExpression.Parse(expression).Expression is null)
        {
            ids = Array.Empty<string>();
            return false;
        }

        var found = new List<string>();
        foreach (var word in expression.Split(IdSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word == "+" && found.Count > 0)
            {
                found[found.Count - 1] += "+";
            }
            else if (!IsOperator(word) && !found.Contains(word))
            {
                found.Add(word);
            }
        }

        ids = found;
        return true;
    }

    private static readonly char[] IdSeparators = { ' ', '\t', '\r', '\n', '(', ')' };

    private static bool IsOperator(string word)
        => word.Equals("AND", StringComparison.OrdinalIgnoreCase) || word.Equals("OR", StringComparison.OrdinalIgnoreCase)
            || word.Equals("WITH", StringComparison.OrdinalIgnoreCase);
}
