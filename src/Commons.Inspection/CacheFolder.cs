// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;

namespace Commons.Inspection;

/// <summary>Where what outlives a build is kept (README, "How it works").</summary>
public static class CacheFolder
{
    /// <summary><c>COMMONS_CACHE_DIR</c> when set, else <c>Commons.Analyzers</c> in the user's local application data.</summary>
    public static string Default()
        => Environment.GetEnvironmentVariable("COMMONS_CACHE_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Commons.Analyzers");
}
