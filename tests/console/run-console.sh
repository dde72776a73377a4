#!/bin/sh
# run-console.sh: the readline console (scalex --repl) driven as a person
# would, in a private tmux server: completion of commands, names and paths,
# history across restarts, Ctrl-C on a line and during a long bootstrap,
# here-documents typed line by line, Ctrl-D. TAP output. Each step waits for what the screen should show
# (polling capture-pane, up to a generous limit), never a fixed sleep.
set -u
builddir=${SX_BUILDDIR:-$(pwd)}
shared=${SX_SHARED_DATA:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/data}
if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-console.XXXXXX")
sock="scalex-console-$$-1"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/home" "$scratch/data"
printf 'N,L\n1e6,4.1\n1e7,3.5\n1e8,3.0\n' > "$scratch/data/runs-small.csv"

n=0
fails=0
ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else
		echo "not ok $n - $2"; fails=$((fails + 1)); fi
}
screen() { tmux -L "$sock" capture-pane -p -t sx 2>/dev/null; }
# wait_for TEXT: poll the screen until it shows TEXT (60 s at most).
wait_for() {
	i=0
	while [ $i -lt 600 ]; do
		screen | grep -qF -- "$1" && return 0
		tmux -L "$sock" has-session -t sx 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	echo "# timed out waiting for: $1"
	screen | sed 's/^/# | /'
	return 1
}
keys() { tmux -L "$sock" send-keys -t sx "$@" 2>/dev/null; }
start() {
	tmux -L "$sock" -f /dev/null new-session -d -s sx -x 100 -y 30 \
	    "cd '$scratch/data' && env HOME='$scratch/home' XDG_STATE_HOME='$scratch/state' XDG_CONFIG_HOME='$scratch/config' \
	    SX_SHARED_DATA='$shared' LANG=C.UTF-8 TERM=xterm '$builddir/scalex' --repl; \
	    echo CONSOLE-EXITED-\$?; sleep 600"
	wait_for "scalex>"
}

echo "1..11"
start
# Completion: a command name, a demo name, a dataset name, an option value.
keys 'dem' Tab; keys ' chin' Tab; keys Enter
wait_for "81 rows of demo 'chinchilla'"; ok $? "Tab completes a command and a demo name"
keys 'data show chi' Tab; keys ' --ro' Tab; keys '2' Enter
wait_for "(2 of 81 rows"; ok $? "Tab completes a dataset name and an option"
keys 'load runs-s' Tab; keys Enter
wait_for "runs_small: 3 rows"; ok $? "Tab completes a file path after load"
# Ctrl-C on a half-typed line drops it and gives a fresh prompt.
keys 'data show nosuch_dataset_typed'; keys C-c; keys 'data list' Enter
wait_for "runs_small"; r=$?
screen | grep -q "no dataset 'nosuch_dataset_typed'" && r=1
ok $r "Ctrl-C abandons the line being typed"
# A here-document typed line by line: "> " prompts until its terminator,
# then the command runs; Ctrl-C drops one half typed.
keys 'load - as typed <<CSV' Enter 'N,L' Enter '1e6,4.0' Enter '1e7,3.4' Enter 'CSV' Enter
wait_for "typed: 2 rows"; ok $? "a here-document is typed line by line"
# (Its lines differ from the last test's, which are still on the screen.)
keys 'load - as gone <<CSV' Enter 'N,L' Enter '5e6,3.3' Enter
wait_for "> 5e6,3.3"; r=$?
keys C-c
keys 'data show gone' Enter
wait_for "no dataset 'gone'" || r=1
ok $r "Ctrl-C abandons a here-document being typed"
# Ctrl-C during a long bootstrap: the command stops, the workspace is as
# it was (no fit 'b'), and the console goes on.
keys "load $shared/chinchilla_epoch.csv as ep; rename ep 'Model Size' N; rename ep 'Training FLOP' C; rename ep loss L; derive ep D = C/(6*N)" Enter
wait_for "new column D"
keys 'fit chinchilla ep as b --loss huber:1e-3 --bootstrap 1000000 --seed 1' Enter
wait_for "bootstrap ["; r=$?
keys C-c
wait_for "cancelled" || r=1
keys 'fits' Enter
wait_for "no fits yet" || r=1
ok $r "Ctrl-C cancels a long bootstrap and leaves the workspace as it was"
# Ctrl-D quits, autosaving; the console's exit status is 0.
keys C-d
wait_for "CONSOLE-EXITED-0"; ok $? "Ctrl-D quits the console"
[ "$(ls "$scratch/state/scalex" | grep -c '^autosave-.*\.sx$')" = 1 ] &&
    grep -q "demo chinchilla" "$scratch/state/scalex"/autosave-*.sx
ok $? "quitting autosaves the session to a file of its own"
# History is kept across restarts (Up recalls the last line of the last run).
tmux -L "$sock" kill-server 2>/dev/null
sock="scalex-console-$$-2"
start
wait_for "autosaved"; r=$?
keys Up
wait_for "scalex> fits" || r=1
ok $r "history survives a restart; the next start mentions the autosave"
# 'fits' again right after 'fits' is not stored twice: two Ups reach the
# bootstrap line of the previous run.
keys C-u 'fits' Enter
wait_for "no fits yet"
keys Up Up
wait_for "scalex> fit chinchilla ep as b"
ok $? "history keeps no consecutive duplicates"
# Quit before the trap removes the scratch folder the autosave goes to.
keys C-u C-d
wait_for "CONSOLE-EXITED" >/dev/null
exit 0
