// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Commons.Licensing;

namespace Commons.Benchmarks;

/// <summary>
/// Licence text identification: the one-off cost (catalogue load + normalisation of every text) and the cost per file.
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

    [Benchmark]
    public string? IdentifyMit() => identifier.Identify(mitFile).License;

    [Benchmark]
    public string? IdentifyApache() => identifier.Identify(apacheFile).License;

    [Benchmark]
    public string? IdentifyUnknown() => identifier.Identify(unknownText).ClosestLicense;
}
