// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using Commons.EndToEnd.Tests.Infrastructure;

namespace Commons.EndToEnd.Tests;

/// <summary>
/// Issue 7, Faults, at build level: a repository file that is not a regular file must not hang the build. A FIFO named
/// LICENSE blocks whoever opens it for reading until a writer comes; the collection and the compiler both used to.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FileFaultBuildTests
{
    private const string ProjectPath = "src/Sample/Sample.csproj";
    private const string LicenseUnidentified = "CMN0002";

    private readonly PackedPackage package;

    public FileFaultBuildTests(PackedPackage package) => this.package = package;

    [Fact]
    public void AFifoNamedLicense_DoesNotHangTheBuild_AndIsReportedAsAnUnidentifiedLicence()
    {
        var sample = new PackageSample(package, "fifo-license");
        sample.WriteCommunityFiles(licenseText: null);

        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT"));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "MIT"));
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { sample.PathOf("LICENSE") }) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // A hang ends at DotnetProcess's time limit with exit code -1 and "timed out" in the output.
        var build = sample.Build(ProjectPath, "-v:n");

        Assert.True(build.Process.Succeeded, build.Describe());
        var finding = Assert.Single(build.OfRule(LicenseUnidentified));
        Assert.EndsWith("LICENSE", finding.FilePath, StringComparison.Ordinal);
    }
}
