// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading;

namespace Commons.Licensing;

/// <summary>
/// The SPDX licence list: ids, names, OSI flags, deprecated ids, exceptions and full texts.
/// Generated data (build/spdx/generate.mjs) embedded in this assembly; the texts stay compressed until first asked for.
/// </summary>
public sealed class SpdxCatalog
{
    private static readonly Lazy<SpdxCatalog> DefaultCatalog = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, SpdxLicense> licensesById;
    private readonly Dictionary<string, SpdxLicenseException> exceptionsById;
    private readonly Lazy<Dictionary<string, string>> texts;

    public SpdxCatalog(
        string listVersion,
        IReadOnlyList<SpdxLicense> licenses,
        IReadOnlyList<SpdxLicenseException> exceptions,
        Func<Dictionary<string, string>> loadTexts)
    {
        ListVersion = listVersion;
        Licenses = licenses;
        Exceptions = exceptions;
        licensesById = new Dictionary<string, SpdxLicense>(StringComparer.OrdinalIgnoreCase);
        foreach (var license in licenses)
        {
            licensesById[license.Id] = license;
        }

        exceptionsById = new Dictionary<string, SpdxLicenseException>(StringComparer.OrdinalIgnoreCase);
        foreach (var exception in exceptions)
        {
            exceptionsById[exception.Id] = exception;
        }

        texts = new Lazy<Dictionary<string, string>>(loadTexts, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The catalogue embedded in this assembly.</summary>
    public static SpdxCatalog Default => DefaultCatalog.Value;

    /// <summary>Which versions of the SPDX data packages the catalogue was generated from.</summary>
    public string ListVersion { get; }

    /// <summary>Every licence, current and deprecated, ordered by id.</summary>
    public IReadOnlyList<SpdxLicense> Licenses { get; }

    /// <summary>Every licence exception, current and deprecated, ordered by id.</summary>
    public IReadOnlyList<SpdxLicenseException> Exceptions { get; }

    /// <summary>Finds a licence by id, ignoring case (SPDX ids are matched case-insensitively).</summary>
    public bool TryGetLicense(string id, out SpdxLicense license)
    {
        if (id is not null && licensesById.TryGetValue(id, out var found))
        {
            license = found;
            return true;
        }

        license = null!;
        return false;
    }

    /// <summary>Finds a licence exception by id, ignoring case.</summary>
    public bool TryGetException(string id, out SpdxLicenseException exception)
    {
        if (id is not null && exceptionsById.TryGetValue(id, out var found))
        {
            exception = found;
            return true;
        }

        exception = null!;
        return false;
    }

    /// <summary>The full text of a licence, or null when the list has none.</summary>
    public string? GetText(string id)
        => id is not null && TryGetLicense(id, out var license) && texts.Value.TryGetValue(license.Id, out var text) ? text : null;

    private static SpdxCatalog LoadEmbedded()
    {
        var assembly = typeof(SpdxCatalog).Assembly;
        string Resource(string name)
        {
            using var stream = assembly.GetManifestResourceStream("Commons.Licensing." + name)
                ?? throw new InvalidOperationException("missing embedded resource " + name);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        var licenses = new List<SpdxLicense>();
        foreach (var f in Rows(Resource("licenses.tsv")))
        {
            licenses.Add(new SpdxLicense(f[0], f[1], isOsiApproved: f[2] == "1", isDeprecated: f[3] == "1", hasText: f[4] == "1"));
        }

        var exceptions = new List<SpdxLicenseException>();
        foreach (var f in Rows(Resource("exceptions.tsv")))
        {
            exceptions.Add(new SpdxLicenseException(f[0], f[0], isDeprecated: f[1] == "1"));
        }

        Dictionary<string, string> LoadTexts()
        {
            using var stream = assembly.GetManifestResourceStream("Commons.Licensing.texts.tsv.gz")
                ?? throw new InvalidOperationException("missing embedded resource texts.tsv.gz");
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in Rows(reader.ReadToEnd()))
            {
                result[f[0]] = f[1];
            }

            return result;
        }

        return new SpdxCatalog(Resource("version.txt").Trim(), licenses, exceptions, LoadTexts);
    }

    /// <summary>Rows of a generated TSV: '#' lines are comments, fields are backslash-escaped.</summary>
    private static IEnumerable<string[]> Rows(string tsv)
    {
        foreach (var line in tsv.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Unescape(fields[i]);
            }

            yield return fields;
        }
    }

    private static string Unescape(string field)
    {
        if (field.IndexOf('\\') < 0)
        {
            return field;
        }

        var sb = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c == '\\' && i + 1 < field.Length)
            {
                var next = field[++i];
                sb.Append(next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => next });
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

/// <summary>A licence of the SPDX list.</summary>
public sealed class SpdxLicense
{
    public SpdxLicense(string id, string name, bool isOsiApproved, bool isDeprecated, bool hasText)
    {
        Id = id;
        Name = name;
        IsOsiApproved = isOsiApproved;
        IsDeprecated = isDeprecated;
        HasText = hasText;
    }

    /// <summary>The canonical SPDX id, in its canonical case.</summary>
    public string Id { get; }

    public string Name { get; }

    public bool IsOsiApproved { get; }

    /// <summary>Deprecated ids (<c>GPL-3.0</c>, <c>GPL-2.0-with-classpath-exception</c>) stay readable but must be replaced.</summary>
    public bool IsDeprecated { get; }

    public bool HasText { get; }

    public override string ToString() => Id;
}

/// <summary>A licence exception of the SPDX list (the part after <c>WITH</c>).</summary>
public sealed class SpdxLicenseException
{
    public SpdxLicenseException(string id, string name, bool isDeprecated)
    {
        Id = id;
        Name = name;
        IsDeprecated = isDeprecated;
    }

    public string Id { get; }

    public string Name { get; }

    public bool IsDeprecated { get; }

    public override string ToString() => Id;
}
