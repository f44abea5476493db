// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using System.Text;

namespace Commons.Licensing.Tests.Identification;

/// <summary>
/// Licence texts as others publish them: choosealicense.com's templates (placeholders where the SPDX template has an
/// alternative, a shorter title), texts rewrapped at another column (in Chinese too), the FSF's permissive notices with
/// another grantor, and Microsoft's .NET Library terms that old Microsoft packages ship.
/// </summary>
public sealed class PublishedCopyTests
{
    private static readonly LicenseIdentifier Identifier = LicenseIdentifier.Default;

    // choosealicense.com's PostgreSQL template: its own title, and "[fullname]" where SPDX's template has the alternative
    // "THE UNIVERSITY OF CALIFORNIA" (three times) and an optional "PostgreSQL Database Management System" title.
    private const string PostgreSqlTemplate = """
        PostgreSQL License

        Copyright (c) [year], [fullname]

        Permission to use, copy, modify, and distribute this software and its
        documentation for any purpose, without fee, and without a written agreement is
        hereby granted, provided that the above copyright notice and this paragraph
        and the following two paragraphs appear in all copies.

        IN NO EVENT SHALL [fullname] BE LIABLE TO ANY PARTY FOR DIRECT, INDIRECT,
        SPECIAL, INCIDENTAL, OR CONSEQUENTIAL DAMAGES, INCLUDING LOST PROFITS, ARISING
        OUT OF THE USE OF THIS SOFTWARE AND ITS DOCUMENTATION, EVEN IF [fullname]
        HAS BEEN ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

        [fullname] SPECIFICALLY DISCLAIMS ANY WARRANTIES, INCLUDING, BUT NOT
        LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A
        PARTICULAR PURPOSE. THE SOFTWARE PROVIDED HEREUNDER IS ON AN "AS IS" BASIS,
        AND [fullname] HAS NO OBLIGATIONS TO PROVIDE MAINTENANCE, SUPPORT, UPDATES,
        ENHANCEMENTS, OR MODIFICATIONS.
        """;

    [Theory]
    [InlineData("[fullname]")]
    [InlineData("Jane Doe")]
    [InlineData("The Npgsql Development Team")]
    public void ThePostgreSqlTemplateFilledOrNotIsPostgreSql(string holder)
    {
        var text = PostgreSqlTemplate.Replace("[fullname]", holder).Replace("[year]", "2024");
        Assert.Equal("PostgreSQL", Identifier.Identify(text).License);
    }

    [Fact]
    public void ThePostgreSqlTemplateWithAnAddedConditionIsNot()
    {
        var text = PostgreSqlTemplate.Replace("appear in all copies.", "appear in all copies, and that the software is not used by any government.");
        Assert.NotEqual("PostgreSQL", Identifier.Identify(text).License);
    }

    [Fact]
    public void AChineseTextRewrappedAtAnotherColumnIsItsLicence()
    {
        // MulanPSL-2.0 as choosealicense.com publishes it: the Chinese paragraphs broken every 50 characters.
        var spdx = SpdxCatalog.Default.GetText("MulanPSL-2.0")!;
        var rewrapped = string.Join("\n", spdx.Split('\n').Select(line => line.Any(c => c >= '\u4E00' && c <= '\u9FFF') && line.Length > 50
            ? string.Join("\n", Enumerable.Range(0, (line.Length + 49) / 50).Select(k => line.Substring(k * 50, Math.Min(50, line.Length - (k * 50)))))
            : line));
        Assert.NotEqual(spdx, rewrapped);
        Assert.Equal("MulanPSL-2.0", Identifier.Identify(rewrapped).License);
    }

    [Theory]
    [InlineData("the author(s)")]
    [InlineData("Red Hat, Inc.")]
    [InlineData("the Free Software Foundation")]
    public void TheFsfUnlimitedLicenceWithAnotherGrantorIsFsfullr(string grantor)
    {
        // glib and gnulib files: FSFULLR's grant with the file's own authors as grantor.
        var text = "This file is free software; " + grantor + " gives unlimited\npermission to copy and/or distribute it, with or without\nmodifications, as long as this notice is preserved.\n";
        Assert.Equal("FSFULLR", Identifier.Identify(text).License);
        Assert.Null(Identifier.Identify(text.Replace("as long as this notice", "for non-commercial purposes only, as long as this notice")).License);
    }

    private const string DotNetLibraryHead = """
        MICROSOFT SOFTWARE LICENSE TERMS

        MICROSOFT .NET LIBRARY

        These license terms are an agreement between Microsoft Corporation (or based on where you live, one of its affiliates) and you. Please read them. They apply to the software named above, which includes the media on which you received it, if any.

        BY USING THE SOFTWARE, YOU ACCEPT THESE TERMS. IF YOU DO NOT ACCEPT THEM, DO NOT USE THE SOFTWARE.

        1. INSTALLATION AND USE RIGHTS.
        a. Installation and Use. You may install and use any number of copies of the software to design, develop and test your programs.
        """;

    [Fact]
    public void MicrosoftsDotNetLibraryTermsAreNamedAndNotOpen()
    {
        // dotnet_library_license.txt of System.* 4.x packages, License-Stable.rtf of Microsoft.Diagnostics.Runtime.
        var result = Identifier.Identify(DotNetLibraryHead);
        Assert.Equal("LicenseRef-Microsoft-DotNet-Library", result.License);
        Assert.False(LicenseKnowledge.Get("LicenseRef-Microsoft-DotNet-Library").IsOpen);
        Assert.True(LicenseKnowledge.Get("LicenseRef-Microsoft-DotNet-Library").IsKnown);
    }

    [Fact]
    public void AnotherMicrosoftLicenceIsNotTakenForTheDotNetLibraryTerms()
    {
        // Microsoft.CodeAnalysis.Analyzers 3.0.0's EULA.rtf: pre-release terms of another product, same opening sentence.
        var preRelease = DotNetLibraryHead.Replace("MICROSOFT SOFTWARE LICENSE TERMS", "MICROSOFT PRE-RELEASE SOFTWARE LICENSE TERMS")
            .Replace("MICROSOFT .NET LIBRARY", "MICROSOFT CODE ANALYSIS 2017");
        Assert.Null(Identifier.Identify(preRelease).License);
    }

    private const string LlvmException = "---- LLVM Exceptions to the Apache 2.0 License ----\n\n"
        + "As an exception, if, as a result of your compiling your source code, portions of this Software are embedded into an Object form of such source code, you may redistribute such embedded portions in such Object form without complying with the conditions of Sections 4(a), 4(b) and 4(d) of the License.\n\n"
        + "In addition, if you combine or link compiled forms of this Software with software that is licensed under the GPLv2 (\"Combined Software\") and if a court of competent jurisdiction determines that the patent provision (Section 3), the indemnity provision (Section 9) or other Section of the License conflicts with the conditions of the GPLv2, you may retroactively and prospectively choose to deem waived or otherwise exclude such Section(s) of the License, but only in their entirety and only with respect to the Combined Software.\n";

    /// <summary>
    /// REUSE folders hold custom licences (<c>LICENSES/LicenseRef-KDE-Accepted-LGPL.txt</c>, KDE) and exception texts
    /// (<c>LICENSES/Qt-LGPL-exception-1.1.txt</c>): their names are their ids, where the text says nothing against it.
    /// </summary>
    [Fact]
    public void AReuseFolderNamesCustomLicencesAndExceptionTexts()
    {
        var custom = Identifier.Identify(Encoding.UTF8.GetBytes("Example Corp. grants you the right to read this code, and no other right.\n"));
        Assert.Null(custom.License);
        Assert.Equal("LicenseRef-Example-Terms", custom.NamedByFile("repo/LICENSES/LicenseRef-Example-Terms.txt").License);
        Assert.Null(custom.NamedByFile("repo/LicenseRef-Example-Terms.txt").License);
        Assert.Null(custom.NamedByFile("repo/LICENSES/Example-Terms.txt").License);
        Assert.Null(Identifier.Identify(Array.Empty<byte>()).NamedByFile("repo/LICENSES/LicenseRef-Empty.txt").License);

        // A known text keeps its id whatever the name.
        Assert.Equal("MIT", Identifier.Identify(Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("MIT")!)).NamedByFile("repo/LICENSES/LicenseRef-MIT-Example.txt").License);

        var classpath = SpdxCatalog.Default.GetText("GPL-2.0-with-classpath-exception")!.Replace("insert GPL v2 license text here", string.Empty, StringComparison.Ordinal);
        // The whole file is SPDX's deprecated GPL-2.0-with-classpath-exception text, which holds the exception only.
        var exception = Identifier.Identify(Encoding.UTF8.GetBytes(classpath));
        Assert.Equal("GPL-2.0-only WITH Classpath-exception-2.0", exception.License);
        Assert.Equal("Classpath-exception-2.0", exception.NamedByFile("repo/LICENSES/Classpath-exception-2.0.txt", exceptionAlone: true).License);
        Assert.Equal("GPL-2.0-only WITH Classpath-exception-2.0", exception.NamedByFile("repo/LICENSES/Classpath-exception-2.0.txt").License);
        Assert.Equal("GPL-2.0-only WITH Classpath-exception-2.0", exception.NamedByFile("repo/LICENSES/LLVM-exception.txt", exceptionAlone: true).License);

        // An exception the detector finds alone (its sentences, not a catalogue text): the LLVM exception.
        var llvm = Identifier.Identify(Encoding.UTF8.GetBytes(LlvmException));
        Assert.Null(llvm.License);
        Assert.Equal("LLVM-exception", llvm.NamedByFile("repo/LICENSES/LLVM-exception.txt", exceptionAlone: true).License);
        Assert.Null(llvm.NamedByFile("repo/LICENSES/LLVM-exception.txt").License);
        Assert.Null(llvm.NamedByFile("repo/LICENSES/Classpath-exception-2.0.txt", exceptionAlone: true).License);
    }

    [Fact]
    public void AReuseFileNameChoosesAmongTwinsOnly()
    {
        var gpl = Identifier.Identify(Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("GPL-3.0-or-later")!));
        Assert.Equal("GPL-3.0-only", gpl.License);
        Assert.Equal("GPL-3.0-or-later", gpl.NamedAs("GPL-3.0-or-later").License);
        Assert.Contains("GPL-3.0-only", gpl.NamedAs("GPL-3.0-or-later").EquivalentLicenses);

        // A name the text does not read as is not taken: the text decides, the name only chooses among its twins.
        Assert.Equal("GPL-3.0-only", gpl.NamedAs("MIT").License);
        Assert.Equal("GPL-3.0-only", gpl.NamedAs("LGPL-3.0-or-later").License);

        // The file's name decides, with or without an extension (REUSE allows both; the version holds a dot).
        Assert.Equal("GPL-3.0-or-later", gpl.NamedByFile("LICENSES/GPL-3.0-or-later.txt").License);
        Assert.Equal("GPL-3.0-or-later", gpl.NamedByFile("LICENSES/GPL-3.0-or-later").License);
        Assert.Equal("GPL-3.0-only", gpl.NamedByFile("COPYING").License);

        // Nor a deprecated id, which says neither "only" nor "or later".
        Assert.Contains("GPL-3.0", gpl.EquivalentLicenses);
        Assert.Equal("GPL-3.0-only", gpl.NamedAs("GPL-3.0").License);
    }
}
