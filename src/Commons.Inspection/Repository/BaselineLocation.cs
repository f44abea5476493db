// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using Commons.Compliance.Baseline;
using Commons.Compliance.Facts;

namespace Commons.Inspection.Repository;

/// <summary>
/// Where a project's baseline is, by the one rule the build targets, the collection and the <c>commons</c> CLI share:
/// <c>CommonsBaseline=false</c> turns it off; <c>CommonsBaselineFile</c> names it (relative to the project's folder, as every
/// path property), and then it must be there; otherwise it is <c>commons.baseline.json</c> at the repository root, if present.
/// It is read by the reading rule (<see cref="DocumentReader"/>), with a larger cap than a community file: a large repository's
/// baseline lists thousands of entries.
/// </summary>
public sealed class BaselineLocation
{
    /// <summary>The largest baseline read: about 60,000 entries.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    private BaselineLocation(string path, bool configured)
    {
        Path = path;
        IsConfigured = configured;
    }

    /// <summary>The full path of the baseline file.</summary>
    public string Path { get; }

    /// <summary>True when <c>CommonsBaselineFile</c> named it: a missing file is then a problem, not the absence of a baseline.</summary>
    public bool IsConfigured { get; }

    /// <summary>The baseline's location, or null when it is turned off or there is neither a setting nor a repository root.</summary>
    public static BaselineLocation? Resolve(string projectDirectory, string? repositoryRoot, string? enabled, string? configuredFile)
    {
        if (string.Equals(enabled?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            if (!string.IsNullOrWhiteSpace(configuredFile))
            {
                return new BaselineLocation(System.IO.Path.GetFullPath(System.IO.Path.Combine(projectDirectory, configuredFile!.Trim())), configured: true);
            }

            return string.IsNullOrEmpty(repositoryRoot) ? null : new BaselineLocation(System.IO.Path.Combine(repositoryRoot!, BaselineFile.FileName), configured: false);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>Reads the file by the reading rule.</summary>
    public DocumentRead Read() => DocumentReader.Read(Path, MaxBytes);

    /// <summary>
    /// Why a baseline that exists (or was named) gives no text the compiler may receive, or null when it does or when an unnamed
    /// default is simply absent. Never silence: a baseline that cannot be read suppresses nothing and says so.
    /// </summary>
    public string? Problem(DocumentRead read)
    {
        if (read.State == FileContent.Text)
        {
            return null;
        }

        if (read.State == FileContent.Unreadable && !IsConfigured && !File.Exists(Path) && !Directory.Exists(Path))
        {
            return null;
        }

        return read.State == FileContent.Empty ? "it is empty, or a pipe or a device: run 'commons baseline' to write it" : read.Problem ?? read.State.ToString();
    }
}
