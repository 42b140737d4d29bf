#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints "N passed, N failed" for one or more meson testlog.json files.

Each GTest case (a TAP "ok"/"not ok" line) counts once; a test without TAP
output counts as one. A program that crashed after its last "ok" counts as
a failure, and a missing log (a suite that never ran) counts as one too.
"""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            entries = [json.loads(line) for line in f if line.strip()]
    except OSError:
        print(f"{path}: no test log: the suite did not run", file=sys.stderr)
        failed += 1
        continue
    if not entries:
        failed += 1
    for e in entries:
        result = e.get("result")
        lines = re.findall(r"^(not ok|ok)\b[^\n]*", e.get("stdout") or "", re.M)
        if lines:
            for line in lines:
                if line.startswith("not ok"):
                    failed += 1
                elif "# SKIP" in line.upper():
                    skipped += 1
                else:
                    passed += 1
            if result not in ("OK", "SKIP", "EXPECTEDFAIL") and not any(
                    l.startswith("not ok") for l in lines):
                failed += 1
            continue
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
