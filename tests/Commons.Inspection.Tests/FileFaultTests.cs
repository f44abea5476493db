// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Commons.Compliance.Facts;
using Commons.Inspection.Dependencies;
using Commons.Inspection.Repository;
using Commons.Licensing;
using Commons.Testing;

namespace Commons.Inspection.Tests;

/// <summary>
/// Issue 7, Faults: files that cannot be read, that are not regular files, or that vanish between listing and reading.
/// The tests run as root, so permissions stop nothing; what does: a lock held with <see cref="FileShare.None"/> (.NET
/// on Linux takes an exclusive flock, and our readers' shared flock then fails), dangling links, directories and FIFOs
/// where a file is expected, and deletions between the steps of the API. Each gives a problem (or the finding of an
/// absent or empty file), never an exception, never a hang.
/// </summary>
public sealed class FileFaultTests
{
    /// <summary>A reader blocked on a FIFO would never return: every call runs under this limit.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    public enum Fault
    {
        Locked,
        Fifo,
        DanglingLink,
        Directory,
    }

    public static TheoryData<Fault> AllFaults => new() { Fault.Locked, Fault.Fifo, Fault.DanglingLink, Fault.Directory };

    [Theory]
    [MemberData(nameof(AllFaults))]
    public void Repository_licence_file(Fault fault)
    {
        using var root = new TempFolder();
        root.Write("README.md", "# Sample\n");
        var license = Path.Combine(root.Path, "LICENSE");
        using var held = Inflict(fault, license, SpdxCatalog.Default.GetText("MIT")!);
        var problems = new List<CollectionProblem>();

        var files = WithinLimit(() => RepositoryScanner.Scan(root.Path, problems), license);

        var listed = files.Where(f => f.Kind == RepositoryFileKind.License).ToList();
        switch (fault)
        {
            case Fault.Locked:
                Assert.Single(listed);
                var problem = Assert.Single(problems);
                Assert.Equal(CollectionProblemKind.RepositoryFileUnreadable, problem.Kind);
                Assert.Contains("LICENSE", problem.Message, StringComparison.Ordinal);
                break;
            case Fault.Fifo:
                // Listed (it is a name in the folder) and read as empty: the finding is an unidentified licence file.
                Assert.Null(Assert.Single(listed).IdentifiedLicense);
                break;
            default:
                // Links are never followed and folders are not files: the finding is "no licence file".
                Assert.Empty(listed);
                break;
        }

        Assert.Contains(files, f => f.Kind == RepositoryFileKind.Readme);
    }

    [Theory]
    [MemberData(nameof(AllFaults))]
    public void Package_nuspec(Fault fault)
    {
        using var folder = PackageLicenseReaderTests.Extract(new FixturePackage("Fix.Faulty").WithExpression("MIT"));
        var nuspec = Path.Combine(folder.Path, "fix.faulty.nuspec");
        var content = File.ReadAllText(nuspec);
        File.Delete(nuspec);
        using var held = Inflict(fault, nuspec, content);

        var license = WithinLimit(() => PackageLicenseReader.Read(folder.Path, "Fix.Faulty"), nuspec);

        Assert.Null(license.License);
        Assert.Equal(CollectionProblemKind.NuspecUnreadable, license.ProblemKind);
        Assert.False(string.IsNullOrEmpty(license.Problem));
    }

    [Theory]
    [MemberData(nameof(AllFaults))]
    public void Licence_file_inside_a_package(Fault fault)
    {
        var apache = SpdxCatalog.Default.GetText("Apache-2.0")!;
        using var folder = PackageLicenseReaderTests.Extract(new FixturePackage("Fix.FileFault").WithLicenseFile("LICENSE.txt", apache));
        var path = Path.Combine(folder.Path, "LICENSE.txt");
        File.Delete(path);
        using var held = Inflict(fault, path, apache);

        var license = WithinLimit(() => PackageLicenseReader.Read(folder.Path, "Fix.FileFault"), path);

        Assert.Null(license.License);
        Assert.Equal(LicenseSource.File, license.Source);
        Assert.Contains("LICENSE.txt", license.Problem, StringComparison.Ordinal);
        if (fault == Fault.DanglingLink)
        {
            // Links inside a package are refused before anything is read: they may point anywhere.
            Assert.Equal(CollectionProblemKind.LicenseFileOutsidePackage, license.ProblemKind);
        }
        else if (fault != Fault.Fifo)
        {
            // A FIFO reads as an empty text: "not identified", the same as an empty licence file.
            Assert.Equal(CollectionProblemKind.LicenseFileUnreadable, license.ProblemKind);
        }
    }

    [Theory]
    [MemberData(nameof(AllFaults))]
    public void Assets_file(Fault fault)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "project.assets.json");
        using var held = Inflict(fault, path, "{ \"version\": 3, \"targets\": { \"net8.0\": {} }, \"libraries\": {}, \"project\": {} }");
        var problems = new List<CollectionProblem>();

        var lockFile = WithinLimit(() => AssetsFileReader.Read(path, problems), path);

        Assert.Null(lockFile);
        var problem = Assert.Single(problems);
        Assert.True(problem.Kind is CollectionProblemKind.AssetsFileUnreadable or CollectionProblemKind.AssetsFileMissing, problem.Kind + ": " + problem.Message);
        Assert.Contains(path, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_deleted_between_listing_and_reading_is_a_problem()
    {
        using var root = new TempFolder();
        root.Write("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        root.Write("publiccode.yml", "publiccodeYmlVersion: \"0.4\"\nname: Sample\n");
        var listed = RepositoryScanner.Find(root.Path, new List<CollectionProblem>());
        var publicCode = listed.Single(f => f.Kind == RepositoryFileKind.PublicCode);
        var license = listed.Single(f => f.Kind == RepositoryFileKind.License);

        File.Delete(publicCode.FullPath);
        File.Delete(license.FullPath);

        var facts = PublicCodeReader.Read(root.Path, publicCode.FullPath);
        Assert.False(string.IsNullOrEmpty(facts.ParseError), "a vanished publiccode.yml must say so");
        Assert.Null(BoundedFile.TryRead(license.FullPath, BoundedFile.DefaultMaxBytes, out var problem));
        Assert.Contains("cannot be read", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_files_deleted_between_reading_the_assets_file_and_collecting_are_problems()
    {
        using var repository = new SampleRepository("vanishing");
        LicenseFixtureSet.WritePackages(repository, SpdxCatalog.Default.GetText("Apache-2.0")!);
        var project = LicenseFixtureSet.WriteProject(repository, "plain", centralPackageManagement: false);
        var restore = DotnetRunner.Run(repository.Root, TimeSpan.FromMinutes(4), "restore", project);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var problems = new List<CollectionProblem>();
        var lockFile = AssetsFileReader.Read(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json"), problems)!;
        Assert.Empty(problems);

        string Package(string id) => Path.Combine(repository.PackagesFolder, id.ToLowerInvariant(), "1.0.0");
        File.Delete(Path.Combine(Package("Fix.ApacheFile"), "LICENSE.txt"));
        File.Delete(Path.Combine(Package("Fix.Mit"), "fix.mit.nuspec"));
        Directory.Delete(Package("Fix.Gpl"), recursive: true);

        var packages = new DependencyCollector().Collect(lockFile, "net10.0", new DependencyScope(), problems).Packages.ToDictionary(p => p.Id);

        Assert.Null(packages["Fix.ApacheFile"].License);
        Assert.Null(packages["Fix.Mit"].License);
        Assert.Null(packages["Fix.Gpl"].License);
        Assert.Equal("LGPL-2.1-or-later", packages["Fix.Lgpl"].License);
        Assert.Contains(problems, p => p.Kind == CollectionProblemKind.LicenseFileUnreadable && p.Message.StartsWith("Fix.ApacheFile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Kind == CollectionProblemKind.NuspecUnreadable && p.Message.StartsWith("Fix.Mit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Kind == CollectionProblemKind.PackageFolderMissing && p.Message.StartsWith("Fix.Gpl", StringComparison.Ordinal));
    }

    /// <summary>Puts the fault at <paramref name="path"/>; the returned handle (a held lock) lives until the test ends.</summary>
    private static IDisposable Inflict(Fault fault, string path, string content)
    {
        switch (fault)
        {
            case Fault.Locked:
                File.WriteAllText(path, content);
                return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            case Fault.Fifo:
                Run("mkfifo", path);
                break;
            case Fault.DanglingLink:
                File.CreateSymbolicLink(path, Path.Combine(Path.GetDirectoryName(path)!, "gone", Path.GetFileName(path)));
                break;
            case Fault.Directory:
                Directory.CreateDirectory(path);
                break;
        }

        return new MemoryStream();
    }

    /// <summary>
    /// Runs the reader with a time limit. When it overruns (blocked opening a FIFO), the FIFO gets a writer so the
    /// thread can end, and the test fails as a hang.
    /// </summary>
    private static T WithinLimit<T>(Func<T> read, string faultPath)
    {
        var work = Task.Run(read);
        if (!work.Wait(HangLimit))
        {
            Task.Run(() => File.WriteAllText(faultPath, string.Empty)).Wait(TimeSpan.FromSeconds(5));
            Assert.Fail("reading " + faultPath + " hung for more than " + HangLimit.TotalSeconds + " s");
        }

        return work.Result;
    }

    private static void Run(string command, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(command, new[] { argument }) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
