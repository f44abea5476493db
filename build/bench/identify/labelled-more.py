#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
"""Adds to the labelled corpus (tests/Commons.Licensing.Tests/Identification/Labelled) the categories
labelled-corpus.py does not gather, each file with a label of its own source:

  templates/     choosealicense.com's licence templates (_licenses/*.txt, as vendored by licensee), front matter
                 included: the `spdx-id:` of the front matter (deprecated GNU ids read as "-only", as SPDX defines them).
  distribution/  Debian's /usr/share/common-licenses texts: the file name, Debian's short name, mapped to SPDX.
  nuget/         licence files at the root of the restored NuGet packages of the given folders, beyond those already
                 listed: the nuspec's <license type="expression">; packages that give only a licence URL and ship
                 Microsoft's .NET Library terms (dotnet_library_license.txt) are labelled by hand (see CORRECTIONS).
  repository/    licence files of public repositories, read from git mirrors (GIT_DIR@COMMIT:PATH=LABEL arguments): the
                 licence the file name gives (Licence_CeCILL-B_V1-fr.txt: CECILL-B).
  reuse/         REUSE folders of public repositories, kept as reuse/<repository>/LICENSES/<id>.txt (the name is the
                 label, as the REUSE Specification makes it; reuse=FOLDER:REPOSITORY arguments), LicenseRef- files and
                 exception texts included (placeholders of fewer than 20 words left out). A text already in the corpus is kept again
                 here when its name gives another id (GPL-3.0-or-later.txt holds the GPL-3.0 text).

    build/bench/identify/labelled-more.py CORPUS_DIR CHOOSEALICENSE_LICENSES_DIR NUGET_FOLDER [GIT_DIR@COMMIT:PATH=LABEL ...] [reuse=FOLDER:REPOSITORY ...]

Rows of these categories are replaced in manifest-real.tsv; files already in the corpus (same words) are skipped.
"""
import glob
import hashlib
import os
import re
import subprocess
import sys

corpus, choosealicense, nuget_folder = sys.argv[1], sys.argv[2], sys.argv[3]
repository_files = [a for a in sys.argv[4:] if not a.startswith("reuse=")]
reuse_folders = [a[len("reuse="):] for a in sys.argv[4:] if a.startswith("reuse=")]
manifest = os.path.join(corpus, "manifest-real.tsv")
OWN = ("choosealicense-template", "distribution-text", "repository-file", "reuse-folder")
DEPRECATED = {"GPL-2.0": "GPL-2.0-only", "GPL-3.0": "GPL-3.0-only", "LGPL-2.1": "LGPL-2.1-only", "LGPL-3.0": "LGPL-3.0-only",
              "AGPL-3.0": "AGPL-3.0-only"}
DEBIAN = {"Apache-2.0": "Apache-2.0", "Artistic": "Artistic-1.0-Perl", "BSD": "BSD-3-Clause", "CC0-1.0": "CC0-1.0",
          "GFDL-1.2": "GFDL-1.2-only", "GFDL-1.3": "GFDL-1.3-only", "GPL-1": "GPL-1.0-only", "GPL-2": "GPL-2.0-only",
          "GPL-3": "GPL-3.0-only", "LGPL-2": "LGPL-2.0-only", "LGPL-2.1": "LGPL-2.1-only", "LGPL-3": "LGPL-3.0-only",
          "MPL-1.1": "MPL-1.1", "MPL-2.0": "MPL-2.0"}
# Labels checked by hand against the file, where the source labels the package rather than the file: file -> (label, why).
CORRECTIONS = {
    "nuget/microsoft.diagnostics.runtime-1.1.127808-License-Stable.rtf":
        ("LicenseRef-Microsoft-DotNet-Library", "the nuspec says MIT; the file is Microsoft's .NET Library terms, in RTF"),
}


def key(data):
    return hashlib.sha256(re.sub(rb"\s+", b" ", data).strip().lower()).hexdigest()


rows = []
kept = []
for line in open(manifest, encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    if line.startswith("#") or len(fields) < 3 or fields[1] not in OWN:
        kept.append(line.rstrip("\n"))
seen = {key(open(os.path.join(corpus, l.split("\t")[0]), "rb").read()) for l in kept if not l.startswith("#")}


def add(folder, name, data, label, category, keep_name=False):
    k = key(data) + (":" + label if keep_name else "")
    if k in seen or len(data) < 40:
        return
    seen.add(k)
    os.makedirs(os.path.join(corpus, folder), exist_ok=True)
    safe = name if keep_name else re.sub(r"[^A-Za-z0-9._+-]", "_", name)[:90]
    os.makedirs(os.path.dirname(os.path.join(corpus, folder, safe)), exist_ok=True)
    with open(os.path.join(corpus, folder, safe), "wb") as f:
        f.write(data)
    label = CORRECTIONS.get(folder + "/" + safe, (label, ""))[0]
    rows.append("\t".join((folder + "/" + safe, category, label)))


for path in sorted(glob.glob(os.path.join(choosealicense, "*.txt"))):
    data = open(path, "rb").read()
    m = re.search(rb"^spdx-id:\s*(\S+)", data, re.M)
    if m:
        spdx = m.group(1).decode()
        add("templates", "choosealicense-" + os.path.basename(path), data, DEPRECATED.get(spdx, spdx), "choosealicense-template")

for name, label in sorted(DEBIAN.items()):
    path = os.path.join("/usr/share/common-licenses", name)
    if os.path.isfile(path):
        add("distribution", "common-licenses-" + name, open(path, "rb").read(), label, "distribution-text")

for nuspec in sorted(glob.glob(os.path.join(nuget_folder, "*", "*", "*.nuspec"))):
    text = open(nuspec, encoding="utf-8", errors="replace").read()
    m = re.search(r'<license\s+type="expression"[^>]*>([^<]+)</license>', text)
    folder = os.path.dirname(nuspec)
    package = os.path.relpath(folder, nuget_folder).replace("/", "-")
    for f in sorted(os.listdir(folder)):
        path = os.path.join(folder, f)
        if not os.path.isfile(path):
            continue
        if m and re.fullmatch(r"(?i)(licen[cs]e|copying)([.-].*)?", f):
            add("nuget", package + "-" + f, open(path, "rb").read(), m.group(1).strip(), "nuget-package")
        elif not m and f == "dotnet_library_license.txt" and "329770" in text:
            add("nuget", package + "-" + f, open(path, "rb").read(), "LicenseRef-Microsoft-DotNet-Library", "nuget-package")

for spec in repository_files:
    source, label = spec.rsplit("=", 1)
    git_dir, rest = source.split("@", 1)
    commit, path = rest.split(":", 1)
    data = subprocess.run(["git", "--git-dir", git_dir, "show", commit + ":" + path], capture_output=True, check=True).stdout
    # The mirror's folder names the repository: /work/.mirror/<owner>+<name>/repo.
    repo = next((p for p in reversed(git_dir.split("/")) if "+" in p), os.path.basename(git_dir.rstrip("/")))
    add("repository", repo + "-" + path.replace("/", "-"), data, label, "repository-file")

exceptions = {l.split("\t")[0] for l in open(os.path.join(os.path.dirname(__file__), "../../../src/Commons.Licensing/Catalog/Data/exceptions.tsv"), encoding="utf-8") if not l.startswith("#")}
for spec in reuse_folders:
    folder, repo = spec.rsplit(":", 1)
    for f in sorted(os.listdir(folder)):
        stem = re.sub(r"\.[A-Za-z0-9]+$", "", f)
        if not os.path.isfile(os.path.join(folder, f)):
            continue
        # A custom licence (LicenseRef-) or an exception text is named by its file too; a placeholder of a few words
        # (the REUSE Tool's test repositories) is no licence text.
        if (stem.startswith("LicenseRef-") or stem in exceptions) and len(open(os.path.join(folder, f), "rb").read().split()) < 20:
            continue
        add("reuse", repo + "/LICENSES/" + f, open(os.path.join(folder, f), "rb").read(), stem, "reuse-folder", keep_name=True)

with open(manifest, "w", encoding="utf-8") as f:
    f.write("\n".join(kept + sorted(rows)) + "\n")
print(len(rows), "rows added:", {c: sum(1 for r in rows if r.split("\t")[1] == c) for c in sorted({r.split("\t")[1] for r in rows})})
