// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using Commons.Licensing;
using Commons.Testing;
using CsCheck;

namespace Commons.Hardening.Tests;

/// <summary>Valid inputs to mutate: the real expression grammar, real SPDX licence texts, real files of this repository.</summary>
public static class Seeds
{
    // Deprecated ids are valid too but some already hold an exception (GPL-2.0-with-autoconf-exception): a WITH after them is an error.
    private static readonly string[] LicenseIds = SpdxCatalog.Default.Licenses.Where(l => !l.IsDeprecated).Select(l => l.Id).ToArray();

    private static readonly string[] ExceptionIds = SpdxCatalog.Default.Exceptions.Where(e => !e.IsDeprecated).Select(e => e.Id).ToArray();

    private static readonly string[] TextIds = SpdxCatalog.Default.Licenses.Where(l => l.HasText).Select(l => l.Id).ToArray();

    private const string IdCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-";

    /// <summary>A licence id as written: catalogue id (any case, sometimes with <c>+</c>), <c>LicenseRef-</c>, <c>DocumentRef-…:LicenseRef-</c>.</summary>
    public static Gen<string> SimpleExpression { get; } = Gen.OneOf(
        Gen.Select(Gen.Int[0, LicenseIds.Length - 1], Gen.Int[0, 5], (i, style) => style switch
        {
            0 => LicenseIds[i].ToLowerInvariant(),
            1 => LicenseIds[i] + "+",
            _ => LicenseIds[i],
        }),
        IdChars(12).Select(s => "LicenseRef-" + s),
        Gen.Select(IdChars(8), IdChars(8), (d, l) => "DocumentRef-" + d + ":LicenseRef-" + l));

    /// <summary>A licence, optionally <c>WITH</c> an exception.</summary>
    public static Gen<string> LicenseWithException { get; } = Gen.OneOf(
        SimpleExpression,
        Gen.Select(SimpleExpression, Gen.Int[0, ExceptionIds.Length - 1], Gen.OneOf(" WITH ", " with "), (l, e, w) => l + w + ExceptionIds[e]));

    /// <summary>A valid SPDX 2.3 expression of the full grammar: AND, OR, WITH, +, parentheses, LicenseRef-, DocumentRef-.</summary>
    public static Gen<string> Expression { get; } = Gen.Recursive<string>((depth, self) => depth >= 4
        ? LicenseWithException
        : Gen.Frequency(
            (3, LicenseWithException),
            (2, Gen.Select(self, Gen.OneOf(" AND ", " OR ", " and ", " or ", "  AND\t"), self, (l, op, r) => l + op + r)),
            (1, self.Select(e => "(" + e + ")"))));

    /// <summary>The full text of a catalogue licence.</summary>
    public static Gen<string> LicenseText { get; } = Gen.Int[0, TextIds.Length - 1].Select(i => SpdxCatalog.Default.GetText(TextIds[i])!);

    /// <summary>The full text of a catalogue licence whose id does not start with <paramref name="excludedPrefix"/>.</summary>
    public static Gen<string> LicenseTextExcept(string excludedPrefix)
    {
        var ids = TextIds.Where(id => !id.StartsWith(excludedPrefix, StringComparison.OrdinalIgnoreCase)).ToArray();
        return Gen.Int[0, ids.Length - 1].Select(i => SpdxCatalog.Default.GetText(ids[i])!);
    }

    /// <summary>A few common licence texts, cheap to identify (short texts keep a property fast).</summary>
    public static readonly string[] CommonTextIds = { "MIT", "Apache-2.0", "BSD-3-Clause", "BSD-2-Clause", "ISC", "MPL-2.0", "0BSD", "Zlib", "Unlicense", "LGPL-2.1-only" };

    private static Gen<string> IdChars(int max) => Gen.Char[IdCharacters].Array[1, max].Select(a => new string(a));

    /// <summary>A file of this repository, as restore or the developers wrote it.</summary>
    public static string RepositoryFile(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException("seed file missing (build the solution first so that restore writes it): " + path);
        }

        return File.ReadAllText(path);
    }
}
