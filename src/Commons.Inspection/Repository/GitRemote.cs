// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Text;

namespace Commons.Inspection.Repository;

/// <summary>
/// The URL of a repository's git remote, read from its <c>config</c> as SourceLink reads it to fill <c>RepositoryUrl</c>
/// when a project sets <c>PublishRepositoryUrl</c>: the <c>origin</c> remote, else the first one.
/// </summary>
public static class GitRemote
{
    /// <summary>A git config file is small; a larger one is not read.</summary>
    private const long MaxConfigBytes = 256 * 1024;

    /// <summary>The remote URL of the repository at <paramref name="root"/>, or null when it has none or it cannot be read.</summary>
    public static string? Find(string root)
    {
        var gitDirectory = GitDirectory(root);
        if (gitDirectory is null)
        {
            return null;
        }

        // A linked worktree keeps its config in the common directory it names.
        var common = ReadText(Path.Combine(gitDirectory, "commondir"))?.Trim();
        var configFolder = string.IsNullOrEmpty(common) ? gitDirectory : Resolve(gitDirectory, common!);
        var config = ReadText(Path.Combine(configFolder, "config"));
        return config is null ? null : RemoteUrl(config);
    }

    /// <summary>The <c>url</c> of <c>[remote "origin"]</c>, else of the first remote section, in a git config text.</summary>
    public static string? RemoteUrl(string config)
    {
        string? first = null;
        string? section = null;
        foreach (var raw in config.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("[", StringComparison.Ordinal))
            {
                section = line;
                continue;
            }

            var equals = line.IndexOf('=');
            if (section is null || equals <= 0 || !section.StartsWith("[remote ", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(line.Substring(0, equals).Trim(), "url", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var url = line.Substring(equals + 1).Trim().Trim('"');
            if (url.Length == 0)
            {
                continue;
            }

            if (section.Replace(" ", "").Equals("[remote\"origin\"]", StringComparison.OrdinalIgnoreCase))
            {
                return url;
            }

            first ??= url;
        }

        return first;
    }

    /// <summary>The <c>.git</c> folder, or the folder a <c>.git</c> file (worktree, submodule) points at with <c>gitdir:</c>.</summary>
    private static string? GitDirectory(string root)
    {
        var git = Path.Combine(root, ".git");
        if (Directory.Exists(git))
        {
            return git;
        }

        var pointer = ReadText(git);
        const string Prefix = "gitdir:";
        if (pointer is null || !pointer.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return Resolve(root, pointer.Substring(Prefix.Length).Trim());
    }

    private static string Resolve(string folder, string path)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(folder, path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static string? ReadText(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = BoundedFile.TryRead(path, MaxConfigBytes, out _);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }
}
