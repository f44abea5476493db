#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
"""Gathers the labelled licence-file corpus of tests/Commons.Licensing.Tests/Identification/Labelled (issue 13).

Every file comes with a label of its own source, never with the identifier's answer:
  debian/   License paragraphs of Debian's machine-readable copyright files (/usr/share/doc/*/copyright, DEP-5): the
            paragraph's short name, mapped to SPDX (Expat = MIT, GPL-2+ = GPL-2.0-or-later, ...).
  npm/      LICENSE files of npm packages: the package.json "license" field (a plain SPDX expression only).
  nuget/    licence files at the root of restored NuGet packages: the nuspec's <license type="expression">.
The hand-made variants of each category of issue 13 are written by variants.py from the SPDX texts.

    build/bench/identify/labelled-corpus.py OUT_DIR NPM_NODE_MODULES NUGET_FOLDER...

Disagreements between a label and the identifier were checked by hand; README.md in the corpus says which labels were
corrected and why. Reproducible on a Debian machine: the package sets differ from machine to machine.
"""
import glob
import hashlib
import json
import os
import re
import sys

out, node_modules, nuget_folders = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = []
seen = set()

DEBIAN = {
    "Expat": "MIT", "MIT": "MIT", "Apache-2.0": "Apache-2.0", "ISC": "ISC", "Zlib": "Zlib", "zlib": "Zlib",
    "BSD-2-clause": "BSD-2-Clause", "BSD-2-Clause": "BSD-2-Clause", "BSD-3-clause": "BSD-3-Clause", "BSD-3-Clause": "BSD-3-Clause",
    "GPL-2": "GPL-2.0-only", "GPL-2+": "GPL-2.0-or-later", "GPL-3": "GPL-3.0-only", "GPL-3+": "GPL-3.0-or-later",
    "LGPL-2": "LGPL-2.0-only", "LGPL-2+": "LGPL-2.0-or-later", "LGPL-2.1": "LGPL-2.1-only", "LGPL-2.1+": "LGPL-2.1-or-later",
    "LGPL-3": "LGPL-3.0-only", "LGPL-3+": "LGPL-3.0-or-later", "AGPL-3": "AGPL-3.0-only", "AGPL-3+": "AGPL-3.0-or-later",
    "MPL-2.0": "MPL-2.0", "MPL-1.1": "MPL-1.1", "BSL-1.0": "BSL-1.0", "CC0-1.0": "CC0-1.0", "Unlicense": "Unlicense",
    "X11": "X11", "curl": "curl", "OFL-1.1": "OFL-1.1", "PSF-2": "PSF-2.0", "Artistic-2.0": "Artistic-2.0", "NTP": "NTP",
    "Apache-2": "Apache-2.0", "BSD-4-clause": "BSD-4-Clause", "MIT-0": "MIT-0", "0BSD": "0BSD", "WTFPL": "WTFPL",
    "CC-BY-4.0": "CC-BY-4.0", "CC-BY-SA-4.0": "CC-BY-SA-4.0", "CC-BY-3.0": "CC-BY-3.0", "CC-BY-SA-3.0": "CC-BY-SA-3.0",
    "EPL-1.0": "EPL-1.0", "EPL-2.0": "EPL-2.0", "Python-2.0": "Python-2.0", "PostgreSQL": "PostgreSQL", "libpng": "Libpng",
    "FSFAP": "FSFAP", "FSFUL": "FSFUL", "FSFULLR": "FSFULLR", "GFDL-1.3+": "GFDL-1.3-or-later", "GFDL-1.2+": "GFDL-1.2-or-later",
}
PER_LABEL = 12

# Labels checked by hand against the file and found wrong for the file (the source labels the package, or mislabels):
# file -> (corrected label, why). Every other disagreement is the identifier's to fix.
CORRECTIONS = {
    "debian/jq-Expat": ("dtoa", "the paragraph holds David M. Gay's dtoa licence, not Expat"),
    "debian/libipt2-Expat": ("BSD-3-Clause", "the paragraph holds the BSD-3-Clause text"),
    "debian/libarchive13-Expat": ("ISC", "the paragraph holds the ISC text"),
    "debian/libjsr305-java-CC-BY-SA-3.0": ("CC-BY-3.0", "the paragraph is 'Attribution 3.0 Unported', no ShareAlike"),
    "debian/libde265-0-LGPL-3+": ("GPL-3.0-or-later", "the notice grants the GNU General Public License, not the Lesser"),
    "debian/libacl1-LGPL-2+": ("LGPL-2.1-or-later", "the notice says version 2.1 or later"),
    "debian/gir1.2-glib-2.0-FSFAP": ("FSFULLR", "the paragraph is the FSFULLR wording with 'the author(s)' for the FSF, not FSFAP"),
    "debian/libharfbuzz0b-FSFULLR": ("FSFULLRWD", "FSFULLR plus its 'without warranty' paragraph: SPDX's FSFULLRWD"),
    "debian/libharfbuzz0b-MIT": ("MIT-Modern-Variant", "HarfBuzz's 'Old MIT' wording, which SPDX lists as MIT-Modern-Variant"),
    "debian/libxml2-dev-ISC": ("ISC-Veillard", "libxml2's ISC-like wording, which SPDX lists as ISC-Veillard"),
    "debian/libde265-0-BSD-4-clause": ("BSD-4-Clause-UC", "the Regents of the University of California wording: BSD-4-Clause-UC"),
    "debian/libsasl2-2-BSD-4-clause": ("BSD-Attribution-HPND-disclaimer", "CMU's wording, listed by SPDX as BSD-Attribution-HPND-disclaimer"),
    "debian/libsasl2-2-FSFULLR": ("FSFULLRWD", "FSFULLR plus its 'without warranty' paragraph: SPDX's FSFULLRWD"),
    "debian/libjpeg-dev-NTP": ("HPND-Pbmplus", "Jef Poskanzer's wording, exactly SPDX's HPND-Pbmplus"),
    "debian/libunbound8-GPL-3": ("GPL-3.0-or-later", "the notice says 'or (at your option) any later version'"),
    "debian/python3-pyparsing-GPL-3": ("GPL-3.0-or-later", "the notice says 'or (at your option) any later version'"),
    "debian/linux-libc-dev-LGPL-2.1": ("LGPL-2.1-or-later", "the notice says 'or (at your option) any later version'"),
    "debian/libmnl0-LGPL-2.1": ("LGPL-2.1-or-later", "the notice says 'or (at your option) any later version'"),
    "npm/d3-geo-LICENSE": ("ISC AND MIT", "the file bundles an MIT text after the package's ISC text"),
    "npm/fs.realpath-LICENSE": ("ISC AND MIT", "the file bundles Node's MIT text after the package's ISC text"),
    "npm/d3-scale-chromatic-LICENSE": ("ISC AND Apache-2.0", "the file bundles ColorBrewer's Apache-2.0 text after the ISC text"),
    "npm/jszip-LICENSE.markdown": ("MIT OR GPL-3.0-only", "the file says 'the MIT license or the GPLv3', no 'or later'"),
    "npm/pako-LICENSE": ("MIT", "the file holds the MIT text only; package.json's MIT AND Zlib describes the package"),
    "npm/type-fest-license": ("MIT", "the file holds the MIT text only; package.json's MIT OR CC0-1.0 describes the package"),
    "npm/uri-js-LICENSE": ("BSD-2-Clause-Views", "BSD-2-Clause plus the 'views and conclusions' sentence: SPDX's BSD-2-Clause-Views"),
    "debian/e2fsprogs-BSD-3-Clause": ("BSD-3-Clause-Tso", "Theodore Ts'o's wording, exactly SPDX's BSD-3-Clause-Tso"),
    "debian/dirmngr-BSD-3-clause": ("NOASSERTION", "Ts'o's clause 1 with the usual BSD disclaimer: SPDX's BSD-3-Clause-Tso also says 'ALL OF WHICH ARE HEREBY DISCLAIMED' and 'EVEN IF NOT ADVISED', BSD-3-Clause has another clause 1"),
    "debian/bsdextrautils-BSD-4-clause": ("BSD-4-Clause-UC", "the Regents of the University of California wording: BSD-4-Clause-UC"),
    "debian/ed-BSD-2-Clause": ("NOASSERTION", "BSD-2-Clause's conditions with the GNU warranty sentence for its disclaimer: a modified text"),
    "debian/fp-compiler-3.2.2-BSD-3-clause": ("NOASSERTION", "clause 2 says 'must not misrepresent the orignal source', clause 3 'The names of the authors not its contributors may be used': a modified text"),
    "debian/libaom3-Expat": ("NOASSERTION", "MIT's grant with a BSD-style disclaimer naming its author: no SPDX licence (closest MIT-Wu at 76 %)"),
}
NPM_PER_LABEL = 30


def add(source, name, data, label, category):
    key = hashlib.sha256(re.sub(rb"\s+", b" ", data).strip().lower()).hexdigest()
    if key in seen or len(data) < 40:
        return False
    seen.add(key)
    folder = os.path.join(out, source)
    os.makedirs(folder, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._+-]", "_", name)[:90]
    with open(os.path.join(folder, safe), "wb") as f:
        f.write(data)
    label = CORRECTIONS.get(source + "/" + safe, (label, ""))[0]
    rows.append((source + "/" + safe, category, label))
    return True


# Debian DEP-5: stanzas separated by blank lines; "License: <name>" then continuation lines (" ." = empty line).
per_label = {}
for path in sorted(glob.glob("/usr/share/doc/*/copyright")):
    try:
        text = open(path, encoding="utf-8").read()
    except (UnicodeDecodeError, OSError):
        continue
    if "copyright-format" not in text.split("\n", 1)[0]:
        continue
    package = path.split("/")[4]
    for stanza in re.split(r"\n\s*\n", text):
        m = re.search(r"^License:[ \t]*(\S[^\n]*)\n((?:[ \t][^\n]*\n?)+)", stanza, re.M)
        if not m:
            continue
        name = m.group(1).strip()
        label = DEBIAN.get(name)
        if label is None:
            continue
        body = "\n".join("" if l.strip() == "." else l[1:] for l in m.group(2).rstrip("\n").split("\n"))
        if len(body.split()) < 25 or per_label.get(label, 0) >= PER_LABEL:
            continue
        if add("debian", package + "-" + name, body.encode("utf-8") + b"\n", label, "debian-copyright"):
            per_label[label] = per_label.get(label, 0) + 1

# npm: package.json "license" as a plain expression.
for pkg in sorted(glob.glob(os.path.join(node_modules, "*", "package.json")) + glob.glob(os.path.join(node_modules, "@*", "*", "package.json"))):
    folder = os.path.dirname(pkg)
    try:
        meta = json.load(open(pkg, encoding="utf-8"))
    except (ValueError, OSError):
        continue
    label = meta.get("license")
    if not isinstance(label, str) or not re.fullmatch(r"[A-Za-z0-9.+\-]+(?: (?:OR|AND) [A-Za-z0-9.+\-]+)*|\([A-Za-z0-9.+\- ]+\)", label):
        continue
    label = label.strip("()")
    if per_label.get("npm " + label, 0) >= NPM_PER_LABEL:
        continue
    for f in sorted(os.listdir(folder)):
        if re.fullmatch(r"(?i)(licen[cs]e|copying)([.-].*)?", f) and os.path.isfile(os.path.join(folder, f)):
            data = open(os.path.join(folder, f), "rb").read()
            if add("npm", os.path.relpath(folder, node_modules).replace("/", "_") + "-" + f, data, label, "npm-package"):
                per_label["npm " + label] = per_label.get("npm " + label, 0) + 1
            break

# NuGet: the licence file at a package's root, labelled by the nuspec's expression.
for root in nuget_folders:
    for nuspec in sorted(glob.glob(os.path.join(root, "*", "*", "*.nuspec"))):
        text = open(nuspec, encoding="utf-8", errors="replace").read()
        m = re.search(r'<license type="expression">([^<]+)</license>', text)
        if not m:
            continue
        folder = os.path.dirname(nuspec)
        for f in sorted(os.listdir(folder)):
            if re.fullmatch(r"(?i)(licen[cs]e|copying)([.-].*)?", f) and os.path.isfile(os.path.join(folder, f)):
                data = open(os.path.join(folder, f), "rb").read()
                name = os.path.relpath(folder, root).replace("/", "-") + "-" + f
                add("nuget", name, data, m.group(1).strip(), "nuget-package")

manifest = os.path.join(out, "manifest-real.tsv")
with open(manifest, "w", encoding="utf-8") as f:
    f.write("# file\tcategory\texpected (the source's own label)\n")
    for row in sorted(rows):
        f.write("\t".join(row) + "\n")
print(len(rows), "files;", {c: sum(1 for r in rows if r[1] == c) for c in sorted({r[1] for r in rows})})
