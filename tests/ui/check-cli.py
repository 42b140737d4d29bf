#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the real `frontline` binary the way the README does, in a real X
window, and checks what the command-line options promise:

  frontline --demo --data-dir DIR --screenshot FILE --print-startup

exits 0, prints the start-up time in milliseconds, and writes a PNG of the
populated window. Run a second time on the same data dir, it reuses the
demo workspace instead of importing it again.

Usage: check-cli.py FRONTLINE SCREENSHOT_DIR LANGUAGE
"""
import os
import struct
import subprocess
import sys
import tempfile

frontline, shots, lang = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(shots, exist_ok=True)
env = dict(os.environ, LANGUAGE=lang, LANG="C.UTF-8")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


with tempfile.TemporaryDirectory() as data:
    for run in (1, 2):
        shot = os.path.join(shots, f"cli-{lang}-{run}.png")
        if os.path.exists(shot):
            os.unlink(shot)
        out = subprocess.run([frontline, "--demo", "--data-dir", data, "--screenshot", shot,
                              "--print-startup"], env=env, capture_output=True, text=True,
                             timeout=120)
        print(out.stderr, file=sys.stderr)
        assert out.returncode == 0, f"run {run}: exit {out.returncode}"
        ms = float(out.stdout.strip().splitlines()[-1])
        assert 0 < ms < 60000, f"run {run}: start-up {ms} ms"
        width, height = png_size(shot)
        assert width >= 1000 and height >= 600, f"run {run}: screenshot {width}x{height}"
        print(f"ok {run} - start-up {ms:.1f} ms, screenshot {width}x{height} at {shot}")
    db = os.path.join(data, "frontline.db")
    assert os.path.exists(db), "no database in --data-dir"
print("1..2")
