#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A notification clicked while Frontline is not running starts it, by D-Bus
activation, on the ticket the notification was about.

Usage: check-activation.py FRONTLINE SERVICE_FILE LANGUAGE

The desktop shell sends org.freedesktop.Application.ActivateAction
("open-ticket", [<ticket id>]) to io.github.frontline.Frontline; when no
one owns that name, the bus starts the service's Exec line. This runs a
private session bus whose service folder holds the project's own .service
file (its Exec pointed at the built binary), sends that call exactly as the
shell does, and then reads the real window over AT-SPI (Debian's
python3-pyatspi, so /usr/bin/python3) until the ticket's subject shows.

Prints TAP.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

frontline, service_file, lang = sys.argv[1], sys.argv[2], sys.argv[3]
APP_ID = "io.github.frontline.Frontline"
OBJECT_PATH = "/io/github/frontline/Frontline"
SOLVED = 4  # FL_STATUS_SOLVED

tmp = tempfile.mkdtemp(prefix="fl-activation-")
env = dict(os.environ, LANGUAGE=lang, LANG="C.UTF-8",
           HOME=os.path.join(tmp, "home"),
           XDG_DATA_HOME=os.path.join(tmp, "data"),
           XDG_CONFIG_HOME=os.path.join(tmp, "config"),
           XDG_CACHE_HOME=os.path.join(tmp, "cache"))
# The window must be on the accessibility bus to be read.
env.pop("NO_AT_BRIDGE", None)
for d in ("home", "data", "config", "cache", "services"):
    os.makedirs(os.path.join(tmp, d), exist_ok=True)
data_dir = os.path.join(env["XDG_DATA_HOME"], "frontline")

bus = None
try:
    # 1. The demo workspace in the default data folder, as a first run
    #    leaves it.
    out = subprocess.run([frontline, "--demo", "--data-dir", data_dir, "--print-startup"],
                         env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, f"demo import: exit {out.returncode}\n{out.stderr}"

    # A solved ticket with a subject of its own, of a customer with no
    # open ticket: it is in neither the Inbox the app opens on nor the
    # history of a customer whose ticket is shown, so seeing its subject
    # means the action opened it.
    with sqlite3.connect(f"file:{os.path.join(data_dir, 'frontline.db')}?mode=ro", uri=True) as db:
        row = db.execute(
            "SELECT id, subject FROM tickets WHERE status = ? AND subject IN "
            "(SELECT subject FROM tickets GROUP BY subject HAVING count(*) = 1) "
            "AND customer_id NOT IN (SELECT customer_id FROM tickets "
            "                        WHERE is_open = 1 AND customer_id IS NOT NULL) "
            "ORDER BY id LIMIT 1", (SOLVED,)).fetchone()
    assert row is not None, "no solved ticket in the demo workspace"
    ticket_id, subject = row
    print(f"# ticket {ticket_id}: {subject}")

    # 2. The project's service file, with Exec on the built binary.
    with open(service_file) as f:
        service = f.read()
    assert f"Name={APP_ID}" in service, "the service file names another bus name"
    assert "--gapplication-service" in service, "the service does not start as a service"
    exec_line = f"Exec={frontline} --gapplication-service"
    service = "\n".join(exec_line if line.startswith("Exec=") else line
                        for line in service.splitlines()) + "\n"
    with open(os.path.join(tmp, "services", APP_ID + ".service"), "w") as f:
        f.write(service)

    # A known address, so the service the bus starts talks to this bus and
    # not the session bus the test runs in.
    address = "unix:path=" + os.path.join(tmp, "bus")
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    os.environ.pop("NO_AT_BRIDGE", None)
    config = os.path.join(tmp, "bus.conf")
    with open(config, "w") as f:
        f.write(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>{address}</listen>
  <servicedir>{os.path.join(tmp, "services")}</servicedir>
  <standard_session_servicedirs/>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""")
    bus = subprocess.Popen(["dbus-daemon", "--config-file", config, "--nofork", "--print-address=1"],
                           env=env, stdout=subprocess.PIPE, text=True)
    assert bus.stdout.readline().strip(), "the private bus did not start"

    def gdbus(*args, timeout=60):
        return subprocess.run(["gdbus", "call", "--session", "--timeout", str(timeout)] + list(args),
                              env=env, capture_output=True, text=True, timeout=timeout + 30)

    owner = gdbus("--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                  "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID)
    assert owner.returncode == 0 and "false" in owner.stdout, f"Frontline already running: {owner.stdout}"
    print("ok 1 - Frontline is not running on the bus")

    # 3. What the shell sends when the notification is clicked.
    call = gdbus("--dest", APP_ID, "--object-path", OBJECT_PATH,
                 "--method", "org.freedesktop.Application.ActivateAction",
                 "open-ticket", f"[<int64 {ticket_id}>]", "{}", timeout=120)
    assert call.returncode == 0, f"ActivateAction failed: {call.stderr}"
    print("ok 2 - the bus started Frontline for the action")

    # 4. The window shows that ticket.
    import pyatspi

    def find(node, depth=0):
        if node is None or depth > 80:
            return False
        try:
            if (node.name or "").strip() == subject:
                return True
            return any(find(node.getChildAtIndex(i), depth + 1) for i in range(node.childCount))
        except Exception:
            return False

    deadline = time.time() + 90
    shown = False
    while time.time() < deadline and not shown:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name and "frontline" in app.name.lower() and find(app):
                shown = True
                break
        else:
            time.sleep(1)
    assert shown, f"the window never showed ticket {ticket_id} ({subject})"
    print("ok 3 - the window opened on the notified ticket")

    gdbus("--dest", APP_ID, "--object-path", OBJECT_PATH,
          "--method", "org.freedesktop.Application.ActivateAction", "quit", "[]", "{}", timeout=20)
    print("1..3")
finally:
    if bus is not None:
        bus.terminate()
        try:
            bus.wait(timeout=10)
        except subprocess.TimeoutExpired:
            bus.kill()
    shutil.rmtree(tmp, ignore_errors=True)
