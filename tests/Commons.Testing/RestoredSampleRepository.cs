// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;

namespace Commons.Testing;

/// <summary>
/// A sample repository with the standard fixture feed and two projects, <c>plain/App</c> and <c>central/App</c>
/// (Central Package Management), restored once by a real <c>dotnet restore</c>. Test projects derive a class fixture
/// that passes the Apache-2.0 text (Commons.Testing does not depend on the licence catalogue).
/// </summary>
public abstract class RestoredSampleRepository : IDisposable
{
    protected RestoredSampleRepository(string name, string apacheText)
    {
        Repository = new SampleRepository(name);
        LicenseFixtureSet.WritePackages(Repository, apacheText);
        PlainProject = LicenseFixtureSet.WriteProject(Repository, "plain", centralPackageManagement: false);
        CentralProject = LicenseFixtureSet.WriteProject(Repository, "central", centralPackageManagement: true);
        foreach (var project in new[] { PlainProject, CentralProject })
        {
            var restore = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "restore", project);
            if (restore.ExitCode != 0)
            {
                Repository.Dispose();
                throw new InvalidOperationException("restore failed: " + restore);
            }
        }
    }

    public SampleRepository Repository { get; }

    public string PlainProject { get; }

    public string CentralProject { get; }

    public void Dispose()
    {
        Repository.Dispose();
        GC.SuppressFinalize(this);
    }
}
