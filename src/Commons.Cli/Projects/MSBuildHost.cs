// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
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
                // Most often a global.json that pins an SDK this machine does not have: the check still runs, with the newest
                // SDK found from the tool's own folder, and says so (SdkNote); restore then runs from there too.
                var fallback = NewestSdkOutsideTheRepository();
                if (fallback is null)
                {
                    failure = "no .NET SDK with MSBuild was found: " + ex.Message;
                }
                else
                {
                    MSBuildLocator.RegisterInstance(fallback);
                    SdkWorkingDirectory = AppContext.BaseDirectory;
                    SdkNote = "the SDK the current folder asks for (global.json) is not installed: checked with the .NET SDK "
                        + fallback.Version + " (" + FirstLine(ex.Message) + ")";
                }
            }

            return failure;
        }
    }

    /// <summary>Set when the SDK was not the one the current folder asks for: why, and which one was used.</summary>
    public static string? SdkNote { get; private set; }

    /// <summary>Where to start <c>dotnet</c> so that it picks the same SDK as the evaluation; null = the current folder.</summary>
    public static string? SdkWorkingDirectory { get; private set; }

    private static VisualStudioInstance? NewestSdkOutsideTheRepository()
    {
        try
        {
            var options = new VisualStudioInstanceQueryOptions { DiscoveryTypes = DiscoveryType.DotNetSdk, WorkingDirectory = AppContext.BaseDirectory };
            return MSBuildLocator.QueryVisualStudioInstances(options).OrderByDescending(i => i.Version).FirstOrDefault();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string FirstLine(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return lines.FirstOrDefault(l => l.StartsWith("Requested SDK", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? text;
    }
}
