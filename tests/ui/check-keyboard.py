#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Does the main task with the keyboard alone, in the real Frontline window
on the demo workspace: open a ticket, insert a canned response, mention a
teammate, send the internal note.

Usage: check-keyboard.py FRONTLINE LANGUAGE LAYOUT

Every key is a real key press from the X server's XTest extension
(xdotool), as a keyboard sends it; nothing in the app is called. LAYOUT is
the XKB layout the X server is asked for first (us, tr or ir; setxkbmap,
restored at the end), so the shortcuts are checked with the Turkish and
Persian layouts too where the X server takes them; a first TAP test says
whether it did. (An Xvfb started without -noreset resets, US keymap
included, whenever its last client leaves, which setxkbmap is when no
other client is connected: that test is then skipped, and the run types
through the US keymap. The test command starts Xvfb with -noreset.) The
Persian layout has no Latin group, the hardest case for Ctrl shortcuts.
Run under a
session bus and an X server (the ui suite has both), with Debian's
python3-pyatspi, so with /usr/bin/python3. The accessibility bus is only
watched, to know when the window is ready for the next key: where the
focus is, what a list shows.

What was sent is checked from outside the app, with a read-only SQLite
connection to its data folder: the outbox has the note, sent, on the
ticket the window showed, with the response's text filled in and the
teammate's @name, and the store made the teammate a mentioned follower.

Prints TAP, one test per step; the first step that fails ends the run,
after describing the window (and saving a picture of the screen to the
file FL_KBD_SHOT names, when set).
"""
import gettext
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi
from gi.repository import GLib

frontline, lang, layout = sys.argv[1], sys.argv[2], sys.argv[3]

# What each run types. The canned response has no placeholder that can
# stay unfilled, so sending asks nothing. The US run opens the response
# search with "::", the other with Ctrl+Shift+T; the Turkish run types a
# Turkish letter to find its teammate.
# The Persian run presses the keys marked J, K, N and T by their X
# keycodes (44, 45, 57, 28: evdev's, as Xvfb has them), which type Persian
# letters in that layout (ت ن د ف), as an agent typing Persian does. (By
# keysym, xdotool would bind the Persian letters to a spare keycode.) It
# finds the response by a word of its Persian name, as the layout has no
# Latin letters for its shortcut.
RUNS = {
    "us": {"moves": ["j", "j", "j", "k"], "note": "n", "open_templates": "colons",
           "find": "delay", "mention": "dan", "teammate": "daniel",
           "search": "ctrl+f", "select_cut": ["ctrl+a", "ctrl+x"]},
    "tr": {"moves": ["j", "j", "j", "j", "k"], "note": "n", "open_templates": "ctrl+shift+t",
           "find": "delay", "mention": "koç", "teammate": "emre",
           "search": "ctrl+f", "select_cut": ["ctrl+a", "ctrl+x"]},
    # Ctrl and the keys marked F, A and X (keycodes 41, 38, 53: ب ش ط).
    "ir": {"moves": ["44", "44", "45", "44"], "note": "57",
           "open_templates": "ctrl+shift+28", "find": "تأخیر", "mention": "رضا", "teammate": "reza",
           "search": "ctrl+41", "select_cut": ["ctrl+38", "ctrl+53"]},
}
RESPONSE = "delay"          # the response's shortcut
TIMEOUT = 90                # seconds for any one step, for a loaded machine
# Our own words after the response, searched for in what was sent.
# In Persian with the Persian layout, which has no Latin letters.
OWN_WORDS = "بررسی کلید ۴۲." if layout == "ir" else "Kbd check 42."

run = RUNS[layout]
translation = gettext.translation("frontline", os.environ.get("FRONTLINE_LOCALEDIR"),
                                  languages=[lang], fallback=True)
_ = translation.gettext

steps = ["the window opens with the inbox", "j and k move to a ticket",
         "Enter opens it", "n starts an internal note",
         "the canned-response search opens from the keyboard",
         "the response is found and inserted", "an @mention picks the teammate",
         "Ctrl+Enter sends", "the store has the sent note with the response and the mention",
         "Ctrl+F searches, and Ctrl+A and Ctrl+X take the search back"]
if layout != "us":
    steps.insert(0, f"the X server has the {layout} layout")
print(f"1..{len(steps)}")
passed = 0


def fail(message):
    print(f"not ok {passed + 1} - {steps[passed]}: {message}")
    for n in range(passed + 2, len(steps) + 1):
        print(f"not ok {n} - {steps[n - 1]} # SKIP an earlier step failed")
    raise SystemExit(1)


def report_exception(kind, value, tb):
    """An error in this script is a failed step too, with its traceback."""
    import traceback
    for line in "".join(traceback.format_exception(kind, value, tb)).splitlines():
        print("# " + line)
    if passed < len(steps):
        print(f"not ok {passed + 1} - {steps[passed]}: {kind.__name__}: {value}")
    sys.stdout.flush()


sys.excepthook = report_exception


def ok(detail=""):
    global passed
    print(f"ok {passed + 1} - {steps[passed]}" + (f" ({detail})" if detail else ""))
    sys.stdout.flush()
    passed += 1


def need(tool, package):
    if shutil.which(tool) is None:
        fail(f"{tool} is missing: install Debian's {package} (see README)")


# The focus, as the accessibility bus reports it.
focused = {"object": None}


def on_focus(event):
    if event.detail1:
        focused["object"] = event.source


def pump():
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def wait_for(what, condition, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        pump()
        try:
            value = condition()
        except Exception:  # an object gone while looking at it
            value = None
        if value:
            return value
        if app_proc.poll() is not None:
            fail(f"Frontline exited ({app_proc.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            describe()
            fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def role(node):
    return node.getRoleName()


def name(node):
    return (node.name or "").strip()


def shown(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_VISIBLE) or states.contains(pyatspi.STATE_SHOWING)


def find_all(node, match, out=None, depth=0):
    """Shown nodes under @node that @match accepts. A list's rows are
    not searched: the ticket list alone has hundreds of nodes."""
    if out is None:
        out = []
    try:
        if depth > 0 and not shown(node):
            return out
        if match(node):
            out.append(node)
        count = node.childCount if role(node) != "list" else 0
    except Exception:
        return out
    if depth < 60:
        for i in range(min(count, 500)):
            try:
                child = node.getChildAtIndex(i)
            except Exception:
                continue
            if child is not None:
                find_all(child, match, out, depth + 1)
    return out


def ancestors(node):
    out = []
    while node is not None:
        out.append(node)
        try:
            node = node.parent
        except Exception:
            break
    return out


def inside_list(node, list_name):
    return any(role(a) == "list" and name(a) == list_name for a in ancestors(node))


def focus():
    node = focused["object"]
    try:
        return node if node is not None and node.getState().contains(pyatspi.STATE_FOCUSED) else None
    except Exception:
        return None


def describe():
    """What the window shows, as TAP comments, for a step that failed."""
    try:
        f = focus()
        print(f"# focus: {role(f)} “{name(f)}”" if f else "# focus: none known")
        app = find_app()
        for node in find_all(app, lambda n: role(n) in ("list", "entry", "text", "dialog", "alert")):
            items = [f"{name(node.getChildAtIndex(i))}{' (selected)' if node.getChildAtIndex(i).getState().contains(pyatspi.STATE_SELECTED) else ''}"
                     for i in range(min(node.childCount, 4))]
            print(f"# {role(node)} “{name(node)}”: {node.childCount} children {items}")
    except Exception as e:
        print(f"# (could not describe the window: {e})")
    if os.environ.get("FL_KBD_SHOT"):
        subprocess.run(["import", "-window", "root", os.environ["FL_KBD_SHOT"]])


def find_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name and "frontline" in app.name.lower() and app.childCount > 0:
            return app
    return None


def xdo(*args):
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        fail(f"xdotool {' '.join(args)}: exit {done.returncode} {done.stderr.strip()}")


def key(*keys):
    # Without --window xdotool goes through XTest: real key events to the
    # window that has the focus, not synthetic ones GTK would ignore.
    xdo("key", "--delay", "60", *keys)


def type_text(text):
    if text.isascii():
        xdo("type", "--delay", "60", text)
        return
    # A letter the keymap lacks is typed by mapping it to a spare keycode
    # for the moment of the key press. GTK must see the new mapping before
    # the key, which a loaded machine can delay: one letter at a time, with
    # time for the mapping to arrive.
    for letter in text:
        xdo("type", "--delay", "150", letter)
        time.sleep(0.15)


def query(sql, *params):
    """A read-only look at the app's store, as another process."""
    db = sqlite3.connect(f"file:{data}/frontline.db?mode=ro", uri=True, timeout=30)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


need("xdotool", "xdotool")
need("setxkbmap", "x11-xkb-utils")

def current_layout():
    out = subprocess.run(["setxkbmap", "-query"], capture_output=True, text=True).stdout
    found = re.search(r"^layout:\s*(\S+)", out, re.M)
    return found.group(1) if found else None


# A key only the layout has, to see in the server's keymap that it took.
LAYOUT_KEYSYMS = {"tr": "idotless", "ir": "Arabic_teh"}


def layout_took():
    out = subprocess.run(["xkbcomp", "-xkb", os.environ["DISPLAY"], "-"],
                         capture_output=True, text=True, timeout=60).stdout
    return re.search(r"\b" + LAYOUT_KEYSYMS[layout] + r"\b", out) is not None


old_layout = None
if layout != "us":
    old_layout = current_layout() or "us"
    # xkbcomp compiles the keymap for setxkbmap: on a loaded machine,
    # give it more than one go.
    for attempt in range(3):
        done = subprocess.run(["setxkbmap", layout], capture_output=True, text=True, timeout=60)
        if done.returncode == 0:
            break
        print(f"# setxkbmap {layout}: exit {done.returncode} {done.stderr.strip()}")
        time.sleep(1)
    else:
        fail(f"setxkbmap {layout} failed: are xkb-data and x11-xkb-utils installed?")
    # An X server that resets when its last client leaves (Xvfb without
    # -noreset) drops the keymap again. Then the run goes on with the US
    # keymap, the other letters bound to spare keycodes by xdotool, and
    # says so.
    if layout_took():
        ok()
    else:
        print(f"ok 1 - {steps[0]} # SKIP setxkbmap left the X server's keymap as it was:"
              " the keys go through its US keymap")
        passed += 1

pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")

with tempfile.TemporaryDirectory() as data:
    env = dict(os.environ, LANGUAGE=lang, LANG="C.UTF-8", GTK_A11Y="atspi", GDK_BACKEND="x11")
    env.pop("NO_AT_BRIDGE", None)
    app_proc = subprocess.Popen([frontline, "--demo", "--data-dir", data], env=env)
    try:
        # 1. The window, its inbox filled and the keyboard in it.
        def window():
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app_proc.pid)],
                                 capture_output=True, text=True)
            return out.stdout.split()[0] if out.returncode == 0 and out.stdout.split() else None

        wid = wait_for("the window", window)
        wait_for("the keyboard focus on the window", lambda: subprocess.run(
            ["xdotool", "windowfocus", "--sync", wid], capture_output=True, timeout=60).returncode == 0)
        app = wait_for("Frontline on the accessibility bus", find_app)
        tickets = _("Tickets")
        wait_for("the inbox's rows", lambda: [n for n in find_all(
            app, lambda n: role(n) == "list" and name(n) == tickets) if n.childCount > 0])
        ok(f"window {wid}")

        # 2. j and k move through the list; the focus follows.
        key(*run["moves"])
        wait_for("the focus on a row of the list",
                       lambda: (f := focus()) is not None and role(f) == "list item"
                       and inside_list(f, tickets) and f)
        ok(" ".join(run["moves"]))

        # 3. Enter opens the ticket: the focus goes into the ticket, whose
        # number the pane's title shows.
        key("Return")
        wait_for("the focus to leave the list", lambda: (f := focus()) is not None
                 and not inside_list(f, tickets))

        def shown_ticket():
            labels = find_all(app, lambda n: role(n) == "label" and re.match(r"#\s*\d+ · ", name(n)))
            return re.match(r"#\s*(\d+)", name(labels[0])).group(1) if labels else None

        remote_id = wait_for("the ticket pane's title", shown_ticket)
        ok(f"ticket #{remote_id}")

        # 4. n: an internal note, the composer takes the focus.
        key(run["note"])
        wait_for("the focus in the composer", lambda: (f := focus()) is not None and role(f) == "text")
        note_button = _("Internal _Note").replace("_", "")
        wait_for("the note mode", lambda: find_all(
            app, lambda n: "button" in role(n) and note_button in name(n).replace("_", "")
            and (n.getState().contains(pyatspi.STATE_PRESSED)
                 or n.getState().contains(pyatspi.STATE_CHECKED))))
        ok()

        # 5. The response search, from the keyboard: the search entry
        # takes the focus.
        if run["open_templates"] == "colons":
            type_text("::")
        else:
            key(run["open_templates"])
        search_name = _("Search canned responses")
        wait_for("the focus in the response search", lambda: (f := focus()) is not None
                 and role(f) == "entry" and name(f) == search_name)
        ok(run["open_templates"])

        # 6. The shortcut finds the response; Enter inserts it. The list
        # filters a moment after typing, so Enter waits for the match.
        names = {n for (n,) in query("SELECT name FROM templates WHERE shortcut = ?", RESPONSE)}
        type_text(run["find"])
        responses = _("Canned responses")

        def first_match():
            lists = find_all(app, lambda n: role(n) == "list" and name(n) == responses)
            if not lists or lists[0].childCount == 0:
                return None
            first = lists[0].getChildAtIndex(0)
            return name(first) in names and first.getState().contains(pyatspi.STATE_SELECTED)

        wait_for(f"“{RESPONSE}” first and selected in the response list", first_match)
        key("Return")
        wait_for("the focus back in the composer", lambda: (f := focus()) is not None
                 and role(f) == "text")
        bodies = [b for (b,) in query("SELECT body FROM templates WHERE shortcut = ?", RESPONSE)]

        def has_response(text):
            # Every stretch of one of its variants between placeholders.
            for body in bodies:
                parts = [p.strip() for p in re.split(r"\{\{.*?\}\}", body)]
                if all(p in text for p in parts if len(p) >= 8):
                    return True
            return False

        # The composer keeps its draft in the store a moment after typing.
        def draft():
            rows = query("SELECT d.ticket_id, d.note, d.text FROM drafts d"
                         " JOIN tickets t ON t.id = d.ticket_id WHERE t.remote_id = ?", remote_id)
            return rows[0] if rows and has_response(rows[0][2]) else None

        ticket_id, draft_note, draft_text = wait_for("the draft with the response", draft)
        if "::" in draft_text:
            fail("the colons that opened the search stayed in the text")
        if not draft_note:
            fail("the draft is not an internal note")
        ok()

        # 7. An @mention: a new line, "@" and part of the name, then the
        # arrows to the teammate and Enter.
        username = run["teammate"]
        teammate = query("SELECT name FROM agents WHERE username = ?", username)[0][0]
        key("ctrl+End", "Return", "Return")
        type_text("@" + run["mention"])
        mention_list = _("Teammates to Mention")

        def candidates():
            lists = find_all(app, lambda n: role(n) == "list" and name(n) == mention_list)
            if not lists:
                return None
            rows = [name(lists[0].getChildAtIndex(i)) for i in range(lists[0].childCount)]
            return rows if teammate in rows else None

        # The draft is saved a moment after typing stops: if the letters
        # did not arrive, say so rather than that the list is wrong.
        typed = "@" + run["mention"]
        wait_for(f"“{typed}” in the draft", lambda: query(
            "SELECT 1 FROM drafts WHERE ticket_id = ? AND instr (text, ?) > 0", ticket_id, typed))
        rows = wait_for(f"{teammate} among the teammates listed", candidates)
        key(*(["Down"] * rows.index(teammate)), "Return")
        type_text(OWN_WORDS)
        wait_for(f"@{username} and the words after it in the draft", lambda: query(
            "SELECT 1 FROM drafts WHERE ticket_id = ? AND instr (text, ?) > 0", ticket_id,
            f"@{username} {OWN_WORDS}"))
        ok(f"{len(rows)} listed for “@{run['mention']}”")

        # 8. Ctrl+Enter sends; the outbox has it, queued or sent.
        key("ctrl+Return")
        wait_for("the note in the outbox", lambda: query(
            "SELECT 1 FROM outbox WHERE ticket_id = ? AND instr (text, ?) > 0", ticket_id, OWN_WORDS))
        ok()

        # 9. Sent, with the response filled in and the mention resolved.
        kind_note, state_sent = 1, 2
        item = wait_for("the note to be sent", lambda: query(
            "SELECT text, mentions FROM outbox WHERE ticket_id = ? AND kind = ? AND state = ?"
            " AND instr (text, ?) > 0", ticket_id, kind_note, state_sent, OWN_WORDS))
        text, mentions = item[0]
        account = query("SELECT a.name FROM accounts a JOIN tickets t ON t.account_id = a.id"
                        " WHERE t.id = ?", ticket_id)[0][0]

        problems = []
        if not has_response(text):
            problems.append("the response's text is not in the note")
        if "{{" in text:
            problems.append("a placeholder was sent unfilled")
        if account not in text:
            problems.append(f"{{{{account.name}}}} was not filled in with “{account}”")
        if f"@{username}" not in text:
            problems.append(f"no @{username} in the note")
        if username not in (mentions or "").split("\n"):
            problems.append(f"the outbox item mentions {mentions!r}, not {username}")
        if not query("SELECT 1 FROM messages WHERE ticket_id = ? AND instr (text, ?) > 0 AND kind = ?",
                     ticket_id, OWN_WORDS, kind_note):
            problems.append("the ticket's conversation has no such note")
        if not query("SELECT 1 FROM mentions m JOIN agents a ON a.id = m.agent_id"
                     " WHERE m.ticket_id = ? AND a.username = ?", ticket_id, username):
            problems.append(f"{username} is not among the ticket's mentions")
        if not query("SELECT 1 FROM ticket_followers f JOIN agents a ON a.id = f.agent_id"
                     " WHERE f.ticket_id = ? AND a.username = ?", ticket_id, username):
            problems.append(f"{username} does not follow the ticket")
        if problems:
            print("# sent text: " + text.replace("\n", "\n# "))
            fail("; ".join(problems))
        ok(f"{len(text)} characters on #{remote_id}, mentioning @{username}")

        # 10. Ctrl+F, from the composer, goes to the ticket search; there
        # Ctrl+A and Ctrl+X select and cut what was typed. The Persian
        # layout has no Latin group for GTK to find these letters in.
        # What is typed next shows that the search entry has the focus
        # (its focus event does not always reach the bus).
        key(run["search"])
        search_tickets = _("Search tickets")
        entry = wait_for("the ticket search", lambda: next(iter(find_all(
            app, lambda n: role(n) == "entry" and name(n) == search_tickets)), None))

        def entry_text():
            text_iface = entry.queryText()
            return text_iface.getText(0, text_iface.characterCount)

        type_text(run["find"])
        wait_for(f"“{run['find']}” in the search", lambda: entry_text() == run["find"])
        key(*run["select_cut"])
        wait_for("the search emptied", lambda: entry_text() == "")
        ok(run["search"] + " " + " ".join(run["select_cut"]))
    finally:
        app_proc.terminate()
        try:
            app_proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app_proc.kill()
            app_proc.wait()
        if old_layout is not None:
            subprocess.run(["setxkbmap", old_layout])
