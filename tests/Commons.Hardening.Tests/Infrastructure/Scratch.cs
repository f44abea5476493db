// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace Commons.Hardening.Tests.Infrastructure;

/// <summary>What an entry of a generated repository is on disk.</summary>
public enum EntryShape
{
    Text,
    Bytes,
    Directory,
    LinkToOutsideFile,
    LinkToOutsideFolder,
    LinkLoop,
    DanglingLink,
    Fifo,
    HugeSparse,
    CharacterDevice,
}

/// <summary>A temporary folder for hostile files, deleted afterwards; <see cref="NewFolder"/> gives each case its own folder.</summary>
public sealed class Scratch : IDisposable
{
    private int next;

    public Scratch(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), "commons-hostile-" + name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string NewFolder()
    {
        var folder = Path.Combine(Root, Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string Write(string folder, string relativePath, byte[] content)
    {
        var full = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>The licence that lies outside every folder under test (ISC): a reader that reports it has escaped its folder.</summary>
    public const string OutsideLicenseId = "ISC";

    /// <summary>Writes the <see cref="OutsideLicenseId"/> text into <c>outside/LICENSE</c> under the scratch root and returns its path.</summary>
    public string WriteOutsideLicense()
        => Write(Path.Combine(Root, "outside"), "LICENSE", System.Text.Encoding.UTF8.GetBytes(Commons.Licensing.SpdxCatalog.Default.GetText(OutsideLicenseId)!));

    /// <summary>A named pipe: opening it for reading blocks until a writer comes, which none ever does.</summary>
    public static void MakeFifo(string path) => Run("mkfifo", path);

    /// <summary>
    /// Puts an entry of <paramref name="shape"/> at <paramref name="path"/> (nothing when something is there already):
    /// links point at <paramref name="outsideFile"/> or <paramref name="outsideFolder"/>, which lie outside the folder under test.
    /// </summary>
    public static void Create(string path, EntryShape shape, byte[] content, string outsideFile, string outsideFolder)
    {
        if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            return;
        }

        try
        {
            // An entry generated before may stand where this one's folder would be (a link loop named like the folder).
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (IOException)
        {
            return;
        }

        switch (shape)
        {
            case EntryShape.Text:
                File.WriteAllText(path, Commons.Licensing.SpdxCatalog.Default.GetText("MIT"));
                break;
            case EntryShape.Bytes:
                File.WriteAllBytes(path, content);
                break;
            case EntryShape.Directory:
                Directory.CreateDirectory(path);
                File.WriteAllText(Path.Combine(path, "LICENSE"), "inside a folder named like a licence");
                break;
            case EntryShape.LinkToOutsideFile:
                File.CreateSymbolicLink(path, outsideFile);
                break;
            case EntryShape.LinkToOutsideFolder:
                Directory.CreateSymbolicLink(path, outsideFolder);
                break;
            case EntryShape.LinkLoop:
                File.CreateSymbolicLink(path, path + ".loop");
                File.CreateSymbolicLink(path + ".loop", path);
                break;
            case EntryShape.DanglingLink:
                File.CreateSymbolicLink(path, Path.Combine(outsideFolder, "does-not-exist"));
                break;
            case EntryShape.Fifo:
                MakeFifo(path);
                break;
            case EntryShape.HugeSparse:
                // 3 GB: beyond what an int can count, where File.ReadAllText threw and a byte[] cannot go.
                MakeSparse(path, 3L << 30);
                break;
            case EntryShape.CharacterDevice:
                MakeZeroDevice(path);
                break;
        }
    }

    /// <summary>A character device that reads zeros for ever, as <c>/dev/zero</c> (the tests run as root, which mknod needs).</summary>
    public static void MakeZeroDevice(string path) => Run("mknod", path, "c", "1", "5");

    /// <summary>A sparse file: its length is <paramref name="length"/>, its disk use next to nothing.</summary>
    public static void MakeSparse(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.SetLength(length);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(command + " " + string.Join(" ", arguments) + " failed with " + process.ExitCode);
        }
    }
}
