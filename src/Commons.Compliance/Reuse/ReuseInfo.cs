// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;

namespace Commons.Compliance.Reuse;

/// <summary>Where a file's licensing information comes from (REUSE Specification 3.3, "Licensing Information").</summary>
public enum ReuseSource
{
    /// <summary>The file's own text (its comment header, or anywhere in it, as the REUSE Tool reads it).</summary>
    FileHeader,

    /// <summary>The adjacent <c>FILE.license</c>, which replaces the file's own text.</summary>
    DotLicense,

    /// <summary>A <c>[[annotations]]</c> table of a <c>REUSE.toml</c>.</summary>
    ReuseToml,

    /// <summary>A paragraph of <c>.reuse/dep5</c> (deprecated).</summary>
    Dep5,
}

/// <summary>One <c>SPDX-License-Identifier</c> or copyright notice found in a text, with where its value is.</summary>
public sealed class ReuseTag
{
    public ReuseTag(bool isLicense, string value, int valueStart, int line)
    {
        IsLicense = isLicense;
        Value = value;
        ValueStart = valueStart;
        Line = line;
    }

    /// <summary>True for <c>SPDX-License-Identifier</c>, false for a copyright notice.</summary>
    public bool IsLicense { get; }

    /// <summary>The expression, or the whole notice (prefix included) for a copyright notice.</summary>
    public string Value { get; }

    /// <summary>Offset of <see cref="Value"/> in the scanned text (-1 when the text was scanned in pieces).</summary>
    public int ValueStart { get; }

    /// <summary>1-based line of the tag.</summary>
    public int Line { get; }
}

/// <summary>The licensing information of one file from one source: SPDX expressions and copyright notices.</summary>
public sealed class ReuseInfo
{
    public static readonly ReuseInfo Empty = new(Array.Empty<string>(), Array.Empty<string>(), ReuseSource.FileHeader, null);

    public ReuseInfo(IReadOnlyList<string> expressions, IReadOnlyList<string> copyrights, ReuseSource source, string? sourcePath)
    {
        Expressions = expressions;
        Copyrights = copyrights;
        Source = source;
        SourcePath = sourcePath;
    }

    /// <summary>The SPDX expressions, as written, distinct, in order of appearance.</summary>
    public IReadOnlyList<string> Expressions { get; }

    /// <summary>The copyright notices, distinct, in order of appearance.</summary>
    public IReadOnlyList<string> Copyrights { get; }

    public ReuseSource Source { get; }

    /// <summary>The file the information was read from, relative to the project root (the sidecar, the REUSE.toml …).</summary>
    public string? SourcePath { get; }

    public bool HasLicensing => Expressions.Count > 0;

    public bool HasCopyright => Copyrights.Count > 0;

    public bool IsEmpty => Expressions.Count == 0 && Copyrights.Count == 0;

    public ReuseInfo WithoutCopyrights() => new(Expressions, Array.Empty<string>(), Source, SourcePath);

    public ReuseInfo WithoutExpressions() => new(Array.Empty<string>(), Copyrights, Source, SourcePath);
}
