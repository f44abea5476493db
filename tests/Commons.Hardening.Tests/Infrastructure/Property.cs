// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.Threading;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests.Infrastructure;

/// <summary>
/// Runs one property with CsCheck, bounded by an iteration count, and prints how many cases it checked and how long it
/// took (visible with <c>dotnet test --logger "console;verbosity=detailed"</c>). A failure throws CsCheck's exception,
/// which names the seed: replay it with <paramref name="seed"/> and keep it as a named regression test.
/// </summary>
public static class Property
{
    public static long Check<T>(ITestOutputHelper output, string name, Gen<T> gen, Action<T> assert, long iter, Func<T, string> print, string? seed = null)
    {
        long cases = 0;
        var clock = Stopwatch.StartNew();
        gen.Sample(
            value =>
            {
                Interlocked.Increment(ref cases);
                if (Environment.GetEnvironmentVariable("HARDENING_TRACE") is { Length: > 0 } trace)
                {
                    // To find a case that hangs: each case is written down before it runs.
                    System.IO.File.AppendAllText(trace, name + ": " + print(value) + "\n");
                }

                assert(value);
            },
            writeLine: output.WriteLine,
            seed: seed,
            iter: iter,
            // xunit already runs the test classes in parallel on the two cores: one CsCheck thread per property.
            threads: 1,
            print: print);
        output.WriteLine(name + ": " + cases + " cases in " + clock.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s");
        Xunit.Assert.True(cases >= iter, name + " ran " + cases + " cases, fewer than " + iter);
        return cases;
    }
}
