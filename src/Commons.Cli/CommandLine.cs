// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Commons.Cli.Output;
using Commons.Cli.Projects;
using Commons.Compliance.Input;
using Spectre.Console;

namespace Commons.Cli;

/// <summary>The arguments and options several commands share, and how every command runs, writes and fails.</summary>
internal static class CommandLine
{
    public static Argument<string> PathArgument(string description)
        => new("PATH") { Description = description, DefaultValueFactory = _ => ".", Arity = ArgumentArity.ZeroOrOne };

    public static Option<string?> OutputOption()
        => new("--output", "-o") { Description = "Write the result to this file instead of standard output." };

    public static Option<bool> RestoreOption()
        => new("--restore") { Description = "Restore projects that have no assets file, into a private folder (the repository is not modified)." };

    /// <summary>Runs a command body: unreadable input is exit code 2 with its reason on standard error, never a stack trace.</summary>
    public static int Guarded(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliInputException ex)
        {
            Program.WriteError(console.Error, ex.Message);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>
    /// Writes a command's result to <paramref name="outputPath"/>, or to standard output when null. A file is written
    /// whole or not at all: into a temporary file beside it, then renamed over it, and "wrote" is said only after that.
    /// A device, a pipe or a link (<c>/dev/stdout</c>, <c>/dev/full</c>) is written through, as a shell's <c>&gt;</c> does.
    /// Throws <see cref="CliInputException"/> when the result cannot be written.
    /// </summary>
    public static void WriteResult(CliConsole console, string? outputPath, Action<TextWriter> write)
    {
        if (outputPath is null)
        {
            write(console.Out);
            console.Out.Flush();
            return;
        }

        try
        {
            var full = Path.GetFullPath(outputPath);
            if (WritesThrough(full))
            {
                WriteInPlace(full, write);
            }
            else
            {
                WriteAndRename(full, write);
            }

            console.Error.WriteLine("wrote " + Printable.Escape(full));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException("cannot write " + outputPath + ": " + ex.Message);
        }
    }

    /// <summary>
    /// True for a link, and for an existing file of length 0 that is not a folder: a device, a pipe, or an empty file.
    /// Devices and pipes report length 0 and an empty file has nothing to lose, so they are written into; a rename would
    /// replace a device node (as root, <c>-o /dev/full</c> would have become a regular file) or the link itself.
    /// </summary>
    private static bool WritesThrough(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null || (info.Exists && info.Length == 0);
    }

    private static void WriteInPlace(string path, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        if (stream.CanSeek && stream.Length > 0)
        {
            stream.SetLength(0);
        }

        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        write(writer);
        writer.Flush();
    }

    private static void WriteAndRename(string path, Action<TextWriter> write)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left behind, hidden: the error that brought us here is the one to report.
            }
        }
    }

    /// <summary>True when standard error is the process's own and a terminal: only then is progress shown.</summary>
    public static bool ErrorIsTerminal(CliConsole console) => ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>True when the tool writes to the process's standard output and that is a terminal.</summary>
    public static bool OutputIsTerminal(CliConsole console) => console.Out is StandardOutput { IsTerminal: true };

    /// <summary>
    /// The body of a command that writes a document about the packages of PATH (sbom, notices): load, gather the packages
    /// once across projects, write the document to -o FILE or standard output.
    /// </summary>
    public static int WritePackageDocument(CliConsole console, string path, bool restore, string? outputPath, Func<Documents.PackageInventory, string> write)
    {
        var projects = LoadWorkspace(console, path, new WorkspaceOptions { Restore = restore });
        var document = write(Documents.PackageInventory.From(projects, InputResolver.Folder(path)));
        WriteResult(console, outputPath, writer => writer.Write(document));
        return ExitCodes.Success;
    }

    /// <summary>Loads the workspace with a progress display on a terminal, silently otherwise.</summary>
    public static IReadOnlyList<AnalyzedProject> LoadWorkspace(CliConsole console, string path, WorkspaceOptions options)
    {
        if (!ErrorIsTerminal(console))
        {
            return Workspace.Load(path, options);
        }

        IReadOnlyList<AnalyzedProject> result = Array.Empty<AnalyzedProject>();
        Consoles.For(console.Error, interactive: true).Status().Start("loading " + path, context =>
        {
            options.Progress = message => context.Status(Markup.Escape(message));
            result = Workspace.Load(path, options);
        });
        return result;
    }
}
