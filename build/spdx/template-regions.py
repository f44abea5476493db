#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# SPDX-FileCopyrightText: Commons.Analyzers contributors
"""Writes src/Commons.Licensing/Catalog/Data/template-regions.tsv.gz: where each catalogue text may differ from a copy
and still be that licence, as the SPDX License List's own matching templates say (the SPDX Matching Guidelines).

    build/spdx/template-regions.py LICENSE_LIST_XML_SRC_DIR COMMIT

LICENSE_LIST_XML_SRC_DIR is the src/ folder of a checkout of github.com/spdx/license-list-XML (data: CC-BY-3.0,
(c) SPDX Workgroup, a Linux Foundation project) at COMMIT, which the output's first line records. Each template's
<optional> text (and its title, copyright line and list bullets, which the guidelines also let a copy omit or change)
and each <alt match="REGEX"> is located in the catalogue text that Catalog/Data/texts.tsv.gz holds for the same id,
by aligning the words of both; a region whose words are not found there is left out. One row per region:

    id <TAB> o|a <TAB> start <TAB> end <TAB> word-regex

start and end are UTF-16 offsets into the catalogue text (end exclusive), 'o' an optional region, 'a' an alternative
whose replacement must match word-regex: the SPDX regular expression rewritten to run on the identifier's normalised
words (lower-case letters and digits joined by single spaces), so punctuation and white space in it become an
optional space. Deterministic: the same inputs give the same bytes.
"""
import difflib
import gzip
import io
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.spdx.org/license}"
here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "src", "Commons.Licensing", "Catalog", "Data")
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def unescape(field):
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == "\\" and i + 1 < len(field):
            i += 1
            out.append({"n": "\n", "r": "\r", "t": "\t"}.get(field[i], field[i]))
        else:
            out.append(c)
        i += 1
    return "".join(out)


def escape(field):
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def tokens(text):
    """Lower-case words with their character spans (letters and digits, as the C# normaliser splits words)."""
    return [(m.group(0).lower(), m.start(), m.end()) for m in WORD.finditer(text)]


def utf16(text, index):
    return len(text[:index].encode("utf-16-le")) // 2


def walk(element, out, regions, optional_depth=0):
    """Appends the template's words to out and (kind, first word, end word, regex) to regions."""
    tag = element.tag.replace(NS, "")
    if tag in ("crossRefs", "notes", "obsoletedBys"):
        return
    start = len(out)
    if element.text:
        out.extend(t for t, _, _ in tokens(element.text))
    for child in element:
        walk(child, out, regions, optional_depth)
        if child.tail:
            out.extend(t for t, _, _ in tokens(child.tail))
    end = len(out)
    if end == start:
        return
    if tag in ("optional", "bullet", "titleText", "copyrightText"):
        regions.append(("o", start, end, None))
    elif tag == "alt":
        regions.append(("a", start, end, element.get("match", "")))


def word_regex(pattern):
    """The SPDX regex over raw text → the same over normalised words ("a b c"): letters and digits lower-cased,
    anything else literal (punctuation, white space, their classes) an optional space. None when unsupported."""
    out, i, n = [], 0, len(pattern)
    sep = "(?: ?)"
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            e = pattern[i + 1]
            i += 2
            if e in "sSW":
                out.append(sep if e in "sW" else "[a-z0-9 ]")
            elif e in "wd":
                out.append("[a-z0-9]" if e == "w" else "[0-9]")
            elif e == "b":
                out.append(sep)
            elif e.isalnum():
                return None
            else:
                out.append(sep)
        elif c == "[":
            j = pattern.find("]", i + 2 if i + 1 < n and pattern[i + 1] == "]" else i + 1)
            if j < 0:
                return None
            body = pattern[i + 1:j]
            negated = body.startswith("^")
            body = body[1:] if negated else body
            kept = "".join(ch.lower() for ch in re.sub(r"\\(.)", r"\1", body) if ch.isalnum() or ch == "-")
            kept = re.sub(r"^-|-$", "", kept)
            if negated:
                out.append("[a-z0-9 ]")  # "[^.]": anything but punctuation, which the words no longer hold
            elif kept:
                out.append("[" + kept + "]")
            else:
                out.append(sep)
            i = j + 1
        elif c == "(":
            if pattern.startswith("(?:", i):
                out.append("(?:")
                i += 3
            elif pattern.startswith("(?", i):
                return None
            else:
                out.append("(?:")
                i += 1
        elif c in ")|":
            out.append(c)
            i += 1
        elif c in "*+?":
            lazy = i + 1 < n and pattern[i + 1] == "?"
            out.append(c + ("?" if lazy else ""))
            i += 2 if lazy else 1
        elif c == "{":
            j = pattern.find("}", i)
            if j < 0 or not re.fullmatch(r"\{\d*,?\d*\}", pattern[i:j + 1]):
                return None
            out.append(pattern[i:j + 1])
            i = j + 1
        elif c == ".":
            out.append(".")
            i += 1
        elif c in "^$":
            i += 1
        elif c.isalnum():
            out.append(c.lower())
            i += 1
        else:
            out.append(sep)
            i += 1
    converted = "".join(out)
    # An optional space needs no quantifier and one is enough: "(?: ?)+" would only make the engine backtrack.
    converted = re.sub(r"\(\?: \?\)(?:[*+?]\??|\{\d*,?\d*\})", sep, converted)
    while sep + sep in converted:
        converted = converted.replace(sep + sep, sep)
    converted = converted.replace(sep, " ?")
    if "\\" in converted or "\t" in converted:
        return None  # the C# reader takes fields as they are
    try:
        re.compile(converted)
    except re.error:
        return None
    return converted


def main(source, commit):
    texts = {}
    with gzip.open(os.path.join(data, "texts.tsv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                i, t = line.split("\t", 1)
                texts[unescape(i)] = unescape(t)

    rows, kept, dropped = [], 0, 0
    for name in sorted(os.listdir(source)):
        if not name.endswith(".xml"):
            continue
        root = ET.parse(os.path.join(source, name)).getroot()
        licence = root.find(NS + "license")
        if licence is None or licence.get("licenseId") not in texts:
            continue
        lid = licence.get("licenseId")
        text_element = licence.find(NS + "text")
        if text_element is None:
            continue
        words, regions = [], []
        walk(text_element, words, regions)
        raw = texts[lid]
        raw_tokens = tokens(raw)
        matcher = difflib.SequenceMatcher(None, words, [t for t, _, _ in raw_tokens], autojunk=False)
        where = {}
        for a, b, size in matcher.get_matching_blocks():
            for k in range(size):
                where[a + k] = b + k
        for kind, start, end, match in sorted(regions, key=lambda r: (r[1], r[2], r[0])):
            first, last = where.get(start), where.get(end - 1)
            # The region's words must all be found, in one run: a region the catalogue text words otherwise is left out.
            if first is None or last is None or last - first != end - 1 - start:
                dropped += 1
                continue
            regex = ""
            if kind == "a":
                regex = word_regex(match)
                original = " ".join(words[start:end])
                if regex is None or not re.fullmatch(regex, original):
                    dropped += 1
                    continue
            rows.append((lid, kind, utf16(raw, raw_tokens[first][1]), utf16(raw, raw_tokens[last][2]), regex))
            kept += 1

    body = "# from spdx/license-list-XML@" + commit + " (CC-BY-3.0); generated by build/spdx/template-regions.py, do not edit\n"
    body += "# id\tkind (o optional, a alternative)\tstart\tend\tword-regex\n"
    body += "".join("\t".join(escape(str(f)) for f in row) + "\n" for row in rows)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as z:
        z.write(body.encode("utf-8"))
    with open(os.path.join(data, "template-regions.tsv.gz"), "wb") as f:
        f.write(buffer.getvalue())
    print(f"{kept} regions kept, {dropped} left out (not found in the catalogue text, or an unsupported regex)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
