#!/bin/sh
# bench_tui.sh: the TUI's first frame, keypress-to-frame time and memory.
#
# Runs scalex at 200x60 in a private tmux server with SCALEX_TUI_STATS set,
# so the TUI itself writes: first_frame_ms (from tui_run's entry, which
# includes running the demo session, to the first refresh), the wall clock
# of that frame (compared here with the time just before tmux started the
# process: an upper bound on exec -> first frame), the median and maximum
# time from reading a key to the finished refresh over the keys sent
# (focus changes, nudges that recompute plot, frontier and crossover,
# undos), and the peak resident set (getrusage ru_maxrss).
set -u
builddir=${SX_BUILDDIR:-$(pwd)}
scalex=$builddir/scalex
sock=scalex-bench-$$
dir=$(mktemp -d "${TMPDIR:-/tmp}/scalex-bench.XXXXXX")
T="tmux -L $sock -f /dev/null"
trap '$T kill-server >/dev/null 2>&1; rm -rf "$dir"' EXIT INT TERM
command -v tmux >/dev/null 2>&1 || { echo "bench_tui: tmux not installed"; exit 0; }

wait_for() {
	k=0
	while [ $k -lt 400 ]; do
		$T capture-pane -p -t 0 2>/dev/null | grep -F -q -- "$1" && return 0
		sleep 0.02
		k=$((k + 1))
	done
	return 1
}
# The server first, so that its start-up is not counted.
$T new-session -d -x 200 -y 60 "sleep 60"
t0=$(date +%s%N)
$T respawn-pane -k -t 0 "env TERM=xterm-256color LANG=C.UTF-8 \
    LC_ALL=C.UTF-8 HOME='$dir' XDG_STATE_HOME='$dir/state' XDG_CONFIG_HOME='$dir/config' \
    SCALEX_TUI_STATS='$dir/stats' '$scalex'; sleep 30"
wait_for "5 Crossover" || { echo "bench_tui: no first frame"; exit 1; }
for i in 1 2 3 4 5 6 7 8 9 10; do
	$T send-keys -t 0 Tab; sleep 0.05
done
$T send-keys -t 0 2 Down Down
for i in 1 2 3 4 5 6 7 8 9 10; do
	$T send-keys -t 0 +; sleep 0.05
	$T send-keys -t 0 u; sleep 0.05
done
$T send-keys -t 0 Escape 2 q
wait_for "quit? y/n" >/dev/null
$T send-keys -t 0 y
k=0
while [ ! -s "$dir/stats" ] && [ $k -lt 200 ]; do sleep 0.05; k=$((k + 1)); done
cat "$dir/stats"
ff=$(sed -n 's/^first_frame_epoch_ns //p' "$dir/stats")
echo "exec_to_first_frame_ms_upper_bound $(echo "($ff - $t0) / 1000000" | bc -l | cut -c1-6)"
