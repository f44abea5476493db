// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using System.Linq;
using Commons.Inspection.Projects;

namespace Commons.Inspection.Tests.Projects;

/// <summary><see cref="ProjectDiscovery"/> on real folders: which projects a PATH stands for, for every command.</summary>
public sealed class ProjectDiscoveryTests
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\" />";

    [Fact]
    public void A_project_file_is_itself()
    {
        using var folder = new TempFolder();
        var project = folder.Write("src/A/A.fsproj", Project);

        Assert.Equal(new[] { project }, Find(project));
    }

    [Fact]
    public void A_folder_with_a_solution_is_the_solutions_projects_not_the_loose_ones()
    {
        using var folder = new TempFolder();
        var listed = folder.Write("src/A/A.csproj", Project);
        folder.Write("src/B/B.csproj", Project);
        folder.Write("Loose.csproj", Project);
        folder.Write("App.sln", Sln(("A", "src\\A\\A.csproj")));

        Assert.Equal(new[] { listed }, Find(folder.Path));
    }

    [Fact]
    public void A_folder_with_several_solutions_is_the_union_of_their_projects_distinct_and_sorted()
    {
        using var folder = new TempFolder();
        var a = folder.Write("src/A/A.csproj", Project);
        var b = folder.Write("src/B/B.vbproj", Project);
        folder.Write("src/C/C.csproj", Project);
        folder.Write("Z.sln", Sln(("B", "src\\B\\B.vbproj"), ("A", "src\\A\\A.csproj")));
        folder.Write("Y.slnx", "<Solution><Project Path=\"src/A/A.csproj\" /></Solution>");

        Assert.Equal(new[] { a, b }, Find(folder.Path));
    }

    [Fact]
    public void A_folder_with_projects_directly_in_it_is_those_projects_not_a_search()
    {
        using var folder = new TempFolder();
        var top = folder.Write("Top.csproj", Project);
        var other = folder.Write("Other.vbproj", Project);
        folder.Write("tests/Top.Tests/Top.Tests.csproj", Project);

        Assert.Equal(new[] { other, top }, Find(folder.Path));
    }

    [Fact]
    public void A_folder_without_solution_or_project_is_searched_and_the_result_sorted()
    {
        using var folder = new TempFolder();
        var b = folder.Write("src/b/B.csproj", Project);
        var a = folder.Write("src/a/deep/er/A.fsproj", Project);
        var t = folder.Write("tests/T/T.csproj", Project);
        folder.Write("src/a/readme.txt", "not a project");

        Assert.Equal(new[] { a, b, t }, Find(folder.Path));
    }

    [Fact]
    public void The_search_skips_hidden_folders()
    {
        using var folder = new TempFolder();
        var kept = folder.Write("src/A/A.csproj", Project);
        folder.Write(".packages/some.package/1.0.0/content/P.csproj", Project);
        folder.Write(".idea/I.csproj", Project);
        folder.Write(".tools/x/X.csproj", Project);
        folder.Write("src/.nuget/N/N.csproj", Project);

        Assert.Equal(new[] { kept }, Find(folder.Path));
    }

    [Fact]
    public void The_search_skips_a_global_packages_folder_by_its_nupkg_metadata_whatever_its_name()
    {
        using var folder = new TempFolder();
        var kept = folder.Write("src/A/A.csproj", Project);
        folder.Write("cache/newtonsoft.json/13.0.3/.nupkg.metadata", "{\"version\": 2}");
        folder.Write("cache/newtonsoft.json/13.0.3/samples/Sample.csproj", Project);

        Assert.Equal(new[] { kept }, Find(folder.Path));
    }

    [Fact]
    public void The_search_skips_a_packages_config_packages_folder_by_its_nupkg()
    {
        using var folder = new TempFolder();
        var kept = folder.Write("src/A/A.csproj", Project);
        folder.Write("packages/Foo.1.0.0/Foo.1.0.0.nupkg", "PK");
        folder.Write("packages/Foo.1.0.0/content/Template/Template.csproj", Project);
        folder.Write("packages/Foo.1.0.0/Foo.csproj", Project);

        Assert.Equal(new[] { kept }, Find(folder.Path));
    }

    [Fact]
    public void The_search_does_not_follow_a_symbolic_link()
    {
        using var folder = new TempFolder();
        using var elsewhere = new TempFolder();
        var kept = folder.Write("src/A/A.csproj", Project);
        var outside = elsewhere.Write("Outside/Outside.csproj", Project);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "src", "linked"), Path.GetDirectoryName(outside)!);

        Assert.True(File.Exists(Path.Combine(folder.Path, "src", "linked", "Outside.csproj")));
        Assert.Equal(new[] { kept }, Find(folder.Path));
    }

    [Fact]
    public void The_search_skips_build_output_and_node_modules()
    {
        using var folder = new TempFolder();
        var kept = folder.Write("src/A/A.csproj", Project);
        folder.Write("src/A/bin/Release/net10.0/Copy.csproj", Project);
        folder.Write("src/A/obj/Generated.csproj", Project);
        folder.Write("artifacts/obj/A/A.csproj", Project);
        folder.Write("web/node_modules/pkg/Pkg.csproj", Project);

        Assert.Equal(new[] { kept }, Find(folder.Path));
    }

    [Fact]
    public void A_sln_gives_its_msbuild_projects_only_without_solution_folders_or_other_kinds()
    {
        using var folder = new TempFolder();
        var a = folder.Write("src/A/A.csproj", Project);
        var b = folder.Write("lib/B.fsproj", Project);
        var solution = folder.Write("App.sln", Sln(
            ("src", "src"),
            ("Native", "native\\Native.vcxproj"),
            ("Site", "http://localhost:8080/Site"),
            ("B", "..\\" + Path.GetFileName(folder.Path) + "\\lib\\B.fsproj"),
            ("A", "src\\A\\A.csproj"),
            ("A again", "src/A/A.csproj")));

        Assert.Equal(new[] { b, a }.OrderBy(p => p, System.StringComparer.Ordinal), Find(solution));
    }

    [Fact]
    public void A_slnx_gives_its_msbuild_projects_inside_folders_too()
    {
        using var folder = new TempFolder();
        var a = folder.Write("src/A/A.csproj", Project);
        var t = folder.Write("tests/T/T.csproj", Project);
        var solution = folder.Write("App.slnx", """
            <Solution>
              <Folder Name="/src/">
                <Project Path="src\A\A.csproj" />
                <File Path="README.md" />
              </Folder>
              <Folder Name="/tests/">
                <Project Path="tests/T/T.csproj" />
                <Project Path="tests/Web/Web.esproj" />
              </Folder>
            </Solution>
            """);

        Assert.Equal(new[] { a, t }, Find(solution));
    }

    [Fact]
    public void An_invalid_slnx_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        folder.Write("A.csproj", Project);
        var solution = folder.Write("App.slnx", "<Solution><Project Path=\"A.csproj\"");

        var projects = ProjectDiscovery.Find(folder.Path, out var error);

        Assert.Empty(projects);
        Assert.Contains(solution + " is not a valid solution file", error);
    }

    [Fact]
    public void A_missing_path_is_an_error()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "nope");

        var projects = ProjectDiscovery.Find(missing, out var error);

        Assert.Empty(projects);
        Assert.Equal(missing + " does not exist", error);
    }

    [Fact]
    public void A_text_file_is_an_error()
    {
        using var folder = new TempFolder();
        var text = folder.Write("notes.txt", "hello");

        var projects = ProjectDiscovery.Find(text, out var error);

        Assert.Empty(projects);
        Assert.Equal(text + " is not a project, a solution or a folder", error);
    }

    [Fact]
    public void A_folder_without_any_project_is_empty_without_error()
    {
        using var folder = new TempFolder();
        folder.Write("docs/index.md", "# docs");

        Assert.Empty(ProjectDiscovery.Find(folder.Path, out var error));
        Assert.Null(error);
    }

    private static string[] Find(string path)
    {
        var projects = ProjectDiscovery.Find(path, out var error);
        Assert.Null(error);
        return projects.ToArray();
    }

    /// <summary>A Visual Studio solution listing the entries given (name, path), as the IDE writes it.</summary>
    private static string Sln(params (string Name, string Path)[] entries)
    {
        var text = new System.Text.StringBuilder("\r\nMicrosoft Visual Studio Solution File, Format Version 12.00\r\n# Visual Studio Version 17\r\n");
        var index = 0;
        foreach (var (name, path) in entries)
        {
            // A solution folder's type is 2150E333-…; a C# project's FAE04EC0-…; the kind does not change the line's shape.
            var type = path.Contains('.') ? "FAE04EC0-301F-11D3-BF4B-00C04F79EFBC" : "2150E333-8FDC-42A3-9474-1A3956D46DE8";
            text.Append("Project(\"{").Append(type).Append("}\") = \"").Append(name).Append("\", \"").Append(path)
                .Append("\", \"{00000000-0000-0000-0000-00000000000").Append(index++).Append("}\"\r\nEndProject\r\n");
        }

        text.Append("Global\r\nEndGlobal\r\n");
        return text.ToString();
    }
}
