// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Licensing;

namespace Commons.Compliance.Reuse;

/// <summary>
/// What the build hands over of a REUSE project's licensing besides each C# file's header: the REUSE.toml files that can
/// apply to the compiled files (the root one and those of their folders' ancestors), <c>.reuse/dep5</c>, and the
/// <c>.license</c> sidecars of the compiled files; read once per compilation, from the AdditionalFiles. The header rules ask it
/// which information applies to one file, by the precedence of REUSE 3.3 (<see cref="ReuseProject.InfosOf(string, ReuseInfo)"/>).
/// </summary>
public sealed class ReuseBuildLicensing
{
    public static readonly ReuseBuildLicensing None = new(null, new ReuseGlobalLicensing(Array.Empty<ReuseTomlFile>(), null),
        new Dictionary<string, ReuseInfo>(StringComparer.Ordinal), Array.Empty<ReuseBuildProblem>());

    private readonly string? root;
    private readonly Dictionary<string, ReuseInfo> sidecars;
    private readonly ReuseProject project;

    private ReuseBuildLicensing(string? root, ReuseGlobalLicensing global, Dictionary<string, ReuseInfo> sidecars, IReadOnlyList<ReuseBuildProblem> problems)
    {
        this.root = root;
        this.sidecars = sidecars;
        Problems = problems;
        project = new ReuseProject(Array.Empty<string>(), global, SpdxCatalog.Default);
    }

    /// <summary>The REUSE.toml files and dep5 that could be used, after REUSE's rules (a broken file is left out, as by the CLI).</summary>
    public ReuseGlobalLicensing Global => project.Global;

    /// <summary>Files handed over that cannot be used, and why: CMN0902.</summary>
    public IReadOnlyList<ReuseBuildProblem> Problems { get; }

    /// <summary>True when nothing but the files' own headers licenses them.</summary>
    public bool IsEmpty => Global.IsEmpty && sidecars.Count == 0;

    /// <summary>
    /// Reads the REUSE files among <paramref name="input"/>'s AdditionalFiles (kinds <see cref="RepositoryFileKind.ReuseToml"/>,
    /// <see cref="TextFileKinds.ReuseDep5"/>, <see cref="TextFileKinds.ReuseSidecar"/>) and the files the build could not hand
    /// over (<see cref="PropertyNames.UnreadableInputs"/>). Never throws: a file that cannot be used is a <see cref="Problems"/> entry.
    /// </summary>
    public static ReuseBuildLicensing Read(ComplianceInput input)
    {
        var root = input.Properties.Get(PropertyNames.RepositoryRoot);
        var problems = new List<ReuseBuildProblem>(UnreadableInputs(input.Properties.Get(PropertyNames.UnreadableInputs)));

        var reuseFiles = input.Files.Where(IsReuseFile).ToArray();
        if (root is null || reuseFiles.Length == 0)
        {
            return problems.Count == 0 ? None : new ReuseBuildLicensing(root, None.Global, new Dictionary<string, ReuseInfo>(StringComparer.Ordinal), problems);
        }

        var tomls = new List<ReuseTomlFile>();
        Dep5File? dep5 = null;
        var sidecars = new Dictionary<string, ReuseInfo>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in reuseFiles)
        {
            var relative = FolderPath.RelativeBelow(root, file.Path);
            if (relative is null || !seen.Add(relative))
            {
                continue;
            }

            if (file.Kind == TextFileKinds.ReuseSidecar)
            {
                var scanner = ReuseTagScanner.Scan(file.Text);
                sidecars[relative.Substring(0, relative.Length - ".license".Length)] = scanner.ToInfo(ReuseSource.DotLicense, relative);
            }
            else if (file.Kind == TextFileKinds.ReuseDep5)
            {
                dep5 = Dep5File.Parse(file.Text);
                if (dep5.Error is { } error)
                {
                    problems.Add(new ReuseBuildProblem(file.Path, Math.Max(1, dep5.ErrorLine), "line " + dep5.ErrorLine + ": " + error));
                }
            }
            else
            {
                var directory = relative.Length > "REUSE.toml".Length ? relative.Substring(0, relative.Length - "/REUSE.toml".Length) : "";
                var toml = ReuseTomlReader.Parse(file.Text, directory);
                if (toml.Error is { } error)
                {
                    problems.Add(new ReuseBuildProblem(file.Path, LineOf(error), error));
                }

                tomls.Add(toml);
            }
        }

        if (dep5 is not null && tomls.Count > 0)
        {
            // REUSE 3.3: the two are mutually exclusive; the REUSE Tool then reads REUSE.toml alone, and so does `commons headers`.
            problems.Add(new ReuseBuildProblem(reuseFiles.First(f => f.Kind == TextFileKinds.ReuseDep5).Path, 1,
                "REUSE.toml and .reuse/dep5 are mutually exclusive (REUSE 3.3): move its paragraphs into REUSE.toml"));
            dep5 = null;
        }

        return new ReuseBuildLicensing(root, new ReuseGlobalLicensing(tomls, dep5), sidecars, problems);
    }

    /// <summary>
    /// The information that applies to the file at <paramref name="fullPath"/>, by the precedence of REUSE 3.3, given its own header;
    /// null when REUSE has nothing to add to the header (no REUSE.toml, dep5 or sidecar applies, or the file is outside the root).
    /// <paramref name="readsOwn"/> is false when the header is not the file's information: an <c>override</c> table or a sidecar replaces it.
    /// </summary>
    public IReadOnlyList<ReuseInfo>? InfosOf(string fullPath, ReuseInfo header, out bool readsOwn)
    {
        readsOwn = true;
        if (root is null || IsEmpty || FolderPath.RelativeBelow(root, fullPath) is not { } relative)
        {
            return null;
        }

        var own = header;
        if (sidecars.TryGetValue(relative, out var sidecar))
        {
            own = sidecar;
            readsOwn = false;
        }

        var infos = project.InfosOf(relative, own);
        if (Global.Tomls.Count > 0 && Global.For(relative).Override.Count > 0)
        {
            // An override table alone applies: neither the file nor its sidecar is read.
            readsOwn = false;
        }

        return infos;
    }

    /// <summary>How a problem names its file: relative to the repository root when inside it.</summary>
    public string NameOf(string path) => root is not null && FolderPath.RelativeBelow(root, path) is { } relative ? relative : path;

    /// <summary>The build's list of files it found but could not hand over: lines of <c>path</c> TAB <c>why</c>.</summary>
    public static string EncodeUnreadable(IEnumerable<(string Path, string Problem)> files)
        => string.Join("\n", files.Select(f => f.Path.Replace('\t', ' ').Replace('\n', ' ') + "\t" + f.Problem.Replace('\t', ' ').Replace('\n', ' ')));

    private static IEnumerable<ReuseBuildProblem> UnreadableInputs(string? encoded)
    {
        if (encoded is null)
        {
            yield break;
        }

        foreach (var line in encoded.Split('\n'))
        {
            var tab = line.IndexOf('\t');
            if (tab > 0)
            {
                yield return new ReuseBuildProblem(line.Substring(0, tab), 0, line.Substring(tab + 1));
            }
        }
    }

    /// <summary>The line a TOML error names ("it is not valid TOML: line 2: …"), else 1.</summary>
    private static int LineOf(string error)
    {
        var at = error.IndexOf("line ", StringComparison.Ordinal);
        var line = 0;
        for (var i = at + "line ".Length; at >= 0 && i < error.Length && char.IsDigit(error[i]) && line < 10_000_000; i++)
        {
            line = (line * 10) + (error[i] - '0');
        }

        return Math.Max(1, line);
    }

    private static bool IsReuseFile(TextFile file)
        => file.Kind == TextFileKinds.ReuseSidecar && file.Path.EndsWith(".license", StringComparison.Ordinal)
            || file.Kind == TextFileKinds.ReuseDep5
            // RepositoryFileKind.ReuseToml also names a root 'reuse.toml.bak'; REUSE reads 'REUSE.toml' alone.
            || (file.Kind == nameof(RepositoryFileKind.ReuseToml) && FolderPath.FileName(file.Path) == "REUSE.toml");
}

/// <summary>A REUSE file the build could not use (unreadable, not TOML …): the file, a line (0 when it has no text) and why.</summary>
public sealed class ReuseBuildProblem
{
    public ReuseBuildProblem(string path, int line, string message)
    {
        Path = path;
        Line = line;
        Message = message;
    }

    public string Path { get; }

    public int Line { get; }

    public string Message { get; }
}
