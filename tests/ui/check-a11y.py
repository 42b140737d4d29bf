#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the AT-SPI tree of the real Frontline window on the demo workspace
and fails on any visible actionable control without an accessible name.

Usage: check-a11y.py FRONTLINE LANGUAGE
Run under a session bus and X server (the ui suite does both), with
Debian's python3-pyatspi, so with /usr/bin/python3.

Prints TAP: one test, "ok" when every shown button, toggle, menu button,
combo box, entry and link has a name a screen reader can say, said once
and without a mnemonic's underscore.
"""
import os
import subprocess
import sys
import tempfile
import re
import time

import pyatspi

# GTK names an accessible that has no name of its own after its type:
# "GtkToggleButton", "GtkImage". That is no name for anyone listening.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Fl)[A-Z][A-Za-z]+$")

frontline, lang = sys.argv[1], sys.argv[2]

ACTIONABLE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_LINK, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SWITCH if hasattr(pyatspi, "ROLE_SWITCH") else pyatspi.ROLE_TOGGLE_BUTTON,
}


def doubled_name(name):
    """A name said twice, as GTK 4.8 makes it for a button with a mnemonic
    ("_Send Send": the label property with its underscore, then the label
    inside) or for one named both by a label property and by a relation."""
    for i, c in enumerate(name):
        if c == " " and name[:i].replace("_", "") == name[i + 1:]:
            return True
    return False


def find_app(timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name and "frontline" in app.name.lower():
                if app.childCount > 0:
                    return app
        time.sleep(0.5)
    raise SystemExit("the Frontline window never appeared on the accessibility bus")


out_all = []



def walk(node, path, out, depth=0):
    if node is None or depth > 60:
        return
    try:
        role = node.getRole()
        states = node.getState()
        name = (node.name or "").strip()
        if TYPE_NAME.match(name):
            name = ""
    except Exception:
        # An object gone while walking (a row recycled) is nothing to name.
        return
    here = f"{path}/{node.getRoleName()}"
    if name:
        here += f"[{name[:30]}]"
    # GTK 4.8 reports "visible", not always "showing".
    shown = states.contains(pyatspi.STATE_VISIBLE) or states.contains(pyatspi.STATE_SHOWING)
    if role in ACTIONABLE and shown:
        out_all.append(here)
    if role in ACTIONABLE and shown and doubled_name(name):
        out.append(here + " (its name says it twice)")
    if role in ACTIONABLE and shown and not name:
        # A labelled-by relation names it as well.
        labelled = any(r.getRelationType() == pyatspi.RELATION_LABELLED_BY for r in node.getRelationSet())
        # The parts inside a named combo box are GTK's own.
        parent = node.parent
        inside_named_combo = (parent is not None and parent.getRole() == pyatspi.ROLE_COMBO_BOX
                              and parent.name and not TYPE_NAME.match(parent.name))
        if not labelled and not inside_named_combo:
            desc = (node.description or "").strip()
            out.append(here + (f" (described as: {desc})" if desc else ""))
    for i in range(min(node.childCount, 2000)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, here, out, depth + 1)


with tempfile.TemporaryDirectory() as data:
    env = dict(os.environ, LANGUAGE=lang, LANG="C.UTF-8", GTK_A11Y="atspi")
    app_proc = subprocess.Popen([frontline, "--demo", "--data-dir", data], env=env)
    try:
        app = find_app()
        time.sleep(3)  # the inbox fills and the first ticket opens
        unnamed = []
        walk(app, "", unnamed)
        if os.environ.get("FL_A11Y_LIST"):
            print("\n".join("# " + line for line in out_all))
        for line in unnamed:
            print("# unnamed:", line)
        print("1..1")
        print(f"# {len(out_all)} actionable controls shown, {len(unnamed)} without a name")
        if len(out_all) < 20:
            print("not ok 1 too few controls found: the tree was not walked")
            sys.exit(1)
        print(("not ok" if unnamed else "ok") + f" 1 every control is named ({lang})")
        sys.exit(1 if unnamed else 0)
    finally:
        app_proc.terminate()
        app_proc.wait(timeout=20)
