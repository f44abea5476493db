// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Commons.Compliance.Reuse;

namespace Commons.Inspection.Repository;

/// <summary>What a REUSE project holds: its covered files as read, its licence texts and its global licensing.</summary>
public sealed class ReuseTree
{
    internal ReuseTree(string root, IReadOnlyList<ReuseCoveredFile> files, IReadOnlyList<string> licenseFiles, ReuseGlobalLicensing global,
        IReadOnlyList<(string RelativePath, string Error)> globalProblems, bool usesGit)
    {
        Root = root;
        Files = files;
        LicenseFiles = licenseFiles;
        Global = global;
        GlobalProblems = globalProblems;
        UsesGit = usesGit;
    }

    public string Root { get; }

    /// <summary>Every covered file, in path order (ordinal).</summary>
    public IReadOnlyList<ReuseCoveredFile> Files { get; }

    /// <summary>The files under <c>LICENSES/</c> (sidecars excluded), relative to the root.</summary>
    public IReadOnlyList<string> LicenseFiles { get; }

    public ReuseGlobalLicensing Global { get; }

    /// <summary>A REUSE.toml or <c>.reuse/dep5</c> that cannot be used, and why.</summary>
    public IReadOnlyList<(string RelativePath, string Error)> GlobalProblems { get; }

    /// <summary>True when git said which files it ignores (the root is a git work tree's top and git runs).</summary>
    public bool UsesGit { get; }
}

/// <summary>
/// Reads a project as the REUSE Tool does (REUSE 3.3): the Covered Files (every file but version control, <c>LICENSES/</c>,
/// <c>.reuse/</c>, <c>LICENSE</c>/<c>COPYING</c>, sidecars, REUSE.toml, SPDX documents, links, empty files, submodules,
/// Meson subprojects and what git ignores), each read once, in parallel: its <c>.license</c> sidecar when it has one, else its
/// whole text (the REUSE Tool reads it all), unless its first 2 KB show a binary file. Without git (no repository, or git
/// not installed) build output and tool folders are left out by the rule of <see cref="RepositoryTree"/>, as git would.
/// </summary>
public static class ReuseTreeReader
{
    /// <summary>What the REUSE Tool looks at to tell a binary file from a text (libmagic's encoding test).</summary>
    private const int SniffBytes = 2048;

    /// <summary>Text is scanned in pieces of this size, each ended at a line break.</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The largest REUSE.toml, dep5 or sidecar read (real ones are a few KB).</summary>
    private const long MetadataMaxBytes = 1024 * 1024;

    public static ReuseTree Read(string root)
    {
        root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        // git answers while LICENSES/ is listed; the walk then leaves out what git ignores, whole folders at once.
        var asking = Task.Run(() => GitIgnored(root));
        var licenseFiles = LicenseFiles(root);
        var covered = new List<string>();
        var tomls = new List<string>();
        var sidecars = new HashSet<string>(StringComparer.Ordinal);
        var ignored = asking.Result;
        Walk(new DirectoryInfo(root), "", ignored, covered, tomls, sidecars);
        covered.Sort(StringComparer.Ordinal);

        var files = new ReuseCoveredFile[covered.Count];
        Parallel.For(0, covered.Count, i => files[i] = ReadCovered(root, covered[i], sidecars.Contains(covered[i] + ".license")));

        var problems = new List<(string, string)>();
        var tomlFiles = new List<ReuseTomlFile>();
        foreach (var toml in tomls.OrderBy(t => t, StringComparer.Ordinal))
        {
            var directory = toml.Length > "REUSE.toml".Length ? toml.Substring(0, toml.Length - "/REUSE.toml".Length) : "";
            var text = ReadMetadata(Path.Combine(root, toml), out var problem);
            var parsed = text is null ? new ReuseTomlFile(directory, Array.Empty<ReuseAnnotation>(), problem) : ReuseTomlReader.Parse(text, directory);
            if (parsed.Error is { } error)
            {
                problems.Add((toml, error));
            }

            tomlFiles.Add(parsed);
        }

        Dep5File? dep5 = null;
        var dep5Path = Path.Combine(root, ".reuse", "dep5");
        if (File.Exists(dep5Path))
        {
            if (tomls.Count > 0)
            {
                problems.Add((".reuse/dep5", "REUSE.toml and .reuse/dep5 are mutually exclusive (REUSE 3.3): move its paragraphs into REUSE.toml"));
            }
            else if (ReadMetadata(dep5Path, out var problem) is { } text)
            {
                dep5 = Dep5File.Parse(text);
                if (dep5.Error is { } error)
                {
                    problems.Add((".reuse/dep5", "line " + dep5.ErrorLine + ": " + error));
                }
            }
            else
            {
                problems.Add((".reuse/dep5", problem!));
            }
        }

        return new ReuseTree(root, files, licenseFiles, new ReuseGlobalLicensing(tomlFiles, dep5), problems, ignored is not null);
    }

    /// <summary>
    /// What git ignores under a work tree's top folder, by relative path (folders end with '/'); null when the folder is not
    /// one, or git cannot say. Run with the repository's file-system monitor off: its configuration cannot run a command.
    /// </summary>
    private static HashSet<string>? GitIgnored(string root)
    {
        if (!Directory.Exists(Path.Combine(root, ".git")) && !File.Exists(Path.Combine(root, ".git")))
        {
            return null;
        }

        try
        {
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                WorkingDirectory = root,
                StandardOutputEncoding = Encoding.UTF8,
                Arguments = "-c core.fsmonitor=false -c core.quotePath=false ls-files -z --others --ignored --exclude-standard --directory",
            };

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                return null;
            }

            _ = error.Result;
            if (process.ExitCode != 0)
            {
                return null;
            }

            return new HashSet<string>(output.Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static void Walk(DirectoryInfo folder, string relative, HashSet<string>? ignored, List<string> covered, List<string> tomls, HashSet<string> sidecars)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = folder.GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (PathSafety.IsLink(entry))
            {
                continue;
            }

            if (entry is DirectoryInfo directory)
            {
                if (ReuseCoverage.IsIgnoredDirectoryName(entry.Name)
                    || (ignored is not null && ignored.Contains(path + "/"))
                    || (ignored is null && RepositoryTree.IsSkipped(directory))
                    // Meson subprojects: every folder in a folder named subprojects, wherever, meson.build or not (as the REUSE Tool).
                    || folder.Name == "subprojects"
                    || File.Exists(Path.Combine(directory.FullName, ".git"))
                    || (ignored is null && directory.EnumerateFiles().Any(f => RepositoryTree.IsPackageMarker(f.Name))))
                {
                    continue;
                }

                Walk(directory, path, ignored, covered, tomls, sidecars);
                continue;
            }

            if (entry is not FileInfo file || (ignored is not null && ignored.Contains(path)))
            {
                continue;
            }

            if (ReuseCoverage.IsSidecar(entry.Name))
            {
                sidecars.Add(path);
            }

            if (entry.Name == "REUSE.toml")
            {
                tomls.Add(path);
            }

            if (ReuseCoverage.IsIgnoredFileName(entry.Name) || file.Length == 0)
            {
                continue;
            }

            covered.Add(path);
        }
    }

    private static ReuseCoveredFile ReadCovered(string root, string relative, bool hasSidecar)
    {
        var path = Path.Combine(root, relative);
        var sidecar = ReuseCoverage.SidecarOf(path);
        if (hasSidecar)
        {
            var text = ReadMetadata(sidecar, out var problem);
            if (text is null)
            {
                return new ReuseCoveredFile(relative, null, null, problem);
            }

            var scanner = ReuseTagScanner.Scan(text);
            return new ReuseCoveredFile(relative, scanner.ToInfo(ReuseSource.DotLicense, ReuseCoverage.SidecarOf(relative)), scanner.Tags);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            if (!stream.CanSeek)
            {
                return new ReuseCoveredFile(relative, null, null, "it is not a regular file");
            }

            var scanner = Scan(stream);
            return new ReuseCoveredFile(relative, scanner?.ToInfo() ?? ReuseInfo.Empty, scanner?.Tags);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new ReuseCoveredFile(relative, null, null, ex.Message);
        }
    }

    /// <summary>The tags of a file's text, read in pieces; null for a binary file.</summary>
    private static ReuseTagScanner? Scan(Stream stream)
    {
        // Sized to the file: most are a few KB, and 5,000 of them must not each cost a 64 KB buffer.
        var small = stream.Length <= ChunkBytes;
        var buffer = new byte[small ? (int)stream.Length : ChunkBytes + 1024];
        var length = Fill(stream, buffer, 0, Math.Min(SniffBytes, buffer.Length));
        var encoding = TextEncoding(buffer, length);
        if (encoding is null)
        {
            return null;
        }

        var scanner = new ReuseTagScanner();
        if (encoding is not UTF8Encoding && encoding.CodePage != 28591)
        {
            // UTF-16 and UTF-32 (with a byte-order mark): read whole.
            var rest = new MemoryStream();
            rest.Write(buffer, 0, length);
            stream.CopyTo(rest);
            scanner.Add(BoundedFile.Decode(rest.ToArray()));
            return scanner;
        }

        var skip = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        if (small)
        {
            length += Fill(stream, buffer, length, buffer.Length - length);
            scanner.Add(encoding.GetString(buffer, skip, length - skip));
            return scanner;
        }

        var decoder = encoding.GetDecoder();
        var chars = new char[encoding.GetMaxCharCount(buffer.Length)];
        while (true)
        {
            length += Fill(stream, buffer, length, ChunkBytes - length);
            if (length == 0)
            {
                return scanner;
            }

            // Each piece ends at a line break (or after 1 KB more), as the REUSE Tool reads: a tag is never cut in two.
            var end = length;
            if (length >= ChunkBytes)
            {
                end += Fill(stream, buffer, length, 1024);
                var newline = Array.IndexOf(buffer, (byte)'\n', length, end - length);
                var keep = newline >= 0 ? newline + 1 : end;
                scanner.Add(Decode(decoder, buffer, skip, keep - skip, chars));
                Array.Copy(buffer, keep, buffer, 0, end - keep);
                length = end - keep;
            }
            else
            {
                scanner.Add(Decode(decoder, buffer, skip, end - skip, chars));
                return scanner;
            }

            skip = 0;
        }
    }

    private static string Decode(Decoder decoder, byte[] bytes, int start, int count, char[] chars)
        => new(chars, 0, decoder.GetChars(bytes, start, count, chars, 0));

    private static int Fill(Stream stream, byte[] buffer, int offset, int count)
    {
        var total = 0;
        while (total < count)
        {
            var read = stream.Read(buffer, offset + total, count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>
    /// The encoding libmagic finds for the first bytes of a file, as the REUSE Tool uses it: a byte-order mark names it; text
    /// that is no valid UTF-8 but holds only text bytes is ISO-8859-1; a byte that never appears in text (NUL and most other
    /// control characters) makes it binary: null.
    /// </summary>
    internal static Encoding? TextEncoding(byte[] bytes, int length)
    {
        if ((length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            || (length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF))
        {
            return Encoding.Unicode;
        }

        for (var i = 0; i < length; i++)
        {
            var b = bytes[i];
            if (b < 0x07 || (b > 0x0D && b < 0x20 && b != 0x1B) || b == 0x7F)
            {
                return null;
            }
        }

        try
        {
            new UTF8Encoding(false, true).GetCharCount(bytes, 0, TrimPartialSequence(bytes, length));
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(28591);
        }
    }

    /// <summary>The length without a UTF-8 sequence cut at the end of the sniffed bytes.</summary>
    private static int TrimPartialSequence(byte[] bytes, int length)
    {
        for (var back = 1; back <= 3 && length - back >= 0; back++)
        {
            var b = bytes[length - back];
            if ((b & 0xC0) != 0x80)
            {
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? length - back : length;
            }
        }

        return length;
    }

    private static string? ReadMetadata(string path, out string? problem)
    {
        var content = BoundedFile.ReadText(path, new BoundedRead { MaxBytes = MetadataMaxBytes });
        problem = content.Problem;
        return content.Text;
    }

    /// <summary>Every file under <c>LICENSES/</c> at the root, at any depth, but sidecars; links are not followed.</summary>
    private static IReadOnlyList<string> LicenseFiles(string root)
    {
        var folder = new DirectoryInfo(Path.Combine(root, "LICENSES"));
        if (!folder.Exists || PathSafety.IsLink(folder))
        {
            return Array.Empty<string>();
        }

        var found = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = current.GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo child && !PathSafety.IsLink(child))
                {
                    pending.Push(child);
                }
                else if (entry is FileInfo && !ReuseCoverage.IsSidecar(entry.Name))
                {
                    found.Add(PathSafety.Relative(root, entry.FullName).Replace('\\', '/'));
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
