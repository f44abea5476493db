// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;

namespace Commons.Licensing.Tests.Identification;

/// <summary>
/// Licences inside files that are not one licence text (issue 13): notices, references, tags, a text among other
/// material, the standalone LGPL-3.0, known non-SPDX licences; and the exactness guard: a text with a sentence added,
/// a clause removed or a "not" slipped in is never the original.
/// </summary>
public sealed class DetectorTests
{
    private const string GplTwoNotice =
        "This program is free software; you can redistribute it and/or modify\n"
        + "it under the terms of the GNU General Public License as published by\n"
        + "the Free Software Foundation; either version 2 of the License, or\n"
        + "(at your option) any later version.\n\n"
        + "This program is distributed in the hope that it will be useful,\n"
        + "but WITHOUT ANY WARRANTY; without even the implied warranty of\n"
        + "MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\n"
        + "GNU General Public License for more details.\n";

    private static readonly LicenseIdentifier Identifier = LicenseIdentifier.Default;

    private static string Text(string id) => SpdxCatalog.Default.GetText(id)!;

    private static int LineOf(string text, string phrase) => text.Substring(0, text.IndexOf(phrase, StringComparison.Ordinal)).Count(c => c == '\n') + 1;

    [Fact]
    public void AGnuNoticeGrantsLaterVersionsOnlyWhenItSaysSo()
    {
        Assert.Equal("GPL-2.0-or-later", Identifier.Identify("Copyright (C) 2020 Jane Doe\n\n" + GplTwoNotice).License);

        var only = "This library is free software; you can redistribute it and/or modify it under the terms of the GNU Lesser\n"
            + "General Public License version 2.1 as published by the Free Software Foundation.\n";
        Assert.Equal("LGPL-2.1-only", Identifier.Identify(only).License);
    }

    [Theory]
    [InlineData("modify it under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; only version 2.1 of the License.", "LGPL-2.1-only")]
    [InlineData("modify it under the terms of the GNU Lesser General Public License in version 2.1 as published by the Free Software Foundation.", "LGPL-2.1-only")]
    [InlineData("Permission is granted to copy, distribute and/or modify this document under the terms of the GNU Free Documentation License, Version 1.3 or any later version published by the Free Software Foundation; with no Invariant Sections.", "GFDL-1.3-or-later")]
    [InlineData("The contents of this file are subject to the Mozilla Public License Version 1.1 (the \"License\"); you may not use this file except in compliance with the License. You may obtain a copy of the License at http://www.mozilla.org/MPL/\n\nSoftware distributed under the License is distributed on an \"AS IS\" basis, WITHOUT WARRANTY OF ANY KIND, either express or implied. See the License for the specific language governing rights and limitations under the License.", "MPL-1.1")]
    [InlineData("To the extent possible under law, the author(s) have dedicated all copyright and related and neighboring rights to this software to the public domain worldwide. This software is distributed without any warranty.\n\nYou should have received a copy of the CC0 Public Domain Dedication along with this software. If not, see <http://creativecommons.org/publicdomain/zero/1.0/>.", "CC0-1.0")]
    [InlineData("To the extent possible under law, Jane Doe has waived all copyright and related or neighboring rights to Example Data.", "CC0-1.0")]
    [InlineData("Licensed under the EUPL, Version 1.2 or – as soon they will be approved by the European Commission - subsequent versions of the EUPL (the \"Licence\");\nYou may not use this work except in compliance with the Licence.\nYou may obtain a copy of the Licence at:\n\nhttps://joinup.ec.europa.eu/software/page/eupl\n\nUnless required by applicable law or agreed to in writing, software distributed under the Licence is distributed on an \"AS IS\" basis,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the Licence for the specific language governing permissions and limitations under the Licence.\n", "EUPL-1.2")]
    [InlineData("Licensed under the EUPL, Version 1.1 or - as soon they will be approved by the European Commission - subsequent versions of the EUPL (the \"Licence\"); you may not use this work except in compliance with the Licence.", "EUPL-1.1")]
    [InlineData("Licensed to the Apache Software Foundation (ASF) under one or more\ncontributor license agreements.  See the NOTICE file distributed with\nthis work for additional information regarding copyright ownership.\nThe ASF licenses this file to You under the Apache License, Version 2.0\n(the \"License\"); you may not use this file except in compliance with\nthe License.  You may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n", "Apache-2.0")]
    public void ANoticeIsTheLicenceItGrants(string notice, string expected)
        => Assert.Equal(expected, Identifier.Identify("Copyright (C) 2021 Jane Doe\n\n" + notice).License);

    /// <summary>Debian copyright paragraphs beyond the labelled corpus: the sentences around a GNU notice.</summary>
    [Theory]
    [InlineData("This program is free software; you can redistribute it and/or modify it under\nthe terms of the GNU General Public License as published by the Free Software\nFoundation; version 2 of the license, or (at your opinion) any later version.\n", "GPL-2.0-or-later")]
    [InlineData("man-db is free software; you can redistribute it and/or modify it\nunder the terms of the GNU General Public License as published by\nthe Free Software Foundation; either version 2 of the License, or\n(at your option) any later version.\n\nman-db is distributed in the hope that it will be useful, but\nWITHOUT ANY WARRANTY; without even the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU General Public License for more details.\n\nYou should have received a copy of the GNU General Public License\nalong with man-db; if not, write to the Free Software Foundation,\nInc., 51 Franklin St, Fifth Floor, Boston, MA  02110-1301  USA\n\nOn Debian and Debian-based systems, a copy of the GNU General Public\nLicense version 2 is available in /usr/share/common-licenses/GPL-2.\n", "GPL-2.0-or-later")]
    [InlineData("This program is free software; you can redistribute it and/or\nmodify it under the terms of the GNU General Public License\nas published by the Free Software Foundation; either version 3\nof the License, or (at your option) any later version.\n\nThis program is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU General Public License for more details.\n\nYou should have received a copy of the GNU General Public License\nalong with this program. If not, see <http://www.gnu.org/licenses/>.\n\nOn Debian system, copy of GNU Lesser General Public License version 3\nis also located at `/usr/share/common-licenses/GPL-3'\n", "GPL-3.0-or-later")]
    [InlineData("SPDX license expression \"GPL-2.0-or-later\":\n\nThis license identifier refers to the choice to use code under\nGPL-2.0-or-later (i.e., GPL-2.0 or some later version), as distinguished\nfrom use of code under GPL-2.0-only.\n", "GPL-2.0-or-later")]
    [InlineData("This texinfo.tex file is free software: you can redistribute it and/or\nmodify it under the terms of the GNU General Public License as\npublished by the Free Software Foundation, either version 3 of the\nLicense, or (at your option) any later version.\n\nAs a special exception, when this file is read by TeX when processing\na Texinfo source document, you may use the result without\nrestriction.\n", "GPL-3.0-or-later WITH Texinfo-exception")]
    public void TheSentencesAroundAGnuNoticeSayWhatItGrants(string text, string expected)
        => Assert.Equal(expected, Identifier.Identify(text).License);

    [Theory]
    [InlineData("under the terms of the GNU General Public License as published by the Free Software Foundation; version 2 of the license, or (at the discretion of the licensee) any later version.")]
    [InlineData("The gettext-runtime package is under the LGPL, see files intl/COPYING.LIB-2.0\nand intl/COPYING.LIB-2.1.\n\nOn Debian systems, the complete text of intl/COPYING.LIB-2.0 from\ngettext-runtime 0.12 can be found in '/usr/share/common-licenses/LGPL-2'\nand the text of intl/COPYING.LIB-2.1 can be found in\n'/usr/share/common-licenses/LGPL-2.1'.\n")]
    public void WhatAGnuNoticeLeavesUnsaidIsNotGuessed(string text)
        => Assert.Null(Identifier.Identify(text).License);

    /// <summary>
    /// A GNU licence whose terms were changed is not that licence. Made here, in memory: the GPL's own text forbids keeping a
    /// changed copy of it ("changing it is not allowed"), so the labelled corpus holds none.
    /// </summary>
    [Fact]
    public void AGplTextWithAChangedClauseIsNotTheGpl()
    {
        var gpl = Text("GPL-2.0-only");
        const string Clause = "You may charge a fee for the physical act of transferring a copy";
        Assert.Contains(Clause, gpl, StringComparison.Ordinal);

        var changed = gpl.Replace(Clause, "You may not charge any fee for the physical act of transferring a copy", StringComparison.Ordinal);

        Assert.Null(Identifier.Identify(changed).License);
        Assert.Equal("GPL-2.0-only", Identifier.Identify(gpl).License);
    }

    [Fact]
    public void ANoticeAboveTheGplTextRefinesItToOrLater()
    {
        var result = Identifier.Identify(GplTwoNotice + "\n\n" + Text("GPL-2.0-only"));
        Assert.True(result.License == "GPL-2.0-or-later", result + " / " + string.Join(", ", result.Detections));
    }

    [Fact]
    public void ALicenceTextAmongOtherMaterialIsFoundWithItsLines()
    {
        var mit = Text("MIT");
        var text = "# Example\n\nA small library that parses things. Build it with `dotnet build`; run the tests with\n`dotnet test`.\n\n"
            + "## Licence\n\n" + mit + "\n\n## Contributing\n\nPull requests are welcome. Please open an issue first to discuss what you would like to change.\n";
        var result = Identifier.Identify(text);
        Assert.True(result.License == "MIT", result.ToString());

        // From "Permission is hereby granted" (the title and the copyright line are not terms) to the end of the disclaimer.
        var detection = Assert.Single(result.Detections);
        Assert.Equal(DetectionKind.Text, detection.Kind);
        Assert.Equal(LineOf(text, "Permission is hereby granted"), detection.StartLine);
        Assert.Equal(LineOf(text, "OTHER DEALINGS IN THE SOFTWARE."), detection.EndLine);
        Assert.Contains(result.Unmatched, span => span.StartLine <= LineOf(text, "A small library") && span.EndLine < detection.StartLine);
        Assert.Contains(result.Unmatched, span => span.StartLine > detection.EndLine && span.EndLine >= LineOf(text, "Pull requests are welcome"));
    }

    [Theory]
    [InlineData("This project is licensed under the MIT License.", "MIT")]
    [InlineData("Licensed under either of Apache License, Version 2.0 or MIT license at your option.", "Apache-2.0 OR MIT")]
    [InlineData("SPDX-License-Identifier: MIT OR Apache-2.0", "MIT OR Apache-2.0")]
    [InlineData("This program is released under the GNU GPL, version 3 or later.", "GPL-3.0-or-later")]

    // Creative Commons' own spelling, as its licence chooser writes the notice.
    [InlineData("This work is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License.", "CC-BY-SA-4.0")]
    [InlineData("This work is licensed under a Creative Commons Attribution-NonCommercial 4.0 International License.", "CC-BY-NC-4.0")]
    [InlineData("Licensed under the Creative Commons Attribution-NonCommercial-NoDerivs 3.0 Unported License.", "CC-BY-NC-ND-3.0")]
    [InlineData("The documentation is licensed under Creative Commons Attribution-NoDerivatives 4.0.", "CC-BY-ND-4.0")]

    [InlineData("Content: Creative Commons BY-SA 4.0", "CC-BY-SA-4.0")]

    // Open data licences as data portals cite them.
    [InlineData("Published under the Open Database License (ODbL) v1.0", "ODbL-1.0")]
    [InlineData("This data is made available under the Public Domain Dedication and License v1.0", "PDDL-1.0")]

    // Etalab's licence, as French public bodies cite it.
    [InlineData("Licence Ouverte / Open Licence version 2.0", "etalab-2.0")]
    [InlineData("Ces données sont publiées sous la Licence Ouverte version 2.0.", "etalab-2.0")]
    public void AReferenceOrATagIsTheLicenceItNames(string text, string expected)
        => Assert.Equal(expected, Identifier.Identify(text).License);

    [Fact]
    public void TheStandaloneLgpl3IsLgpl3()
    {
        // COPYING.LESSER holds the LGPL-3.0's additional permissions only; the SPDX text also carries the GPL-3.0 after them.
        var full = Text("LGPL-3.0-only");
        var standalone = full.Substring(0, full.IndexOf("GNU GENERAL PUBLIC LICENSE", StringComparison.Ordinal));
        Assert.Equal("LGPL-3.0-only", Identifier.Identify(standalone).License);
        Assert.Equal("LGPL-3.0-only", Identifier.Identify(Text("GPL-3.0-only") + "\n\n" + standalone).License);
    }

    [Fact]
    public void AKnownNonSpdxLicenceIsItsLicenseRef()
    {
        var luckyPenny = "By accessing code under the Lucky Penny Software GitHub Organization (Lucky Penny Software) here, you are agreeing to the following licensing terms.\n\n"
            + "Your license to Lucky Penny Software source code and/or binaries is governed by the Reciprocal Public License 1.5 (RPL1.5) license as described here:\n\n"
            + "https://opensource.org/license/rpl-1-5/\n\n"
            + "If you do not wish to release the source of software you build using Lucky Penny Software source code and/or binaries under the terms above, "
            + "you may use Lucky Penny Software source code and/or binaries under the License Agreement described here:\n\n"
            + "https://luckypennysoftware.com/license\n";
        Assert.Equal("RPL-1.5 OR LicenseRef-LuckyPennySoftware-Commercial", Identifier.Identify(luckyPenny).License);
    }

    [Fact]
    public void ASentenceAddedInsideALongTextIsNotThatText()
    {
        var gpl = Text("GPL-3.0-only");
        var at = gpl.IndexOf("7. Additional Terms.", StringComparison.Ordinal);
        var text = gpl.Substring(0, at) + "Any commercial use of the Program requires a written agreement with the copyright holder and a yearly payment.\n\n" + gpl.Substring(at);
        var result = Identifier.Identify(text);
        Assert.True(result.License is null, result.ToString());
        Assert.Equal("GPL-3.0-only", result.ClosestLicense);
    }

    [Fact]
    public void AClauseRemovedFromALongTextIsNotThatText()
    {
        // Nine words of 5,600, and the GPL-3.0 no longer forbids sublicensing: 99 % similar, not the GPL-3.0.
        var gpl = Text("GPL-3.0-only");
        const string Clause = "Sublicensing is not allowed; section 10 makes it unnecessary.";
        Assert.Contains(Clause, gpl, StringComparison.Ordinal);
        var result = Identifier.Identify(gpl.Replace(Clause, string.Empty, StringComparison.Ordinal));
        Assert.True(result.License is null, result.ToString());
        Assert.Equal("GPL-3.0-only", result.ClosestLicense);
    }

    [Theory]
    [InlineData("The Software may not be used by any organisation whose name begins with the letter Q, nor for any purpose on a Tuesday.")]
    [InlineData("This software cannot be used in nuclear facilities.")]
    public void ARestrictionAfterATextIsNotThatText(string restriction)
        => Assert.Null(Identifier.Identify(Text("MIT") + "\n\n" + restriction + "\n").License);

    [Fact]
    public void ANotSlippedIntoATextIsNotThatText()
    {
        var mit = Text("MIT");
        var changed = mit.Replace("Permission is hereby granted", "Permission is not hereby granted", StringComparison.Ordinal);
        Assert.NotEqual(mit, changed);
        Assert.Null(Identifier.Identify(changed).License);
    }

    [Fact]
    public void WordsWhereTheTemplateHasAFieldAreAName_ElsewhereTheyAreAChange()
    {
        // NCSA's fields: "Developed by: <Name of Development Group> <Name of Institution> <URL …>" and "Neither the names of <…>".
        var ncsa = Text("NCSA");
        var named = ncsa
            .Replace("<Name of Development Group> <Name of Institution> <URL for Development Group/Institution>", "LLVM Team, University of Illinois at Urbana-Champaign, http://llvm.org", StringComparison.Ordinal)
            .Replace("<Name of Development Group, Name of Institution>", "LLVM Team, University of Illinois at Urbana-Champaign", StringComparison.Ordinal);
        Assert.NotEqual(ncsa, named);
        Assert.Equal("NCSA", Identifier.Identify(named).License);

        // The same eight words, put in the warranty disclaimer instead: not a name any more.
        var moved = ncsa.Replace("THE SOFTWARE IS PROVIDED \"AS IS\"", "THE SOFTWARE IS PROVIDED BY LLVM TEAM UNIVERSITY OF ILLINOIS AT URBANA CHAMPAIGN \"AS IS\"", StringComparison.Ordinal);
        Assert.NotEqual(ncsa, moved);
        Assert.Null(Identifier.Identify(moved).License);
    }

    [Theory]
    [InlineData("The names of Example, Inc., the Example Consortium, or the names of any consortium members, or of any contributors, may not be used", "BSD-3-Clause")]
    [InlineData("The name Jane Doe may not be used", "BSD-3-Clause")]
    [InlineData("The names of Example, Inc. may be used", null)]
    public void BsdClauseThreeInWordingsTheTemplateLacksIsStillBsd3Clause(string clause, string? expected)
    {
        // Real files (CMake's, d3's rw) word the non-endorsement clause so; one that permits is no such clause.
        var bsd = Text("BSD-3-Clause");
        var variant = bsd.Replace("Neither the name of the copyright holder nor the names of its contributors may be used", clause, StringComparison.Ordinal);
        Assert.NotEqual(bsd, variant);
        Assert.Equal(expected, Identifier.Identify(variant).License);
    }

    [Fact]
    public void TheSpdxTemplatesAlternativesAreTheLicence_AnythingElseIsNot()
    {
        // SPDX's BSD-3-Clause template lets clause 3 read "The name of … may not be used" (4.4BSD's wording) and any
        // name stand for "THE COPYRIGHT HOLDERS AND CONTRIBUTORS"; a clause that permits instead is no alternative.
        var bsd = Text("BSD-3-Clause");
        var author = bsd.Replace("Neither the name of the copyright holder nor the names of its contributors may be used", "The name of the author may not be used", StringComparison.Ordinal)
            .Replace("BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS", "BY THE AUTHOR", StringComparison.Ordinal)
            .Replace("THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE", "THE AUTHOR BE LIABLE", StringComparison.Ordinal);
        Assert.NotEqual(bsd, author);
        Assert.Equal("BSD-3-Clause", Identifier.Identify(author).License);

        var permits = bsd.Replace("Neither the name of the copyright holder nor the names of its contributors may be used", "The name of the author may be used", StringComparison.Ordinal);
        Assert.NotEqual(bsd, permits);
        Assert.Null(Identifier.Identify(permits).License);

        // MIT's "THE AUTHORS OR COPYRIGHT HOLDERS" is any name.
        var mit = Text("MIT").Replace("THE AUTHORS OR COPYRIGHT HOLDERS", "TUNGSTEN GRAPHICS AND/OR ITS SUPPLIERS", StringComparison.Ordinal);
        Assert.Equal("MIT", Identifier.Identify(mit).License);
    }

    [Fact]
    public void TextTheSpdxTemplateMarksOptionalMayBeMissing()
    {
        // CC0-1.0 opens with "CREATIVE COMMONS CORPORATION IS NOT A LAW FIRM …" (80 words), which many copies leave out.
        var cc0 = Text("CC0-1.0");
        var purpose = cc0.IndexOf("Statement of Purpose", StringComparison.Ordinal);
        Assert.True(purpose > 300);
        Assert.Equal("CC0-1.0", Identifier.Identify("CC0 1.0 Universal\n\n" + cc0.Substring(purpose)).License);

        // The same number of words cut from its body is a removed clause.
        var waiver = cc0.IndexOf("2. Waiver.", StringComparison.Ordinal);
        Assert.Null(Identifier.Identify(cc0.Substring(0, waiver) + cc0.Substring(waiver + 500)).License);
    }

    [Fact]
    public void TheAuthorsRemarksBesideAShortTextAreNotTerms()
    {
        var zlib = Text("Zlib") + "\n\nJean-loup Gailly        Mark Adler\njloup@gzip.org          madler@alumni.caltech.edu\n\n"
            + "If you use the zlib library in a product, we would appreciate *not* receiving lengthy legal documents to sign. The sources are\n"
            + "provided for free but without warranty of any kind.  The library has been entirely written by Jean-loup Gailly and Mark Adler;\n"
            + "it does not include third-party code.\n\nIf you redistribute modified sources, we would appreciate that you include in the file\n"
            + "ChangeLog history information documenting your changes. Please read the FAQ for more information on the distribution of\n"
            + "modified source versions.\n";
        Assert.Equal("Zlib", Identifier.Identify(zlib).License);
    }

    [Fact]
    public void APointerToDebiansCopyNamesTheVersionOfALicenceTheFileNamesWithoutOne()
    {
        var text = "The audit daemon's library libaudit.* is released under LGPL\nso that it may be linked with 3rd party software.\n\n"
            + "On Debian systems, refer to /usr/share/common-licenses/LGPL-2.1\nfor the complete text of the GNU Lesser General Public License.\n";
        Assert.Equal("LGPL-2.1-only", Identifier.Identify(text).License);

        // "version 2 or later" is a choice the pointer's file name does not tell.
        Assert.Null(Identifier.Identify(text.Replace("released under LGPL", "released under LGPL version 2 or later", StringComparison.Ordinal)).License);
    }

    [Fact]
    public void ALicenceNamedInsideALicencesOwnTextIsNotASecondLicence()
    {
        // Community-Spec-1.0 ends with its own licence line, "SPDX-License-Identifier: CC-BY-4.0"; re-wrapped, it is no exact copy.
        var rewrapped = TextVariants.Rewrap(Text("Community-Spec-1.0"), 60);
        Assert.Equal("Community-Spec-1.0", Identifier.Identify(rewrapped).License);
    }
}
