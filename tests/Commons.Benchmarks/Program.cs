// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using BenchmarkDotNet.Running;

namespace Commons.Benchmarks;

/// <summary>Runs the hot-path benchmarks: <c>dotnet run -c Release --project tests/Commons.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
