// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;

namespace Commons.Testing;

/// <summary>Paths inside this repository that tests need: the build props/targets and freshly built tool outputs.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>Commons.Analyzers.sln</c>).</summary>
    public static string Root => RootValue.Value;

    public static string BuildProps => Path.Combine(Root, "build", "Commons.Analyzers.props");

    public static string BuildTargets => Path.Combine(Root, "build", "Commons.Analyzers.targets");

    /// <summary>The build configuration the tests were built in (Debug or Release), read from the test assembly's path.</summary>
    public static string Configuration
        => AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The .NET flavour of the build task as built by the test's ProjectReference.</summary>
    public static string TasksAssembly
        => Path.Combine(Root, "src", "Commons.Build.Tasks", "bin", Configuration, "net8.0", "Commons.Build.Tasks.dll");

    /// <summary>The <c>commons</c> tool as built by a test project's ProjectReference, run with <c>dotnet commons.dll</c>.</summary>
    public static string CliTool
        => Path.Combine(Root, "src", "Commons.Cli", "bin", Configuration, "net10.0", "commons.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commons.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Commons.Analyzers.sln) is not above " + AppContext.BaseDirectory);
    }
}
