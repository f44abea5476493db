// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace Commons.Hardening.Tests.Infrastructure;

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

    private static void Run(string command, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(command) { ArgumentList = { argument }, UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(command + " " + argument + " failed with " + process.ExitCode);
        }
    }
}
