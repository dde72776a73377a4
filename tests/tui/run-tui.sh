#!/bin/sh
# run-tui.sh: the TUI driven through a private tmux server, as TAP.
#
# Each check starts scalex in a detached tmux session of a fixed size,
# sends keys, and polls the screen for the text it expects (the helpers
# are tests/tui/tmux-lib.sh's). Without tmux every test is skipped.
set -u
tmux_name=test
. "$(dirname "$0")/tmux-lib.sh"
ntests=47
plan $ntests

# C* as the crossover pane shows it.
cstar() {
	screen | sed -n 's/.*C\* = \([0-9.e+]*\) PF-days.*/\1/p' | head -n 1
}
# pane_cells TITLE: the cells inside the pane titled TITLE, trailing blanks
# dropped, into $scratch/pane; its size into pane_w, pane_h.
pane_cells() {
	s=$(screen)
	top=$(echo "$s" | grep -n -F "┌─ $1" | head -n 1 | cut -d: -f1)
	l=$(echo "$s" | sed -n "${top}p")
	col=$(printf %s "${l%%┌─ $1*}" | LC_ALL=C.UTF-8 wc -m)
	box=$(printf %s "$l" | LC_ALL=C.UTF-8 sed "s/^.\{$col\}\([^┐]*┐\).*/\1/")
	pane_w=$(($(printf %s "$box" | LC_ALL=C.UTF-8 wc -m) - 2))
	bot=$(echo "$s" | sed -n "$((top + 1)),\$p" | LC_ALL=C.UTF-8 \
	    sed "s/^.\{$col\}\(.\).*/\1/" | grep -n "└" | head -n 1 | cut -d: -f1)
	pane_h=$((bot - 1))
	echo "$s" | sed -n "$((top + 1)),$((top + pane_h))p" | LC_ALL=C.UTF-8 \
	    sed "s/^.\{$((col + 1))\}\(.\{$pane_w\}\).*/\1/; s/ *\$//" \
	    >"$scratch/pane"
}
# same_cells NAME TITLE COMMAND: the pane shows what the batch COMMAND
# (after the demo session's fits) prints at the pane's size.
same_cells() {
	n=$((n + 1))
	pane_cells "$2"
	got=$(cat "$scratch/pane")
	want=$(cd "$scratch" && LANG=C.UTF-8 LC_ALL=C.UTF-8 "$scalex" -c \
	    "demo chinchilla as runs --seed 1; fit chinchilla runs as ch \
	    --space log; demo henighan-language as lang --seed 1; fit plc lang \
	    as lc; $3 --size ${pane_w}x$pane_h --color never" | \
	    tail -n "$pane_h" | sed 's/ *$//')
	if [ -n "$got" ] && [ "$got" = "$want" ]; then
		echo "ok $n - $1 (${pane_w}x$pane_h)"
	else
		echo "not ok $n - $1 (${pane_w}x$pane_h)"
		echo "$got" | sed 's/^/# pane: /'
		echo "$want" | sed 's/^/# batch: /'
	fi
}

# 120x40: the tiled first frame, every pane titled.
start 120 40
check "120x40 first frame tiles the panes" "5 Crossover: kaplan2020"
n=$((n + 1))
s=$(screen)
bad=""
for title in "2 Fit: lc" "3 Plot: lc" "1 Data: lang" "4 Frontier: ch" "7 Console"; do
	echo "$s" | grep -F -q "$title" || bad="$bad '$title'"
done
if [ -z "$bad" ]; then echo "ok $n - 120x40 every pane has its title"
else echo "not ok $n - 120x40 titles missing:$bad"; fi
check "120x40 frontier title (the batch plot's), whole" "N_opt ~ C^0.457, D_opt ~ C^0.543"
same_cells "frontier pane is frontier ch --plot, cell for cell" \
    "4 Frontier: ch" "frontier ch --plot"
same_cells "crossover pane is crossover --plot, cell for cell" \
    "5 Crossover: kaplan2020" "crossover kaplan2020 --compute lc --plot"

# A nudge of lc.alpha moves C*; u undoes it.
before=$(cstar)
keys Down Down +
check "nudge runs set" "set lc.alpha"
n=$((n + 1))
k=0
after=$(cstar)
while [ "$after" = "$before" ] && [ $k -lt 100 ]; do
	sleep 0.05; after=$(cstar); k=$((k + 1))
done
if [ -n "$before" ] && [ -n "$after" ] && [ "$before" != "$after" ]; then
	echo "ok $n - a nudge changes C* ($before -> $after PF-days)"
else
	echo "not ok $n - C* did not change ('$before' -> '$after')"
fi
keys u
check "u undoes the nudge (C* back)" "C* = $before PF-days"

# A console command updates the panes: a new fit shows in the fit pane.
keys : "fit pl lang as lp" Enter
check "console command updates the fit pane" "Fit: lp"
keys "fit chinchilla lang --loss h" Tab
check "console Tab completes an option's value" "--loss huber:0.001"
keys C-u "fi" Tab Tab
check "console Tab Tab lists the candidates" "filter  fit  fits"
# The cursor counts characters, not bytes: after "scalex> éééé" it is at
# column 13 (border, 8 for the prompt, 4).
keys C-u "éééé"
wait_for "scalex> éééé" >/dev/null
n=$((n + 1))
cx=$($T display -p -t 0 '#{cursor_x}')
if [ "$cx" = 13 ]; then echo "ok $n - console cursor after non-ASCII input"
else echo "not ok $n - console cursor at column $cx after 'éééé', not 13"; fi
keys C-u
keys "load - as typed <<CSV" Enter "N,L" Enter "1e6,4.0" Enter "1e7,3.4" Enter
check "console prompts '> ' inside a here-document" "> 1e7,3.4"
keys "CSV" Enter
check "console runs the command at its terminator" "typed: 2 rows"

# Resize to 80x24: one main pane with the tab bar and the console.
$T resize-window -t 0 -x 80 -y 24 >/dev/null 2>&1
check "80x24 shows one pane with the console" "7 Console"
keys Escape 3
check "80x24 digit switches to the plot" "3 Plot: lp"

# The console wraps a line wider than itself instead of cutting it.
keys : "crossover kaplan2020" Enter
check "console wraps long lines" "uncertain by 10x either way"
keys Escape

# Help overlay lists the keys: at 80x24 in two pages, nothing cut short.
keys '?'
check "? shows the help overlay" "Keys 1/2 (Space: more; any other key closes)"
check "help wraps rather than cuts" "nudge it by 1% (runs: set FIT.PARAM V)"
keys Space
check "Space shows the next page" "back to the pane you came from"
keys x

# Too small, and back.
$T resize-window -t 0 -x 30 -y 8 >/dev/null 2>&1
check "30x8 says the terminal is too small" "terminal too small"
check "30x8 says the size it needs" "need 60x18"
$T resize-window -t 0 -x 200 -y 60 >/dev/null 2>&1
check "200x60 after resize tiles again" "4 Frontier: ch"

# The grid pane: a base policy's arrows, the rollout, value shading.
keys : "grid load fourroom" Enter "sf base" Enter
check "grid pane shows the first base policy" "policy  step 0  pi 1/3"
check "grid pane draws arrows, the agent at the start" "@ ↑ ↑ ↑ ↑ ↑ ██3"
keys Escape 6 . . .
check "grid pane steps the rollout" "step 3  pi 1/3"
keys n
check "n shows the next policy from the start" "step 0  pi 2/3"
keys v
check "v shades values, walls as XX" "XXXX3"

# q asks when there is unsaved work; y quits and restores the terminal.
keys q
check "q asks about unsaved work" "Quit? y"
keys y
check "q y quits with the terminal restored" "SCALEX-EXITED rc=0"

# Nudge, undo and refit agree (the defects issue's keys: 2 Down + +
# Shift-Right u r, then u): the count, the values and the statistics the
# Fit pane shows are those of the commands the log ran.
fit_rmse() {
	screen | sed -n 's/^│ rmse \([0-9.e+-]*\) .*/\1/p' | head -n 1
}
fit_x0() {
	screen | sed -n 's/^│ > x0 *\([0-9.e+-]*\) .*/\1/p' | head -n 1
}
# same NAME A B: a test that two values read off the screen agree.
same() {
	n=$((n + 1))
	if [ -n "$2" ] && [ "$2" = "$3" ]; then echo "ok $n - $1 ($2)"
	else echo "not ok $n - $1 ('$2' vs '$3')"; fi
}
start 120 40
wait_for "5 Crossover: kaplan2020" >/dev/null
keys 2 Down
wait_for "> x0" >/dev/null
rmse0=$(fit_rmse) x00=$(fit_x0)
keys + +
check "two nudges are counted" "2 nudges (u undoes)"
check "a nudged fit says it was set by hand" "set by hand after the fit"
rmse2=$(fit_rmse) x02=$(fit_x0)
n=$((n + 1))
if [ -n "$rmse2" ] && [ "$rmse2" != "$rmse0" ]; then
	echo "ok $n - a nudge recomputes rmse ($rmse0 -> $rmse2)"
else
	echo "not ok $n - rmse after two nudges '$rmse2', before '$rmse0'"
fi
keys S-Right
check "Shift-Right is the third nudge" "3 nudges (u undoes)"
rmse3=$(fit_rmse)
keys : "save nudged.sx" Enter
wait_for "saved" >/dev/null
keys Escape
want=$(cd "$scratch" && LANG=C.UTF-8 LC_ALL=C.UTF-8 "$scalex" -c \
    'replay nudged.sx; fit show lc' | sed -n 's/^  rmse \([^ ]*\) .*/\1/p' | \
    tail -n 1)
same "the pane's rmse is the replayed session's" "$rmse3" "$want"
keys u
check "u walks back one nudge" "2 nudges (u undoes)"
same "after u, the values of two nudges" "$(fit_x0)" "$x02"
same "after u, the rmse of two nudges" "$(fit_rmse)" "$rmse2"
keys r
check "r refits" "refitted: fit plc lang as lc"
n=$((n + 1))
if screen | grep -q "nudges* (u undoes)"; then
	echo "not ok $n - the pane still counts nudges after the refit"
else
	echo "ok $n - the refit ends the nudge count"
fi
same "the refit restores the fitted value" "$(fit_x0)" "$x00"
same "the refit restores the fitted rmse" "$(fit_rmse)" "$rmse0"
keys u
check "u after the refit has nothing to undo" "nothing to undo"
same "u after the refit leaves the fitted value" "$(fit_x0)" "$x00"
keys q y
wait_for "SCALEX-EXITED" >/dev/null

# Launching small: the too-small screen from the first frame; q quits.
start 30 8
wait_for "terminal too small" >/dev/null
keys q
check "30x8 launch: too small, q quits" "SCALEX-EXITED rc=0"

# 10x5: the message wraps by words, what to do first.
start 10 5
check "10x5 launch says how to quit" "q quits"
keys q
check "10x5: q quits (the exit line wraps at 10 columns)" "rc=0"
exit 0
