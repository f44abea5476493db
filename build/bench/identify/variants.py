#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
"""Writes the hand-made variants of the labelled corpus (issue 13's categories) from the SPDX texts of the catalogue
and Debian's common licences:    build/bench/identify/variants.py OUT_DIR
Each file's label is what it was made to be; 'must-refuse' files are modified or non-licence texts (NOASSERTION)."""
import gzip
import os
import sys
import textwrap

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
texts = {}
with gzip.open(os.path.join(here, "../../../src/Commons.Licensing/Catalog/Data/texts.tsv.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        key, _, value = line.rstrip("\n").partition("\t")
        texts[key] = value.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
common = lambda name: open("/usr/share/common-licenses/" + name, encoding="utf-8").read()
rows = []


def write(category, name, text, expected, encoding="utf-8"):
    folder = os.path.join(out, "variants", category)
    os.makedirs(folder, exist_ok=True)
    data = text.encode(encoding) if isinstance(text, str) else text
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)
    rows.append(("variants/" + category + "/" + name, "variant-" + category, expected))


def mit(holder="2021 Jane Doe"):
    return texts["MIT"].replace("<year> <copyright holders>", holder)


def wrap(text, width):
    return "\n\n".join(textwrap.fill(" ".join(p.split()), width) for p in text.split("\n\n") if p.strip()) + "\n"


apache = common("Apache-2.0")
gpl2, gpl3, lgpl3, lgpl21 = common("GPL-2"), common("GPL-3"), common("LGPL-3"), common("LGPL-2.1")

# 1. The standalone LGPL-3.0 (the additional permissions without the GPL text), as projects ship it.
write("lgpl3-standalone", "COPYING.LESSER", lgpl3, "LGPL-3.0-only")
write("lgpl3-standalone", "lgpl-3.0.md", "# GNU Lesser General Public License\n\n" + wrap(lgpl3, 100), "LGPL-3.0-only")
write("lgpl3-standalone", "COPYING-with-LESSER", gpl3 + "\n\n" + lgpl3, "LGPL-3.0-only")
write("lgpl3-standalone", "lgpl-3.0-crlf.txt", lgpl3.replace("\n", "\r\n"), "LGPL-3.0-only")

# 2. A standard text inside other material.
write("embedded", "LICENSE.md", "# License\n\nThis project is licensed under the terms below.\n\nCopyright (c) 2019 Alice Example\nCopyright (c) 2020-2024 The Example Authors\n\n"
      + texts["MIT"].replace("Copyright (c) <year> <copyright holders>\n\n", "") + "\n\nPortions of this software are derived from the Widget project.\n\nFor questions about licensing, contact legal@example.org.\n", "MIT")
write("embedded", "LICENSE-apache.md", "## Licence\n\nExample.Lib is distributed under the Apache License, Version 2.0, whose text follows.\n\n" + apache, "Apache-2.0")
write("embedded", "LICENSE.txt", "Copyright 2011-2024 Example Foundation and contributors.\nAll rights reserved.\n\n" + texts["BSD-3-Clause"].replace("Copyright (c) <year> <owner>.", "") + "\nContact: opensource@example.org\n", "BSD-3-Clause")
write("embedded", "LICENSE-isc", "ISC License\n\nCopyright (c) 2016, Bob Example <bob@example.org>\n\n" + texts["ISC"].split("\n\n", 1)[1] + "\n\n---\nThe logo in docs/ is not covered by this licence.\n", "ISC")

# 3. Several licences in one file.
write("several", "THIRD-PARTY", "Third-party software included in this package\n\n== Widget (MIT) ==\n\n" + mit("2018 Widget Authors") + "\n\n== Gadget (Apache-2.0) ==\n\n" + apache, "MIT AND Apache-2.0")
write("several", "LICENSE-dual", "This software is dual-licensed: you may use it under either licence below, at your option.\n\n------------------------------------------------------------\n\n"
      + mit() + "\n\n------------------------------------------------------------\n\n" + apache, "MIT OR Apache-2.0")
classpath = ("\"CLASSPATH\" EXCEPTION TO THE GPL\n\nCertain source files distributed by Example are subject to the following clarification and special exception to the GPL, but only where Example has expressly included in the particular source file's header the words \"Example designates this particular file as subject to the \"Classpath\" exception as provided by Example in the LICENSE file that accompanied this code.\"\n\n"
             "    Linking this library statically or dynamically with other modules is making a combined work based on this library.  Thus, the terms and conditions of the GNU General Public License cover the whole combination.\n\n"
             "    As a special exception, the copyright holders of this library give you permission to link this library with independent modules to produce an executable, regardless of the license terms of these independent modules, and to copy and distribute the resulting executable under terms of your choice, provided that you also meet, for each linked independent module, the terms and conditions of the license of that module.  An independent module is a module which is not derived from or based on this library.  If you modify this library, you may extend this exception to your version of the library, but you are not obligated to do so.  If you do not wish to do so, delete this exception statement from your version.\n")
write("several", "LICENSE-classpath", gpl2 + "\n\n" + classpath, "GPL-2.0-only WITH Classpath-exception-2.0")
gcc = ("GCC RUNTIME LIBRARY EXCEPTION\n\nVersion 3.1, 31 March 2009\n\nThis GCC Runtime Library Exception (\"Exception\") is an additional permission under section 7 of the GNU General Public License, version 3 (\"GPLv3\"). It applies to a given file (the \"Runtime Library\") that bears a notice placed by the copyright holder of the file stating that the file is governed by GPLv3 along with this Exception.\n\n"
       "When you use GCC to compile a program, GCC may combine portions of certain GCC header files and runtime libraries with the compiled program. The purpose of this Exception is to allow compilation of non-GPL (including proprietary) programs to use, in this way, the header files and runtime libraries covered by this Exception.\n")
write("several", "COPYING.RUNTIME", gpl3 + "\n\n" + gcc, "GPL-3.0-only WITH GCC-exception-3.1")
write("several", "LICENSE-mit-bsd", mit("2015 Example") + "\n\n*****\n\nsrc/vendor/parser is distributed under this licence:\n\n" + texts["BSD-2-Clause"].replace("<year> <owner>", "2009 Parser Authors"), "MIT AND BSD-2-Clause")

# 4. Templates: front matter, unfilled placeholders, re-wrapped and Markdown-formatted texts.
front = "---\ntitle: MIT License\nspdx-id: MIT\nfeatured: true\nhidden: false\n\ndescription: A short and simple permissive license.\n\nhow: Create a text file (typically named LICENSE or LICENSE.txt) in the root of your source code and copy the text of the license into the file. Replace [year] with the current year and [fullname] with the name (or names) of the copyright holders.\n\nusing:\n  Babel: https://github.com/babel/babel/blob/master/LICENSE\n\npermissions:\n  - commercial-use\n  - modifications\n\nconditions:\n  - include-copyright\n\nlimitations:\n  - liability\n  - warranty\n\n---\n\n"
write("templates", "mit.txt", front + "MIT License\n\n" + texts["MIT"].replace("<year> <copyright holders>", "[year] [fullname]"), "MIT")
write("templates", "apache-2.0.txt", front.replace("MIT License", "Apache License 2.0").replace("spdx-id: MIT", "spdx-id: Apache-2.0") + apache, "Apache-2.0")
write("templates", "LICENSE.toml-front", "+++\ntitle = \"BSD 3-Clause\"\nspdx = \"BSD-3-Clause\"\n+++\n\n" + texts["BSD-3-Clause"], "BSD-3-Clause")
write("templates", "mit-rewrapped.txt", wrap(mit(), 60), "MIT")
write("templates", "apache-rewrapped.txt", wrap(apache, 120), "Apache-2.0")
write("templates", "bsd-2.md", "# BSD 2-Clause License\n\n**Copyright (c) <year>, <copyright holders>**\n\n" + texts["BSD-2-Clause"].split("\n\n", 1)[1].replace("1. ", "1. **").replace("2. ", "2. **"), "BSD-2-Clause")
write("templates", "isc-placeholder.txt", "ISC License\n\nCopyright (c) <year> <copyright holders>\n\n" + texts["ISC"].split("\n\n", 1)[1], "ISC")

# 5. Notices and references instead of texts.
write("notices", "NOTICE-apache", "Copyright 2024 Example Inc.\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file except in compliance with the License.\nYou may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an \"AS IS\" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n", "Apache-2.0")
gnu = lambda lib, kind, version, later: (f"Copyright (C) 2012 Example Authors\n\nThis {lib} is free software: you can redistribute it and/or modify\nit under the terms of the GNU {kind}General Public License as published by\nthe Free Software Foundation, {'either ' if later else ''}version {version} of the License{', or' if later else '.'}\n" + ("(at your option) any later version.\n" if later else "")
    + f"\nThis {lib} is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\nMERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU {kind}General Public License for more details.\n\nYou should have received a copy of the GNU {kind}General Public License\nalong with this {lib}.  If not, see <https://www.gnu.org/licenses/>.\n")
write("notices", "gpl-2-or-later", gnu("program", "", "2", True), "GPL-2.0-or-later")
write("notices", "gpl-3-only", gnu("program", "", "3", False), "GPL-3.0-only")
write("notices", "gpl-3-or-later", gnu("program", "", "3", True), "GPL-3.0-or-later")
write("notices", "lgpl-2.1-or-later", gnu("library", "Lesser ", "2.1", True), "LGPL-2.1-or-later")
write("notices", "lgpl-3-or-later", gnu("library", "Lesser ", "3", True), "LGPL-3.0-or-later")
write("notices", "agpl-3-or-later", gnu("program", "Affero ", "3", True), "AGPL-3.0-or-later")
write("notices", "mpl-2.0-header", "This Source Code Form is subject to the terms of the Mozilla Public\nLicense, v. 2.0. If a copy of the MPL was not distributed with this\nfile, You can obtain one at https://mozilla.org/MPL/2.0/.\n", "MPL-2.0")
write("notices", "LICENSE-spdx-tag", "SPDX-License-Identifier: MIT OR Apache-2.0\n", "MIT OR Apache-2.0")
write("notices", "COPYING-spdx", "# SPDX-FileCopyrightText: 2023 Example\n# SPDX-License-Identifier: GPL-3.0-or-later\n", "GPL-3.0-or-later")
write("notices", "LICENSE-rust", "Licensed under either of\n\n * Apache License, Version 2.0\n   ([LICENSE-APACHE](LICENSE-APACHE) or http://www.apache.org/licenses/LICENSE-2.0)\n * MIT license\n   ([LICENSE-MIT](LICENSE-MIT) or http://opensource.org/licenses/MIT)\n\nat your option.\n", "Apache-2.0 OR MIT")
write("notices", "LICENSE-short", "This project is licensed under the MIT License - see the LICENSE.md file for details.\n", "MIT")
write("notices", "LICENSE-gplv3-name", "Example is released under the GNU General Public License version 3 or later.\n", "GPL-3.0-or-later")

# 6. Creative Commons legal code with a project header; less common SPDX licences.
write("cc-and-rare", "LICENSE-docs", "The documentation in this repository is licensed under the Creative Commons Attribution 4.0 International licence, whose legal code follows.\n\n" + texts["CC-BY-4.0"], "CC-BY-4.0")
write("cc-and-rare", "cc-by-sa-4.0.md", "# Attribution-ShareAlike 4.0 International\n\n" + texts["CC-BY-SA-4.0"], "CC-BY-SA-4.0")
write("cc-and-rare", "NCSA.txt", texts["NCSA"].replace("<Name of Development Group, Name of Institution>", "LLVM Team, University of Illinois").replace("<Name of Development Group>", "LLVM Team").replace("<Name of Institution>", "University of Illinois").replace("<URL for Development Group/Institution>", "http://llvm.org"), "NCSA")
for rare in ("Zlib", "BSL-1.0", "PostgreSQL", "EUPL-1.2", "OFL-1.1", "CECILL-2.1", "MPL-2.0", "EPL-2.0", "Unlicense", "CC0-1.0", "MS-PL", "0BSD"):
    write("cc-and-rare", rare + ".txt", texts[rare], rare)

# 7. Files beside the licence that are notices or combining statements.
write("not-texts", "COPYRIGHT", "Copyright 2015-2024 The Example Project Developers\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\nyou may not use this file except in compliance with the License.\nYou may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software\ndistributed under the License is distributed on an \"AS IS\" BASIS,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the License for the specific language governing permissions and\nlimitations under the License.\n", "Apache-2.0")
write("not-texts", "LICENSE-combining", "This package, the Example client library, is dual-licensed under\nthe Apache License v2 and the Mozilla Public License v2.0.\n\nFor the Apache License, please see the file LICENSE-APACHE2.\n\nFor the Mozilla Public License, please see the file LICENSE-MPL.\n\nIf you have any questions regarding licensing, please contact us at\nlegal@example.org.\n", "Apache-2.0 OR MPL-2.0")
write("not-texts", "LICENSE-see", "Example is dual-licensed under the MIT license and the Apache License 2.0.\nSee LICENSE-MIT and LICENSE-APACHE for the texts.\n", "MIT OR Apache-2.0")

# 8. Other names and encodings.
for enc, name, bom in (("utf-16-le", "LICENSE.utf16le-bom", b"\xff\xfe"), ("utf-16-be", "LICENSE.utf16be-bom", b"\xfe\xff"), ("utf-16-le", "LICENSE.utf16le", b""),
                       ("utf-16-be", "LICENSE.utf16be", b""), ("utf-32-le", "LICENSE.utf32le-bom", b"\xff\xfe\x00\x00"), ("utf-32-be", "LICENSE.utf32be", b""),
                       ("utf-32-le", "LICENSE.utf32le", b"")):
    write("names-encodings", name, bom + mit().encode(enc), "MIT")
write("names-encodings", "Apache.utf16le", b"\xff\xfe" + apache.encode("utf-16-le"), "Apache-2.0")
write("names-encodings", "gnu-agpl-v3.0.md", "# GNU Affero General Public License v3.0\n\n" + texts["AGPL-3.0-only"], "AGPL-3.0-only")
write("names-encodings", "LICENSE-MPL-Example", texts["MPL-2.0"], "MPL-2.0")
write("names-encodings", "COPYING.LIB", lgpl21, "LGPL-2.1-only")

# 9. Known licences outside SPDX (short excerpts: title and the sentences that identify them) and source-available SPDX ids.
write("non-spdx", "LICENSE-luckypenny.md", "By accessing code under the Lucky Penny Software GitHub Organization (Lucky Penny Software) here, you are agreeing to the following licensing terms.\n\nYour license to Lucky Penny Software source code and/or binaries is governed by the Reciprocal Public License 1.5 (RPL1.5) license as described here:\n\nhttps://opensource.org/license/rpl-1-5/\n\nIf you do not wish to release the source of software you build using Lucky Penny Software source code and/or binaries under the terms above, you may use Lucky Penny Software source code and/or binaries under the License Agreement described here:\n\nhttps://luckypennysoftware.com/license\n", "RPL-1.5 OR LicenseRef-LuckyPennySoftware-Commercial")
write("non-spdx", "LICENSE-sixlabors", "Six Labors Split License\nVersion 1.0, June 2022\nCopyright (c) Six Labors\n\n2. License\n\n   Works in Source or Object form are split licensed and may be licensed under the Apache License, Version 2.0 or a\n   Six Labors Commercial Use License.\n", "LicenseRef-SixLabors-Split-1.0")
write("non-spdx", "LICENSE-sonar.txt", "SONAR Source-Available License v1.0\nLast Updated November 13, 2024\n\n1. DEFINITIONS\n\n\"Agreement\" means this Sonar Source-Available License v1.0\n\n\"Competing\" means marketing a product or service as a substitute for the\nfunctionality or value of SonarQube.\n", "LicenseRef-Sonar-Source-Available-1.0")
write("non-spdx", "LICENSE-xceed", "XCEED SOFTWARE INC.\n\nCOMMUNITY LICENSE AGREEMENT\n\nFLUENT ASSERTIONS\n\n(for Non-Commercial Use)\n\nGENERAL\n\nThis Community License Agreement (the \"Agreement\") is a legal agreement between you (\"Licensee\") and Xceed Software Inc. (\"Xceed\"), whereby Licensee wishes to use Fluent Assertions (the \"Software\"), an Xceed product, for Non-Commercial Use purposes.\n", "LicenseRef-Xceed-Community-FluentAssertions")
write("non-spdx", "header-sixlabors.txt", "// Copyright (c) Six Labors.\n// Licensed under the Six Labors Split License.\n", "LicenseRef-SixLabors-Split-1.0")
write("non-spdx", "LICENSE-questpdf-2023.md", "# QuestPDF License\n\n## License Selection Guide\n\nThe licensing options for QuestPDF include the MIT license (which is free), and two tiers of paid licenses: the Professional License and the Enterprise License.\n\n### Small Businesses\n\nFor companies generating less than $1M USD in annual gross revenue, you can use QuestPDF under the MIT license for free.\n\n## QuestPDF Community MIT License\n", "LicenseRef-QuestPDF-Community-MIT")
write("non-spdx", "LICENSE-questpdf-2026.md", "# QuestPDF Licensing\n\nQuestPDF is dual-licensed.\nThis document contains the License Selection Guide, the Community License, and the Professional / Enterprise License.\n\n## QuestPDF Community License\n\nThis is a source-available commercial license. It is not an OSI-approved open-source license.\n", "LicenseRef-QuestPDF-Community")
write("non-spdx", "LICENSE_NET.txt", "MICROSOFT SOFTWARE LICENSE TERMS\n\nMICROSOFT .NET LIBRARY\n\nThese license terms are an agreement between you and Microsoft Corporation (or based on where you live, one of its affiliates). They apply to the software named above.\n", "LicenseRef-Microsoft-DotNet-Library")
write("non-spdx", "LICENSE-sni.txt", "MICROSOFT SOFTWARE LICENSE TERMS\n\nMICROSOFT.DATA.SQLCLIENT.SNI LIBRARY\n\nThese license terms are an agreement between you and Microsoft Corporation (or based on where you live, one of its affiliates). They apply to the software named above.\n", "LicenseRef-Microsoft-Software-License-Terms")
write("non-spdx", "BUSL-1.1.txt", texts["BUSL-1.1"], "BUSL-1.1")
write("non-spdx", "SSPL-1.0.txt", texts["SSPL-1.0"], "SSPL-1.0")
write("non-spdx", "Elastic-2.0.txt", texts["Elastic-2.0"], "Elastic-2.0")
write("non-spdx", "polyform-noncommercial.md", "# Polyform Noncommercial License 1.0.0\n\n" + texts["PolyForm-Noncommercial-1.0.0"], "PolyForm-Noncommercial-1.0.0")

# 11. Added on 2026-12-07 after a sweep of every catalogue text varied as real files are (each failed before).
# A trailing line after a text that repeats itself (Sleepycat holds three BSD texts).
write("embedded", "LICENSE-sleepycat", texts["Sleepycat"] + "\n\nFor questions about licensing, contact legal@example.org.\n", "Sleepycat")
# The text's own title under a project's heading (was "Sendmail-8.23 AND Sendmail").
write("embedded", "LICENSE-sendmail.md", "# Sendmail License 8.23\n\nThis project is licensed under the terms below.\n\nCopyright (c) 2020 Jane Doe\n\n" + texts["Sendmail-8.23"], "Sendmail-8.23")
# Front matter over a short text; a Markdown licence re-wrapped by prettier, its links broken over lines.
write("templates", "kastrup-front-matter.txt", "---\ntitle: Kastrup License\nspdx-id: Kastrup\n---\n\n" + texts["Kastrup"], "Kastrup")
write("templates", "LICENSE-parity.md", texts["Parity-7.0.0"].replace("[the Blue Oak Model License 1.0.0](https://blueoakcouncil.org/license/1.0.0), [the Apache License 2.0]", "[the Blue Oak Model License\n1.0.0](https://blueoakcouncil.org/license/1.0.0), [the\nApache License\n2.0]"), "Parity-7.0.0")
# A licence saved as a page.
write("names-encodings", "license.html", "<!DOCTYPE html>\n<html><head><title>License</title></head>\n<body><h1>BSD 2-Clause License</h1>\n<p>Copyright &copy; 2020 Example &amp; Sons</p>\n"
      + "\n".join("<p>" + p.replace("&", "&amp;").replace("<", "&lt;") + "</p>" for p in texts["BSD-2-Clause"].split("\n\n")[1:]) + "\n</body></html>\n", "BSD-2-Clause")
# Notices and names the public sector writes.
write("notices", "eupl-header.txt", "Copyright 2024 Ville d'Exempleville\n\nLicensed under the EUPL, Version 1.2 or – as soon they will be approved by the European Commission - subsequent versions of the EUPL (the \"Licence\");\nYou may not use this work except in compliance with the Licence.\nYou may obtain a copy of the Licence at:\n\nhttps://joinup.ec.europa.eu/software/page/eupl\n\nUnless required by applicable law or agreed to in writing, software distributed under the Licence is distributed on an \"AS IS\" basis,\nWITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\nSee the Licence for the specific language governing permissions and limitations under the Licence.\n", "EUPL-1.2")
write("notices", "LICENSE-content.md", "The text and images of this site are licensed under a Creative Commons Attribution-ShareAlike 4.0 International License.\n", "CC-BY-SA-4.0")
write("notices", "LICENCE-donnees.txt", "Licence Ouverte / Open Licence version 2.0\n", "etalab-2.0")
write("notices", "DATA-LICENSE", "The data in data/ is published under the Open Database License (ODbL) v1.0.\n", "ODbL-1.0")

# 10. Must be refused: modified licences and texts that are not licences.
write("must-refuse", "mit-plus-clause", mit() + "\n\nThe Software shall not be used for military purposes, and any commercial use requires a written agreement with the copyright holders.\n", "NOASSERTION")
write("must-refuse", "apache-extra-terms", apache.replace("END OF TERMS AND CONDITIONS", "10. Additional Terms. You must pay a yearly fee to the Licensor and shall not use the Work in any commercial product without its written consent.\n\nEND OF TERMS AND CONDITIONS"), "NOASSERTION")
write("must-refuse", "bsd-3-fee", texts["BSD-3-Clause"].replace("without specific prior written permission", "without paying the annual fee set by the copyright holder"), "NOASSERTION")
write("must-refuse", "cc-unversioned.md", "Text is available under the Creative Commons Attribution-ShareAlike License; additional terms may apply.\n", "NOASSERTION")
write("must-refuse", "README.md", "# Example\n\nExample is a library for parsing widgets. Install it with `dotnet add package Example`, then call `Widget.Parse`.\n\nContributions are welcome: see CONTRIBUTING.md.\n", "NOASSERTION")
# No changed copy of a GNU licence is kept: its text forbids changing it. DetectorTests changes one in memory instead.

with open(os.path.join(out, "manifest-variants.tsv"), "w", encoding="utf-8") as f:
    f.write("# file\tcategory\texpected (what the file was made to be; NOASSERTION: must be refused)\n")
    for row in rows:
        f.write("\t".join(row) + "\n")
print(len(rows), "variants")
