#!/bin/sh
# run-signals.sh: SIGTERM, SIGHUP and Ctrl-C (SIGINT) sent to a running
# scalex: in batch mode (-c, a script, --replay) the command running stops
# within seconds, nothing after it runs (a script's 'save' is not reached)
# and the exit status is 128+signal; in the console and the TUI (driven in
# a private tmux server) SIGTERM ends the session with an autosave and
# 128+15, and Ctrl-C during a grid of starts cancels that fit alone, not
# the next command. TAP output. The work interrupted would take a minute
# or more; the bound on stopping is 5 s, waits on the screen up to 60 s.
set -u
here=$(cd "$(dirname "$0")" && pwd)
builddir=${SX_BUILDDIR:-$(pwd)}
sx="$builddir/scalex"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-signals.XXXXXX")
sock="scalex-signals-$$-0"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$scratch"' EXIT INT TERM
starts=0
cd "$scratch" || exit 1
# Minutes of work each: 90,000 grid starts, a million bootstrap refits.
GRID='--starts E=1:2:0.01,alpha=0.2:0.5:0.01,beta=0.2:0.5:0.01'
BOOT='--loss huber:1e-3 --bootstrap 1000000 --seed 1'

. "${SX_SRCDIR:-$here/../..}/tests/tap.sh"
now() { date +%s; }

# batch SIG ARGS...: run scalex ARGS in the background, send SIG once it
# has been working for a second, and set rc (exit status) and took
# (seconds from the signal to the exit; 99 when it had to be killed).
batch() {
	sig=$1
	shift
	"$sx" "$@" >out 2>err &
	pid=$!
	sleep 1
	kill -"$sig" "$pid"
	t0=$(now)
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid"
		wait "$pid"
		rc=$?
		took=99
		return
	fi
	wait "$pid"
	rc=$?
	took=$(($(now) - t0))
}

echo "1..11"

batch TERM -c "demo chinchilla as d; fit chinchilla d $BOOT; save saved.sx"
[ "$rc" = 143 ] && [ "$took" -le 5 ] && [ ! -e saved.sx ] &&
    grep -q "stopped by SIGTERM during 'fit'" err
ok $? "-c: SIGTERM stops a bootstrap, skips the save, exits 143 (rc $rc, ${took}s)"

printf 'demo chinchilla as d\nfit chinchilla d %s\nsave saved.sx\n' "$GRID" >grid.sx
batch HUP grid.sx
[ "$rc" = 129 ] && [ "$took" -le 5 ] && [ ! -e saved.sx ]
ok $? "script: SIGHUP stops a grid of starts, skips the save, exits 129 (rc $rc, ${took}s)"

batch INT grid.sx
[ "$rc" = 130 ] && [ "$took" -le 5 ] && [ ! -e saved.sx ] &&
    grep -q "fit cancelled" err
ok $? "script: Ctrl-C stops a grid of starts, exits 130 (rc $rc, ${took}s)"

printf '# scalex session, format 1\ndemo chinchilla as d --seed 1\nfit chinchilla d as f %s\nsave saved.sx\n' "$BOOT" >long.sx
batch TERM --replay long.sx
[ "$rc" = 143 ] && [ "$took" -le 5 ] && [ ! -e saved.sx ]
ok $? "--replay: SIGTERM stops it before its save, exits 143 (rc $rc, ${took}s)"

# A signal between two commands: the first runs to its end, none after.
printf 'demo chinchilla as d\nsource slow.sx\nsave saved.sx\n' >outer.sx
printf 'fit chinchilla d %s\n' "$BOOT" >slow.sx
batch TERM outer.sx
[ "$rc" = 143 ] && [ "$took" -le 5 ] && [ ! -e saved.sx ] &&
    [ "$(grep -c 'stopped by SIGTERM' err)" = 1 ]
ok $? "a nested script stops, and so does the one that sourced it (rc $rc, ${took}s)"

batch TERM -c "grid load foraging; transfer 1,0 --samples 10000000 --points 1; save saved.sx"
[ "$rc" = 143 ] && [ "$took" -le 5 ] && [ ! -e saved.sx ]
ok $? "-c: SIGTERM stops a long stretch of transfer's learning (rc $rc, ${took}s)"

if ! command -v tmux >/dev/null 2>&1; then
	for t in 7 8 9 10 11; do echo "ok $t # SKIP tmux is not installed"; done
	exit $((fails > 0))
fi
mkdir -p home state
screen() { tmux -L "$sock" capture-pane -p -t sx 2>/dev/null; }
wait_for() {
	i=0
	while [ $i -lt 600 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "# timed out waiting for: $1"
	screen | sed 's/^/# | /'
	return 1
}
keys() { tmux -L "$sock" send-keys -t sx "$@" 2>/dev/null; }
# start ARGS: scalex ARGS in a fresh tmux server; pid is scalex's.
start() {
	tmux -L "$sock" kill-server 2>/dev/null
	starts=$((starts + 1))
	sock="scalex-signals-$$-$starts"
	tmux -L "$sock" -f /dev/null new-session -d -s sx -x 100 -y 30 \
	    "cd '$scratch' && env HOME='$scratch/home' XDG_STATE_HOME='$scratch/state' \
	    LANG=C.UTF-8 TERM=xterm '$sx' $*; echo SCALEX-EXITED-\$?; sleep 600"
	i=0
	pid=
	while [ -z "$pid" ] && [ $i -lt 100 ]; do
		sleep 0.1
		shell=$(tmux -L "$sock" display -p -t sx '#{pane_pid}' 2>/dev/null)
		pid=$(ps -o pid= --ppid "$shell" 2>/dev/null | tr -d ' ')
		i=$((i + 1))
	done
}
autosaves() { ls state/scalex 2>/dev/null | grep -c '^autosave-.*\.sx$'; }

start --repl
wait_for "scalex>"
keys "demo chinchilla as d" Enter
wait_for "81 rows"
keys "fit chinchilla d as g $GRID" Enter
sleep 1
t0=$(now)
keys C-c
wait_for "fit cancelled"; r=$?
[ $(($(now) - t0)) -le 5 ] || r=1
ok $r "console: Ctrl-C stops a grid of starts within 5 s"
keys "fit chinchilla d as f" Enter
wait_for "fit f: chinchilla"; r=$?
screen | grep -q "cancelled.*fit chinchilla d as f" && r=1
ok $r "console: the command after a Ctrl-C is not cancelled"
keys "fit chinchilla d as b $BOOT" Enter
sleep 1
t0=$(now)
kill -TERM "$pid"
wait_for "SCALEX-EXITED-143"; r=$?
[ $(($(now) - t0)) -le 5 ] || r=1
ok $r "console: SIGTERM during a bootstrap exits 143 within 5 s"
[ "$(autosaves)" = 1 ] && grep -q "fit chinchilla d as f" state/scalex/autosave-*.sx
ok $? "console: SIGTERM autosaves the session"

rm -rf state/scalex
printf '# scalex session, format 1\ndemo chinchilla as d --seed 1\nfit chinchilla d as f\n' >short.sx
start --tui --replay short.sx
wait_for "chinchilla"
sleep 1
kill -TERM "$pid"
wait_for "SCALEX-EXITED-143"; r=$?
[ "$(autosaves)" = 1 ] && grep -q "fit chinchilla d as f" state/scalex/autosave-*.sx || r=1
ok $r "TUI: SIGTERM autosaves and exits 143"
exit $((fails > 0))
