#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation checks, run as a meson test.

1. Every source file with translatable strings is listed in po/POTFILES.in.
2. Every language in po/LINGUAS is complete against the current sources: the
   strings are extracted afresh, merged into a copy of each .po file, and
   `msgfmt --check --statistics` must report no untranslated or fuzzy entry.

Usage: po-check.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
problems = []

listed = set()
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)
            if not os.path.exists(os.path.join(root, line)):
                problems.append(f"POTFILES.in lists {line}, which does not exist")

c_marker = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2)\s*\(')
for folder in ("app", "ui", "resources"):
    for dirpath, _, files in os.walk(os.path.join(root, folder)):
        for name in files:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if "/demo/" in rel or "/icons/" in rel:
                continue
            try:
                text = open(path, encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                continue
            has = False
            if name.endswith(".c"):
                has = bool(c_marker.search(text))
            elif name.endswith(".ui"):
                has = 'translatable="yes"' in text
            elif name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                has = True
            if has and rel not in listed:
                problems.append(f"{rel} has translatable strings but is not in po/POTFILES.in")

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "frontline.pot")
    files = sorted(listed)
    c_files = [f for f in files if f.endswith(".c")]
    other = [f for f in files if not f.endswith(".c")]
    base = ["xgettext", "--from-code=UTF-8", "--add-comments=Translators:", "-o", pot,
            "--directory", root, "--package-name=frontline"]
    subprocess.run(base + ["--language=C", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
                           "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
                           "--keyword=ngettext:1,2", "--keyword=g_dpgettext2:2c,3"] + c_files,
                   check=True)
    for f in other:
        subprocess.run(base + ["--join-existing", f], check=True)

    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        langs = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    for lang in langs:
        po = os.path.join(root, "po", f"{lang}.po")
        merged = os.path.join(tmp, f"{lang}.po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot],
                       check=True)
        out = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                             capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
        stats = (out.stderr or out.stdout).strip()
        print(f"{lang}: {stats}")
        if out.returncode != 0:
            problems.append(f"{lang}.po does not compile: {stats}")
        elif "untranslated" in stats or "fuzzy" in stats:
            problems.append(f"{lang}.po is incomplete: {stats}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
