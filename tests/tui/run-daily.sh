#!/bin/sh
# run-daily.sh: the TUI's daily-use conventions (issue 20) through a
# private tmux server, as TAP, at 80x24 and 120x40: scalex FILE.csv names
# the dataset after the file, the Fit pane's hint names a dataset there is,
# the quit question says what y and n do and where the autosave goes, and
# Ctrl-R searches the console's history.
# The helpers are tmux-lib.sh's; skipped without tmux.
set -u
tmux_name=daily
. "$(dirname "$0")/tmux-lib.sh"
plan 22
printf 'N,D,L\n1e6,2e7,4.1\n1e7,2e8,3.5\n1e8,2e9,3.0\n1e9,2e10,2.7\n' \
    > "$scratch/sweep.csv"

# check_not NAME TEXT: TEXT is not on the screen (after a check showed it
# is drawn).
check_not() {
	n=$((n + 1))
	if screen | grep -F -q -- "$2"; then
		echo "not ok $n - $1 ('$2' on screen)"
		screen | sed 's/^/# /'
	else
		echo "ok $n - $1"
	fi
}

for size in "80 24" "120 40"; do
	set -- $size
	sz=${1}x$2
	start $1 $2 sweep.csv
	wait_for "scalex>" && keys 1
	check "$sz scalex sweep.csv names the dataset sweep" "Data: sweep"
	keys 2
	check "$sz the Fit pane's hint fits the dataset there is" \
	    "fit chinchilla sweep as ch"
	check_not "$sz no dataset 'data' or 'runs' is offered" "chinchilla runs"
	# One command typed (with the load, 2 unsaved), then q: the question.
	keys : "derive sweep C = 6*N*D" Enter Escape
	check "$sz the command ran" "derive sweep C"
	keys q
	if [ "$1" = 120 ]; then
		check "$sz q says y quits and where the autosave goes" \
		    "y: quit, autosaving the 2 unsaved commands to ~/state/scalex/"
	else
		check "$sz q says what y and n do, uncut" "n: stay"
	fi
	keys y
	check "$sz y quits" "SCALEX-EXITED rc=0"
	n=$((n + 1))
	if ls "$scratch"/state/scalex/autosave-*.sx >/dev/null 2>&1; then
		echo "ok $n - $sz the autosave is where the question said"
	else
		echo "not ok $n - $sz no autosave in ~/state/scalex/"
	fi
done

# Ctrl-R in the console pane searches the history as readline does, its
# prompt shown; Enter runs the line found.
for size in "80 24" "120 40"; do
	set -- $size
	sz=${1}x$2
	start $1 $2
	wait_for "scalex>" || true
	keys : models Enter
	check "$sz models ran" "L(t) = y0 * 2^((t - t0)/T)"
	# presets' long list pushes the models off the console.
	keys presets Enter
	wait_for "dorner2021" || true
	check_not "$sz the models are off the screen" "L(t) = y0 * 2^((t - t0)/T)"
	keys C-r mod
	check "$sz Ctrl-R shows the search and the line found" \
	    "(reverse-i-search)\`mod': models"
	keys Enter
	check "$sz Enter runs the line found" "L(t) = y0 * 2^((t - t0)/T)"
done
