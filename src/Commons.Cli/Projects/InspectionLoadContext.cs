// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Commons.Cli.Projects;

/// <summary>
/// Loads Commons.Inspection and the NuGet.* libraries it is built against from the tool's <c>inspection/</c> folder,
/// apart from the SDK's NuGet.* that MSBuild loads (see IsolatedInspection.props). Every other assembly
/// (Commons.Compliance and its facts model among them) comes from the default context, so facts cross over as the same types.
/// </summary>
internal sealed class InspectionLoadContext : AssemblyLoadContext
{
    private static readonly object Gate = new();
    private static InspectionLoadContext? instance;
    private readonly string folder;

    private InspectionLoadContext(string folder)
        : base("Commons.Inspection")
    {
        this.folder = folder;
    }

    /// <summary>Routes the default context's requests for Commons.Inspection here; idempotent.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (instance is not null)
            {
                return;
            }

            var folder = Path.Combine(AppContext.BaseDirectory, "inspection");
            if (!Directory.Exists(folder))
            {
                // Not a tool layout (the assemblies are on the default probing path): nothing to isolate.
                return;
            }

            instance = new InspectionLoadContext(folder);
            // Only Commons.Inspection is routed: the tool's own code names no NuGet type, and MSBuild's NuGet requests
            // must keep reaching the SDK's copies.
            Default.Resolving += (_, name) => name.Name == "Commons.Inspection" ? instance.LoadFromAssemblyName(name) : null;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (!IsIsolated(assemblyName))
        {
            return null;
        }

        var path = Path.Combine(folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    private static bool IsIsolated(AssemblyName name)
        => name.Name is { } n && (n == "Commons.Inspection" || n.StartsWith("NuGet.", StringComparison.Ordinal));
}
