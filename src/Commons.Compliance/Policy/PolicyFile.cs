// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using Commons.Compliance.Input;

namespace Commons.Compliance.Policy;

/// <summary>
/// The optional policy file (<c>CommonsPolicyFile</c>): per-package exceptions, each with a reason.
/// A small INI-like text the BCL reads:
/// <code>
/// # Accepted after legal review, ticket LEGAL-42
/// [Some.Package]
/// reason = dual-licensed; we use it under the commercial licence we bought
/// expires = 2027-06-30
/// license = GPL-3.0-only
/// </code>
/// A section names a package id (case-insensitive); <c>reason</c> is required; <c>expires</c> (yyyy-MM-dd) and
/// <c>license</c> (the exception holds only while the package has that licence) are optional. <c>#</c> and <c>;</c> start comments.
/// A <c>[curation: Package.Id]</c> section is no exception but a corrected fact (<see cref="PolicyCuration"/>).
/// </summary>
public sealed class PolicyFile
{
    public PolicyFile(string path, IReadOnlyList<PolicyException> exceptions, IReadOnlyList<PolicyFileError> errors)
        : this(path, exceptions, errors, Array.Empty<PolicyCuration>())
    {
    }

    public PolicyFile(string path, IReadOnlyList<PolicyException> exceptions, IReadOnlyList<PolicyFileError> errors, IReadOnlyList<PolicyCuration> curations)
    {
        Path = path;
        Exceptions = exceptions;
        Errors = errors;
        Curations = curations;
    }

    public string Path { get; }

    public IReadOnlyList<PolicyException> Exceptions { get; }

    /// <summary>Lines that could not be understood; each becomes a CMN0902 finding and the line is ignored.</summary>
    public IReadOnlyList<PolicyFileError> Errors { get; }

    /// <summary>The <c>[curation: Package.Id]</c> sections: corrected licence facts (<see cref="PolicyCuration"/>), distinct from exceptions.</summary>
    public IReadOnlyList<PolicyCuration> Curations { get; }

    /// <summary>The largest policy file read, in characters: a real one is a few KB.</summary>
    public const int MaxLength = 1024 * 1024;

    /// <summary>Errors reported at most, the last one saying how many more lines were not understood.</summary>
    public const int MaxErrors = 50;

    /// <summary>Characters of the file quoted at most in an error (a key, a date): the file may be anything, even outside the repository.</summary>
    public const int MaxExcerpt = 40;

    /// <summary>
    /// Reads the exceptions of a policy file. The file's text reaches messages only as short escaped excerpts: it may be
    /// any file the property names (<c>/proc/self/environ</c> once put the whole environment into build warnings).
    /// </summary>
    public static PolicyFile Parse(string path, string text)
    {
        var exceptions = new List<PolicyException>();
        var errors = new List<PolicyFileError>();
        var curations = new List<PolicyCuration>();
        Section? current = null;
        PolicyCuration.Section? curation = null;
        if (text.IndexOf('\0') >= 0)
        {
            errors.Add(new PolicyFileError(1, "the policy file is not text (it holds NUL characters): not read"));
            return new PolicyFile(path, exceptions, errors, curations);
        }

        if (text.Length > MaxLength)
        {
            errors.Add(new PolicyFileError(1, "the policy file is larger than " + (MaxLength / 1024).ToString(CultureInfo.InvariantCulture) + " KB: not read"));
            return new PolicyFile(path, exceptions, errors, curations);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                Close(current, exceptions, errors);
                curation?.Close(curations, errors);
                current = null;
                curation = null;
                if (line[line.Length - 1] != ']' || line.Length < 3)
                {
                    errors.Add(new PolicyFileError(lineNumber, "a section header must be [Package.Id]"));
                    continue;
                }

                var header = line.Substring(1, line.Length - 2).Trim();
                if (PolicyCuration.IsCurationHeader(header))
                {
                    curation = new PolicyCuration.Section(header, lineNumber);
                }
                else
                {
                    current = new Section(header, lineNumber);
                }

                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                errors.Add(new PolicyFileError(lineNumber, "expected 'key = value' or '[Package.Id]'"));
                continue;
            }

            var key = line.Substring(0, equals).Trim().ToLowerInvariant();
            var value = line.Substring(equals + 1).Trim();
            if (curation is not null)
            {
                curation.Set(key, value, lineNumber, errors);
                continue;
            }

            if (current is null)
            {
                errors.Add(new PolicyFileError(lineNumber, "a 'key = value' line comes before any [Package.Id] section"));
                continue;
            }

            switch (key)
            {
                case "reason":
                    current.Reason = value;
                    break;
                case "license":
                    current.License = value;
                    break;
                case "expires":
                    if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        current.Expires = date;
                    }
                    else
                    {
                        errors.Add(new PolicyFileError(lineNumber, "expires '" + Excerpt(value) + "' is not a yyyy-MM-dd date"));
                    }

                    break;
                default:
                    errors.Add(new PolicyFileError(lineNumber, "unknown key '" + Excerpt(key) + "' (expected reason, expires or license)"));
                    break;
            }
        }

        Close(current, exceptions, errors);
        curation?.Close(curations, errors);
        return new PolicyFile(path, exceptions, Bounded(errors), curations);
    }

    private static string Excerpt(string text) => Printable.Excerpt(text, MaxExcerpt);

    /// <summary>At most <see cref="MaxErrors"/> errors: a file of 100,000 bad lines must not become 100,000 build warnings.</summary>
    private static List<PolicyFileError> Bounded(List<PolicyFileError> errors)
    {
        if (errors.Count <= MaxErrors)
        {
            return errors;
        }

        var kept = errors.GetRange(0, MaxErrors - 1);
        kept.Add(new PolicyFileError(errors[MaxErrors - 1].Line, (errors.Count - kept.Count).ToString(CultureInfo.InvariantCulture) + " more lines from here on could not be understood"));
        return kept;
    }

    private static void Close(Section? section, List<PolicyException> exceptions, List<PolicyFileError> errors)
    {
        if (section is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(section.Reason))
        {
            errors.Add(new PolicyFileError(section.Line, "the exception for '" + Excerpt(section.PackageId) + "' gives no reason"));
            return;
        }

        exceptions.Add(new PolicyException(section.PackageId, section.Reason!, section.Expires, section.License, section.Line));
    }

    private sealed class Section
    {
        public Section(string packageId, int line)
        {
            PackageId = packageId;
            Line = line;
        }

        public string PackageId { get; }

        public int Line { get; }

        public string? Reason { get; set; }

        public DateTime? Expires { get; set; }

        public string? License { get; set; }
    }
}

/// <summary>A recorded decision to accept one package despite the policy.</summary>
public sealed class PolicyException
{
    public PolicyException(string packageId, string reason, DateTime? expires, string? license, int line)
    {
        PackageId = packageId;
        Reason = reason;
        Expires = expires;
        License = license;
        Line = line;
    }

    public string PackageId { get; }

    public string Reason { get; }

    public DateTime? Expires { get; }

    /// <summary>When set, the exception holds only while the package's licence is this expression.</summary>
    public string? License { get; }

    /// <summary>1-based line of the section header in the policy file.</summary>
    public int Line { get; }

    public bool IsExpired(DateTime today) => Expires is { } date && date < today.Date;
}

public sealed class PolicyFileError
{
    public PolicyFileError(int line, string message)
    {
        Line = line;
        Message = message;
    }

    public int Line { get; }

    public string Message { get; }
}
