# tmux-lib.sh: what the TUI's tmux tests share, sourced by them with
# $tmux_name set (the socket's and scratch directory's name): scalex in a
# detached tmux session of a fixed size (TERM=xterm-256color, LANG=C.UTF-8,
# HOME and the XDG directories in the scratch dir), keys sent, and the
# screen polled for the text expected (generous timeouts, never fixed
# sleeps), so it reads the screen as a user would.
srcdir=${SX_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${SX_BUILDDIR:-$srcdir}
scalex=$builddir/scalex
sock=scalex-$tmux_name-$$
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-$tmux_name.XXXXXX")
T="tmux -L $sock -f /dev/null"
# The last scalex may still be autosaving (SIGHUP) as the server goes.
trap '$T kill-server >/dev/null 2>&1; rm -rf "$scratch" 2>/dev/null ||
    { sleep 1; rm -rf "$scratch"; }' EXIT INT TERM

# plan N: the TAP plan; without tmux every test is skipped and the script
# ends.
plan() {
	echo "1..$1"
	if ! command -v tmux >/dev/null 2>&1; then
		i=1
		while [ $i -le "$1" ]; do
			echo "ok $i # SKIP tmux is not installed"
			i=$((i + 1))
		done
		exit 0
	fi
}

n=0
starts=0
# start W H [ARGS...]: a fresh session running scalex in the scratch dir,
# on a server of its own: a new session on the socket of a server being
# killed can reach the dying server ("server exited unexpectedly").
start() {
	w=$1 h=$2
	shift 2
	$T kill-server >/dev/null 2>&1
	starts=$((starts + 1))
	T="tmux -L $sock-$starts -f /dev/null"
	rm -rf "$scratch/state"
	$T new-session -d -x "$w" -y "$h" -c "$scratch" \
	    "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR= \
	    HOME='$scratch' XDG_STATE_HOME='$scratch/state' \
	    XDG_CONFIG_HOME='$scratch/config' '$scalex' $*; \
	    echo SCALEX-EXITED rc=\$?; sleep 60"
}
screen() {
	$T capture-pane -p -t 0 2>/dev/null
}
# wait_for TEXT: poll the screen for a fixed string (up to 10 s).
wait_for() {
	k=0
	while [ $k -lt 200 ]; do
		if screen | grep -F -q -- "$1"; then
			return 0
		fi
		sleep 0.05
		k=$((k + 1))
	done
	return 1
}
# check NAME TEXT: a test that TEXT shows up.
check() {
	n=$((n + 1))
	if wait_for "$2"; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1 (no '$2' on screen)"
		screen | sed 's/^/# /'
	fi
}
keys() {
	$T send-keys -t 0 "$@"
}
