#!/usr/bin/env bash
# rt-server.sh -- throw-away Request Tracker 5 (Debian 12 packages, REST 2.0)
# on 127.0.0.1 for Frontline's integration tests.
#
#   rt-server.sh start WORKDIR [PORT]   new instance in WORKDIR, seeded with seed.pl;
#                                       PORT defaults to a free one in 18000-18999.
#                                       Prints KEY=VALUE lines, also written to WORKDIR/env.
#   rt-server.sh stop WORKDIR           stop the instance started in WORKDIR (by its PID)
#   rt-server.sh bench-db CACHEDIR      build once a DB seeded with seed.pl + seed-bench.pl
#                                       and print its path; serve it with
#                                       RT_DB_TEMPLATE=<that path> rt-server.sh start WORKDIR
#
# Environment:
#   RT_CACHE_DIR      where `start` keeps the pristine seeded DB and its tokens
#                     (default: $XDG_CACHE_HOME/frontline-rt, else ~/.cache/frontline-rt,
#                     else WORKDIR/../rt-cache)
#   RT_DB_TEMPLATE    start from this pristine DB (its tokens file lies next to it)
#                     instead of the seed.pl one
#   RT_START_TIMEOUT  seconds to wait for the server (default 120)
#
# Exit codes: 0 ok, 1 failure, 2 usage, 3 RT packages or tools missing.
# Never run apt-get here; build-aux/dev.sh installs the packages.
set -euo pipefail
shopt -s inherit_errexit   # keep set -e inside $(...)

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCRIPT_PATH=$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")
readonly SCRIPT_DIR SCRIPT_PATH
readonly RT_LIB=/usr/share/request-tracker5/lib
readonly RT_SERVER=/usr/share/request-tracker5/libexec/rt-server
readonly RT_SETUP_DB=/usr/sbin/rt-setup-database-5
readonly RT_PACKAGES="request-tracker5 rt5-db-sqlite rt5-standalone"
readonly ROOT_PASSWORD=rootpass123   # the web UI's root login; tests use tokens
readonly SEED_TICKETS=24             # tickets made by seed.pl
readonly BENCH_TICKETS=1000          # tickets added by seed-bench.pl

log() { printf 'rt-server: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
usage() {
    log "usage: $0 start WORKDIR [PORT] | stop WORKDIR | bench-db CACHEDIR"
    exit 2
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ------------------------------------------------------------------ checks
check_prereqs() {
    local p missing=""
    for p in $RT_PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
            || missing="$missing $p"
    done
    if [ -n "$missing" ] || [ ! -x "$RT_SERVER" ] || [ ! -x "$RT_SETUP_DB" ]; then
        log "error: Request Tracker 5 is not installed (missing:${missing:- $RT_SERVER or $RT_SETUP_DB})."
        log "Install it first, e.g. build-aux/dev.sh, or as root:"
        log "  echo 'request-tracker5 request-tracker5/dbconfig-install boolean false' | debconf-set-selections"
        log "  apt-get install -y --no-install-recommends $RT_PACKAGES rt5-clients"
        exit 3
    fi
    for p in curl perl flock setsid sha256sum; do
        command -v "$p" > /dev/null || { log "error: '$p' not found"; exit 3; }
    done
}

# ------------------------------------------------------------------ instance config
# write_config DIR PORT: RT_SiteConfig.pm for an instance whose DB is DIR/rt.sqlite
write_config() {
    local dir=$1 port=$2
    mkdir -p "$dir/etc/RT_SiteConfig.d" "$dir/mason_data" "$dir/session_data" "$dir/tmp"
    cat > "$dir/etc/RT_SiteConfig.pm" <<EOF
# Frontline test instance, written by tests/integration/rt-server.sh
Set(\$rtname, 'helpdesk.test');
Set(\$Organization, 'helpdesk.test');
Set(\$CorrespondAddress, 'support@helpdesk.test');
Set(\$CommentAddress, 'support-comment@helpdesk.test');
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$dir/rt.sqlite');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $port);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://127.0.0.1:$port');
Set(\$Timezone, 'UTC');
Set(\$LogToSyslog, undef);
Set(\$LogToFile, undef);
Set(\$LogToSTDERR, 'warning');
Set(\$MailCommand, 'testfile');
Set(\$BcryptCost, 4);
Set(\$HTMLFormatter, 'core');
\$RT::MasonDataDir = '$dir/mason_data';
\$RT::MasonSessionDir = '$dir/session_data';
1;
EOF
}

# use_instance DIR: point every RT command run from here on at DIR's config
use_instance() {
    export RT_SITE_CONFIG="$1/etc/RT_SiteConfig.pm"
    export RT_SITE_CONFIG_DIR="$1/etc/RT_SiteConfig.d"   # keeps /etc/request-tracker5/RT_SiteConfig.d out
    export TMPDIR="$1/tmp"                                # MailCommand testfile writes here
}

# ------------------------------------------------------------------ database
# build_db DIR TICKETS SEEDFILE...: fresh DB in DIR/rt.sqlite, seeded, with
# DIR/tokens (RT_*_TOKEN=... lines) and DIR/epoch (when the seed ran)
build_db() {
    local dir=$1 tickets=$2 seed t0
    shift 2
    write_config "$dir" 18000
    use_instance "$dir"
    : > "$dir/setup.log"
    t0=$(now)
    "$RT_SETUP_DB" --action init --skip-create --root-password-file <(printf '%s\n' "$ROOT_PASSWORD") \
        >> "$dir/setup.log" 2>&1 || { cat "$dir/setup.log" >&2; die "rt-setup-database --action init failed"; }
    log "database initialised in $(since "$t0")s"
    for seed in "$@"; do
        t0=$(now)
        "$RT_SETUP_DB" --action insert --skip-create --datafile "$seed" >> "$dir/setup.log" 2>&1 \
            || { cat "$dir/setup.log" >&2; die "seeding with $seed failed"; }
        # a failing @Final sub is only logged by RT, so look for errors
        if grep -Eq '\[(error|critical|alert|emergency)\]' "$dir/setup.log"; then
            grep -E '\[(error|critical|alert|emergency)\]' "$dir/setup.log" >&2
            die "seeding with $seed reported errors"
        fi
        log "seeded with $(basename "$seed") in $(since "$t0")s"
    done
    t0=$(now)
    (
        umask 077
        perl -I"$RT_LIB" -MRT -e '
            RT::LoadConfig(); RT->Config->Set(LogToSTDERR => "error"); RT::Init();
            my $want = shift;
            my $tickets = RT::Tickets->new(RT->SystemUser);
            $tickets->FromSQL("id > 0");
            die "expected $want tickets, found " . $tickets->Count . "\n" unless $tickets->Count == $want;
            for my $pair ([RT_ROOT_TOKEN => "root"], [RT_AGENT1_TOKEN => "agent1"], [RT_AGENT2_TOKEN => "agent2"]) {
                my ($key, $name) = @$pair;
                my $u = RT::User->new(RT->SystemUser);
                $u->Load($name);
                die "no user $name\n" unless $u->Id;
                my ($id, $msg, $auth) = RT::AuthToken->new(RT->SystemUser)
                    ->Create(Owner => $u->Id, Description => "Frontline integration tests");
                die "token for $name: $msg\n" unless $id;
                print "$key=$auth\n";
            }' "$tickets" > "$dir/tokens" 2>> "$dir/setup.log"
    ) || { cat "$dir/setup.log" >&2; die "checking the seed or creating tokens failed"; }
    date +%s > "$dir/epoch"
    log "tokens created in $(since "$t0")s"
}

# cached_db CACHEDIR KIND TICKETS SEEDFILE...: path of the pristine DB for these
# seed files, built under a lock if it is not in CACHEDIR yet
cached_db() {
    local cache=$1 kind=$2 tickets=$3 key entry build t0
    shift 3
    mkdir -p "$cache"
    cache=$(cd "$cache" && pwd)
    # anything that changes the DB changes the key: RT's version, this script, the seeds
    key=$( { dpkg-query -W -f='${Version}\n' request-tracker5; cat "$SCRIPT_PATH" "$@"; } \
        | sha256sum | cut -c1-16)
    entry="$cache/$kind-$key"
    if [ ! -f "$entry/rt.sqlite" ]; then
        {
            flock 9
            if [ ! -f "$entry/rt.sqlite" ]; then
                log "building the $kind database in $entry (once)"
                t0=$(now)
                build=$(mktemp -d "$cache/.build-$kind.XXXXXX")
                trap 'rm -rf "$build"' EXIT
                build_db "$build" "$tickets" "$@"
                trap - EXIT
                rm -rf "${build:?}/etc" "${build:?}/mason_data" "${build:?}/session_data" "${build:?}/tmp"
                rm -rf "$entry"   # a partial entry left by hand
                mv -T "$build" "$entry"
                log "$kind database built in $(since "$t0")s"
            fi
        } 9> "$cache/.lock-$kind"
    fi
    printf '%s\n' "$entry/rt.sqlite"
}

# rebase_dates DB SECONDS: move every date in the DB forward, so a copy of a
# cached DB looks as if it had been seeded just now (ticket ages stay fixed)
rebase_dates() {
    [ "$2" -gt 0 ] || return 0
    perl -MDBI -e '
        my ($db, $delta) = @ARGV;
        my $dbh = DBI->connect("dbi:SQLite:dbname=$db", "", "", { RaiseError => 1, AutoCommit => 0 });
        my $cols = qr/^(Created|LastUpdated|Started|Resolved|Told|Due|Starts|LastUsed)$/;
        for my $t (@{ $dbh->selectcol_arrayref(q{SELECT name FROM sqlite_master WHERE type = ?}, undef, "table") }) {
            for my $c (grep { $_ =~ $cols } map { $_->[1] } @{ $dbh->selectall_arrayref(qq{PRAGMA table_info("$t")}) }) {
                $dbh->do(qq{UPDATE "$t" SET "$c" = datetime("$c", ?) WHERE "$c" > ?},
                    undef, "+$delta seconds", "1970-01-02");
            }
        }
        $dbh->commit;
        $dbh->disconnect;' "$1" "$2"
}

# ------------------------------------------------------------------ ports and processes
port_is_free() {
    perl -MIO::Socket::INET -e '
        exit(IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $ARGV[0],
            Proto => "tcp", Listen => 1, ReuseAddr => 1) ? 0 : 1)' "$1"
}

pick_port() {
    local i port start=$(( RANDOM % 1000 ))
    for i in $(seq 0 999); do
        port=$(( 18000 + (start + i) % 1000 ))
        if port_is_free "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    die "no free port in 18000-18999"
}

# owns_port PID PORT: PID holds the listening socket on 127.0.0.1:PORT
owns_port() {
    local inode fd
    inode=$(awk -v a="$(printf '0100007F:%04X' "$2")" '$2 == a && $4 == "0A" { print $10; exit }' /proc/net/tcp)
    [ -n "$inode" ] || return 1
    for fd in /proc/"$1"/fd/*; do
        [ "$(readlink "$fd" 2>/dev/null)" = "socket:[$inode]" ] && return 0
    done
    return 1
}

# is_our_server PID: PID is alive and is an rt-server (guards against PID reuse)
is_our_server() {
    local -a argv
    kill -0 "$1" 2>/dev/null || return 1
    mapfile -d '' argv < "/proc/$1/cmdline" 2>/dev/null || return 1
    [[ " ${argv[*]} " == *'/libexec/rt-server '* ]]
}

# group_members PGID: the rt-server processes still in that process group
group_members() {
    local p
    for p in $(pgrep -g "$1" 2>/dev/null || true); do
        if is_our_server "$p"; then printf '%s\n' "$p"; fi
    done
}

stop_server() {
    local dir=$1 pid left end
    if [ ! -f "$dir/server.pid" ]; then
        log "no server running in $dir"
        return 0
    fi
    pid=$(cat "$dir/server.pid")
    case $pid in '' | *[!0-9]*) rm -f "$dir/server.pid"; die "bad pid file $dir/server.pid";; esac
    if is_our_server "$pid"; then
        # never SIGINT: rt-server's INT handler chowns /var/lib/request-tracker5 when root.
        # On TERM the Starlet master stops its workers and exits; wait for all of them.
        kill -TERM "$pid" 2>/dev/null || true
        end=$(( SECONDS + 20 ))
        while [ -n "$(group_members "$pid")" ] && [ "$SECONDS" -lt "$end" ]; do
            sleep 0.1
        done
    fi
    # leftovers of that process group (rt-server was started by setsid, so PGID = PID)
    left=$(group_members "$pid")
    if [ -n "$left" ]; then
        log "killing what is left of process group $pid: ${left//$'\n'/ }"
        # shellcheck disable=SC2086  # one PID per word
        kill -KILL $left 2>/dev/null || true
        end=$(( SECONDS + 5 ))
        while [ -n "$(group_members "$pid")" ] && [ "$SECONDS" -lt "$end" ]; do
            sleep 0.1
        done
    fi
    # exited processes stay zombies until init reaps them; give it a moment so
    # that nothing of ours shows up in ps (waiting only, never killing here)
    end=$(( SECONDS + 5 ))
    while pgrep -g "$pid" > /dev/null 2>&1 && [ "$SECONDS" -lt "$end" ]; do
        sleep 0.1
    done
    rm -f "$dir/server.pid"
    log "stopped server $pid"
}

# launch DIR PORT: start rt-server for DIR in its own session; prints its PID
launch() {
    local dir=$1 port=$2 i
    rm -f "$dir/server.pid"
    # the inner shell records its own PID (setsid may fork), closes every inherited
    # descriptor above 2 (a test harness' pipes must not be held open) and execs
    # shellcheck disable=SC2016  # expanded by the inner shell
    setsid bash -c '
        pidfile=$1; shift
        for fd in /proc/$$/fd/*; do   # no redirection here: it would use a high fd
            n=${fd##*/}
            if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi
        done
        echo $$ > "$pidfile"
        exec "$@"' rt-server-launch "$dir/server.pid" \
        "$RT_SERVER" --host 127.0.0.1 --port "$port" --max-workers 2 --max-reqs-per-child 100000 \
        > "$dir/server.log" 2>&1 < /dev/null &
    for i in $(seq 1 100); do
        [ -s "$dir/server.pid" ] && break
        sleep 0.05
    done
    [ -s "$dir/server.pid" ] || die "rt-server did not start"
    cat "$dir/server.pid"
}

# rt_answers URL TOKEN: GET /REST/2.0/rt with the token gives 200 and RT's version
rt_answers() {
    local body
    # the header comes from stdin so the token shows up neither in ps nor in logs
    body=$(printf 'Authorization: token %s\n' "$2" \
        | curl -fsS --max-time 10 -H @- "$1/REST/2.0/rt" 2>/dev/null) || return 1
    case $body in *'"Version"'*) return 0;; esac
    return 1
}

# ------------------------------------------------------------------ commands
cmd_start() {
    local dir=$1 want_port=${2:-} port template tokens epoch pid t_all t0 deadline
    local timeout=${RT_START_TIMEOUT:-120}
    t_all=$(now)
    check_prereqs
    if [ -n "$want_port" ]; then
        case $want_port in *[!0-9]*) usage;; esac
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    rm -f "$dir/env"
    if [ -f "$dir/server.pid" ] && is_our_server "$(cat "$dir/server.pid")"; then
        die "a server from $dir is running (pid $(cat "$dir/server.pid")); stop it first"
    fi

    if [ -n "${RT_DB_TEMPLATE:-}" ]; then
        template=$RT_DB_TEMPLATE
        [ -f "$template" ] || die "RT_DB_TEMPLATE=$template does not exist"
    else
        local cache=${RT_CACHE_DIR:-}
        if [ -z "$cache" ]; then
            if [ -n "${XDG_CACHE_HOME:-}" ]; then cache=$XDG_CACHE_HOME/frontline-rt
            elif [ -n "${HOME:-}" ] && [ -d "$HOME" ]; then cache=$HOME/.cache/frontline-rt
            else cache=$dir/../rt-cache
            fi
        fi
        template=$(cached_db "$cache" seed "$SEED_TICKETS" "$SCRIPT_DIR/seed.pl")
    fi
    tokens=$(dirname "$template")/tokens
    epoch=$(cat "$(dirname "$template")/epoch" 2>/dev/null || date +%s)
    [ -s "$tokens" ] || die "no tokens file next to $template"

    # the template is never served or written after it was built, so cp is safe
    t0=$(now)
    rm -f "$dir/rt.sqlite" "$dir/rt.sqlite-journal" "$dir/rt.sqlite-wal" "$dir/rt.sqlite-shm"
    cp "$template" "$dir/rt.sqlite"
    rebase_dates "$dir/rt.sqlite" "$(( $(date +%s) - epoch ))"
    log "database copied in $(since "$t0")s"

    local ROOT_TOKEN AGENT1_TOKEN AGENT2_TOKEN
    ROOT_TOKEN=$(sed -n 's/^RT_ROOT_TOKEN=//p' "$tokens")
    AGENT1_TOKEN=$(sed -n 's/^RT_AGENT1_TOKEN=//p' "$tokens")
    AGENT2_TOKEN=$(sed -n 's/^RT_AGENT2_TOKEN=//p' "$tokens")
    if [ -z "$ROOT_TOKEN" ] || [ -z "$AGENT1_TOKEN" ] || [ -z "$AGENT2_TOKEN" ]; then
        die "bad tokens file $tokens"
    fi

    for _ in 1 2 3 4 5; do
        port=${want_port:-$(pick_port)}
        write_config "$dir" "$port"
        use_instance "$dir"
        t0=$(now)
        pid=$(cd "$dir" && launch "$dir" "$port")
        deadline=$(( $(date +%s) + timeout ))
        while :; do
            if ! kill -0 "$pid" 2>/dev/null; then
                break
            fi
            # only trust an answer once our own process holds the port
            if owns_port "$pid" "$port" && rt_answers "http://127.0.0.1:$port" "$ROOT_TOKEN"; then
                break
            fi
            if [ "$(date +%s)" -ge "$deadline" ]; then
                stop_server "$dir"
                die "rt-server gave no answer within ${timeout}s (see $dir/server.log)"
            fi
            sleep 0.2
        done
        kill -0 "$pid" 2>/dev/null && break
        rm -f "$dir/server.pid"
        if [ -z "$want_port" ] && grep -q "couldn't start up a web server" "$dir/server.log"; then
            log "port $port was taken, trying another"
            continue
        fi
        cat "$dir/server.log" >&2
        die "rt-server exited (see $dir/server.log)"
    done
    kill -0 "$pid" 2>/dev/null || die "could not find a free port for rt-server"
    log "server pid $pid answered on port $port after $(since "$t0")s"

    local url="http://127.0.0.1:$port"
    (
        umask 077
        cat > "$dir/env.tmp" <<EOF
RT_URL=$url
RT_REST=$url/REST/2.0
RT_ROOT_TOKEN=$ROOT_TOKEN
RT_AGENT1_TOKEN=$AGENT1_TOKEN
RT_AGENT2_TOKEN=$AGENT2_TOKEN
RT_PID=$pid
RT_DIR=$dir
EOF
    )
    mv -f "$dir/env.tmp" "$dir/env"
    cat "$dir/env"
    log "started in $(since "$t_all")s"
}

cmd_stop() {
    local dir=$1
    [ -d "$dir" ] || die "no directory $dir"
    stop_server "$(cd "$dir" && pwd)"
}

cmd_bench_db() {
    local cache=$1 t0
    t0=$(now)
    check_prereqs
    cached_db "$cache" bench "$(( SEED_TICKETS + BENCH_TICKETS ))" \
        "$SCRIPT_DIR/seed.pl" "$SCRIPT_DIR/seed-bench.pl"
    log "bench-db took $(since "$t0")s"
}

case ${1:-} in
    start)    { [ $# -eq 2 ] || [ $# -eq 3 ]; } || usage; cmd_start "$2" "${3:-}";;
    stop)     [ $# -eq 2 ] || usage; cmd_stop "$2";;
    bench-db) [ $# -eq 2 ] || usage; cmd_bench_db "$2";;
    *)        usage;;
esac
