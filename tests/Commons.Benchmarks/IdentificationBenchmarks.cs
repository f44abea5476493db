// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Commons.Licensing;

namespace Commons.Benchmarks;

/// <summary>
/// Licence text identification: the one-off cost (catalogue load + normalisation of every text) and the cost per file,
/// for whole licence files and for files the detector reads (notices, a text among other material, several licences).
/// <c>dotnet run -c Release --project tests/Commons.Benchmarks -- --filter '*Identification*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class IdentificationBenchmarks
{
    private static readonly MethodInfo LoadEmbedded = typeof(SpdxCatalog).GetMethod("LoadEmbedded", BindingFlags.NonPublic | BindingFlags.Static)!;

    private LicenseIdentifier identifier = null!;
    private string mitFile = null!;
    private string apacheFile = null!;
    private string unknownText = null!;
    private string gnuNotice = null!;
    private string readmeWithMit = null!;
    private string dualLicence = null!;
    private string bsdAuthorVariant = null!;

    [GlobalSetup]
    public void Setup()
    {
        identifier = LicenseIdentifier.Default;
        identifier.Warm();

        // What real LICENSE files look like: a title, the holder's copyright line, the SPDX text.
        mitFile = "MIT License\n\nCopyright (c) 2024 Example Corp.\n\n" + SpdxCatalog.Default.GetText("MIT")!.Replace("<year> <copyright holders>", "2024 Example Corp.", StringComparison.Ordinal);
        apacheFile = SpdxCatalog.Default.GetText("Apache-2.0")!;

        // Not a licence: prose of licence-like length made of licence words, so every candidate is considered.
        var words = SpdxCatalog.Default.GetText("GPL-3.0-only")!.Split(' ', '\n').Where(w => w.Length > 3).Distinct().ToArray();
        var random = new Random(1);
        unknownText = string.Join(" ", Enumerable.Range(0, 900).Select(_ => words[random.Next(words.Length)]));

        // Files the whole-file match cannot answer (issue 13): the detector finds what is inside them.
        gnuNotice = "Copyright (C) 2020 Jane Doe\n\nThis program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation; either version 2 of the License, or (at your option) any later version.\n\n"
            + "This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License for more details.\n";
        readmeWithMit = "# Example\n\nA small library that parses things. Build it with `dotnet build`.\n\n## Licence\n\n" + mitFile + "\n\n## Contributing\n\nPull requests are welcome.\n";
        dualLicence = "This project is dual-licensed: you may use it under either license at your option.\n\n---\n\n" + mitFile + "\n\n---\n\n" + apacheFile;
        bsdAuthorVariant = SpdxCatalog.Default.GetText("BSD-3-Clause")!
            .Replace("Neither the name of the copyright holder nor the names of its contributors may be used", "The name of the author may not be used", StringComparison.Ordinal);
    }

    /// <summary>Catalogue load (decompression) and normalisation of all 727 texts: paid once per process.</summary>
    [Benchmark]
    public int CatalogueLoadAndNormalisation()
    {
        // A fresh catalogue from the embedded resources (the same private loader SpdxCatalog.Default uses), so the
        // figure includes decompressing the texts, not only normalising them.
        var catalog = (SpdxCatalog)LoadEmbedded.Invoke(null, null)!;
        var fresh = new LicenseIdentifier(catalog);
        fresh.Warm();
        return catalog.Licenses.Count;
    }

    /// <summary>The detector's index over the catalogue (word numbers, anchors come later per text): built on the first file it reads.</summary>
    [Benchmark]
    public int DetectorIndexBuild() => Commons.Licensing.Identification.DetectorIndex.Build(identifier.Index).Templates.Count;

    [Benchmark]
    public string? IdentifyMit() => identifier.Identify(mitFile).License;

    [Benchmark]
    public string? IdentifyApache() => identifier.Identify(apacheFile).License;

    [Benchmark]
    public string? IdentifyUnknown() => identifier.Identify(unknownText).ClosestLicense;

    /// <summary>A GNU notice: no catalogue text, the notice rules answer.</summary>
    [Benchmark]
    public string? IdentifyGnuNotice() => identifier.Identify(gnuNotice).License;

    /// <summary>The MIT text between a README's sections: found by alignment, with its lines.</summary>
    [Benchmark]
    public string? IdentifyTextInsideReadme() => identifier.Identify(readmeWithMit).License;

    /// <summary>MIT and Apache-2.0 in one file, offered as alternatives.</summary>
    [Benchmark]
    public string? IdentifyDualLicence() => identifier.Identify(dualLicence).License;

    /// <summary>BSD-3-Clause with the 4.4BSD clause 3 that the SPDX template allows: whole-file match, then the word-by-word check.</summary>
    [Benchmark]
    public string? IdentifyTemplateAlternative() => identifier.Identify(bsdAuthorVariant).License;
}
