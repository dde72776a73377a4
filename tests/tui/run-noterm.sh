#!/bin/sh
# run-noterm.sh: scalex where the full-screen front end cannot run. With
# TERM unset, unknown or dumb on a terminal (a private tmux server) it
# says what is wrong and opens the line console instead, after the same
# start-up script; --tui without a terminal (</dev/null) is refused at
# once, not left waiting for keys. TAP; the tmux tests skip without tmux.
set -u
srcdir=${SX_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${SX_BUILDDIR:-$srcdir}
scalex=$builddir/scalex
sock=scalex-noterm-$$
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-noterm.XXXXXX")
T="tmux -L $sock -f /dev/null"
trap '$T kill-server >/dev/null 2>&1; rm -rf "$scratch"' EXIT INT TERM
printf 'N,L\n1e6,4.1\n1e7,3.5\n1e8,3.0\n' > "$scratch/runs.csv"

n=0
ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
echo "1..7"

# --tui reading /dev/null: refused with a reason, exit 2, within seconds
# (not a loop waiting for keys from a file at its end).
(cd "$scratch" && HOME="$scratch" XDG_STATE_HOME="$scratch/state" XDG_CONFIG_HOME="$scratch/config" \
    TERM=xterm timeout 20 "$scalex" --tui runs.csv < /dev/null \
    > "$scratch/out" 2> "$scratch/err")
rc=$?
[ $rc = 2 ] && grep -q "^scalex: --tui needs a terminal: standard input is not a terminal" \
    "$scratch/err"
r=$?
[ $r = 0 ] || { echo "# exit $rc"; sed 's/^/# /' "$scratch/err" | head -n 5; }
ok $r "--tui </dev/null is refused with a reason (exit 2)"

if ! command -v tmux >/dev/null 2>&1; then
	for i in 2 3 4 5 6 7; do echo "ok $i # SKIP tmux is not installed"; done
	exit 0
fi
screen() { $T capture-pane -p -J -S - -t 0 2>/dev/null; }
wait_for() {
	k=0
	while [ $k -lt 200 ]; do
		screen | grep -F -q -- "$1" && return 0
		sleep 0.05
		k=$((k + 1))
	done
	echo "# no '$1' on screen:"
	screen | grep -v "^$" | sed "s/^/# | /" | tail -n 15
	return 1
}
# start ENV...: scalex runs.csv on a terminal under env ENV (env -u TERM
# for none), in a fresh server.
starts=0
start() {
	$T kill-server >/dev/null 2>&1
	starts=$((starts + 1))
	T="tmux -L $sock-$starts -f /dev/null"
	$T new-session -d -x 100 -y 30 -c "$scratch" \
	    "env $* LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME='$scratch' \
	    XDG_STATE_HOME='$scratch/state' XDG_CONFIG_HOME='$scratch/config' '$scalex' runs.csv; \
	    echo SCALEX-EXITED rc=\$?; sleep 60"
}
# console WHY: the reason on screen, then the CSV loaded and described by
# the start-up script, a console prompt that runs a command, quit exits 0.
console() {
	wait_for "scalex: no full-screen front end: $1; the line console instead" &&
	    wait_for "runs: 3 rows" && wait_for "scalex[runs]>" || return 1
	$T send-keys -t 0 'data list' Enter
	wait_for "runs.csv" || return 1
	$T send-keys -t 0 'quit' Enter
	wait_for "SCALEX-EXITED rc=0"
}

start -u TERM
console "TERM is not set"
ok $? "TERM unset: says so and opens the console"
start TERM=no-such-terminal-type
console "TERM=no-such-terminal-type is not a terminal type known here (no terminfo entry)"
ok $? "TERM unknown: says so and opens the console"
start TERM=dumb
console "TERM=dumb cannot move the cursor"
ok $? "TERM=dumb: says so and opens the console, no broken screen"
# A TERM with control bytes in it is shown escaped.
start "TERM='$(printf 'x\033]0;t\007')'"
console 'TERM=x\x1b]0;t\x07 is not a terminal type known here (no terminfo entry)'
ok $? "a TERM with control bytes is shown escaped"
# The demo (no file) in the console too: its fits are there to use.
$T kill-server >/dev/null 2>&1
starts=$((starts + 1))
T="tmux -L $sock-$starts -f /dev/null"
$T new-session -d -x 100 -y 30 -c "$scratch" \
    "env -u TERM LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME='$scratch' \
    XDG_STATE_HOME='$scratch/state' XDG_CONFIG_HOME='$scratch/config' SX_SHARED_DATA='${SX_SHARED_DATA:-}' \
    '$scalex'; echo SCALEX-EXITED rc=\$?; sleep 60"
wait_for "scalex[lc]>" && $T send-keys -t 0 'fits' Enter && wait_for "lc " &&
    $T send-keys -t 0 C-d && wait_for "SCALEX-EXITED rc=0"
ok $? "TERM unset, no file: the demo, then the console with its fits"
# With a usable TERM the front end still opens.
start TERM=xterm-256color
wait_for "7 Console" && $T send-keys -t 0 q y && wait_for "SCALEX-EXITED rc=0"
ok $? "TERM=xterm-256color: the full-screen front end as before"
exit 0
