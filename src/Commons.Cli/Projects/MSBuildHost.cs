// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using Microsoft.Build.Locator;

namespace Commons.Cli.Projects;

/// <summary>
/// Loads the SDK's own MSBuild (the one <c>dotnet build</c> uses) once per process. Must run before any method that
/// names a Microsoft.Build type is compiled, so the evaluation code lives in other classes.
/// </summary>
internal static class MSBuildHost
{
    private static readonly object Gate = new();
    private static string? failure;

    /// <summary>Registers the SDK's MSBuild; returns null on success, else why it could not.</summary>
    public static string? EnsureRegistered()
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered || failure is not null)
            {
                return failure;
            }

            InspectionLoadContext.Install();
            try
            {
                MSBuildLocator.RegisterDefaults();
            }
            catch (InvalidOperationException ex)
            {
                failure = "no .NET SDK with MSBuild was found: " + ex.Message;
            }

            return failure;
        }
    }
}
