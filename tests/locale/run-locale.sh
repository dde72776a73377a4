#!/bin/sh
# run-locale.sh: scalex under a comma-decimal locale (de_DE.UTF-8, built
# here with localedef into a private LOCPATH). Numbers in commands,
# sessions, CSV files, JSON and printed results are the C locale's, so
# each run must match the same run under C.UTF-8 byte for byte (output,
# errors and exit status), and the C run must succeed. TAP output; skips,
# installing nothing, when the locale cannot be made (localedef is in
# libc-bin, the locale sources in the package `locales`).
set -u
builddir=${SX_BUILDDIR:-$(pwd)}
shared=${SX_SHARED_DATA:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/data}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-locale.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

if ! command -v localedef >/dev/null 2>&1; then
	echo "1..0 # SKIP localedef is not installed (Debian package libc-bin)"
	exit 0
fi
mkdir -p "$scratch/loc"
if ! localedef -i de_DE -f UTF-8 "$scratch/loc/de_DE.UTF-8" \
    >"$scratch/localedef.log" 2>&1; then
	echo "1..0 # SKIP localedef cannot build de_DE.UTF-8 (the Debian" \
	    "package locales is missing?): $(head -n1 "$scratch/localedef.log")"
	exit 0
fi
export LOCPATH="$scratch/loc"
dp=$(LC_ALL=de_DE.UTF-8 locale decimal_point 2>/dev/null)
if [ "$dp" != "," ]; then
	echo "1..0 # SKIP the de_DE.UTF-8 built here has decimal point '$dp'"
	exit 0
fi

mkdir -p "$scratch/work" "$scratch/home"
cd "$scratch/work" || exit 1
ln -s "$shared" shared
export HOME="$scratch/home" XDG_STATE_HOME="$scratch/state" XDG_CONFIG_HOME="$scratch/config" NO_COLOR=
unset LANG LANGUAGE LC_NUMERIC LC_CTYPE LC_MESSAGES
printf 'N,D,L\n1e7,2.5e8,4.15\n3e7,6e8,3.71\n1e8,2e9,3.32\n3e8,6e9,3.04\n1e9,2e10,2.78\n3e9,6e10,2.6\n' \
    > small.csv

n=0
fails=0
ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else
		echo "not ok $n - $2"; fails=$((fails + 1)); fi
}
# run LOCALE TAG ARGS...: scalex ARGS under LC_ALL=LOCALE into TAG.{out,err,rc}.
run() {
	loc=$1 tag=$2
	shift 2
	LC_ALL=$loc "$builddir/scalex" "$@" > "$tag.out" 2> "$tag.err" < /dev/null
	echo $? > "$tag.rc"
}
# same WHAT ARGS...: under de_DE exactly as under C, which succeeds.
same() {
	what=$1
	shift
	run C.UTF-8 c "$@"
	run de_DE.UTF-8 de "$@"
	r=0
	if [ "$(cat c.rc)" != 0 ]; then
		echo "# under C: exit $(cat c.rc)"; sed 's/^/# /' c.err; r=1
	fi
	for part in out err rc; do
		if ! cmp -s c.$part de.$part; then
			echo "# $part differs under de_DE.UTF-8:"
			diff c.$part de.$part | head -n 10 | sed 's/^/# /'
			r=1
		fi
	done
	ok $r "$what"
}

echo "1..12"
same "the built-in demo session" 
same "built-in grids load and solve" -c 'grid load corners; gmodel 4,1 UP; gmodel 2,2 R --policy opt --w 0,0,1'
same "a CSV with decimals loads and fits" \
    -c 'load small.csv as s; data describe s; fit chinchilla s as f --init E=1.5,A=400.5,alpha=0.3,B=400.25,beta=0.28'
same "a shared CSV loads and is described" \
    -c 'load shared/chinchilla_epoch.csv as e; data describe e; data show e --rows 3'
same "--json output" --json \
    -c 'demo chinchilla as r; fit chinchilla r as ch; predict ch N=1e9 D=2e10'
same "set and --init take '.' decimals" \
    -c 'demo chinchilla as r; fit chinchilla r as ch --init E=1.7,A=400.5,alpha=0.34,B=410.5,beta=0.28; set ch.A 11.5; set ch.E 1.75; fit show ch; predict ch N=1e9 D=2e10'
# Printed numbers have '.' decimals: the value set is shown as typed.
LC_ALL=de_DE.UTF-8 "$builddir/scalex" -c 'demo chinchilla as r; fit chinchilla r as ch; set ch.E 1.75; fit show ch' \
    > de.out 2>&1 < /dev/null
grep -q '^  E  *1\.75 ' de.out && ! grep -q '[0-9],[0-9]' de.out
ok $? "printed numbers have '.' decimals under de_DE.UTF-8"
# Characters are still the user's: UTF-8 plots, not the ASCII fallback.
LC_ALL=de_DE.UTF-8 "$builddir/scalex" -c 'demo chinchilla as r; plot r --x N --y L' \
    > de.out 2>&1 < /dev/null
grep -q '│' de.out
ok $? "plots are drawn in UTF-8 under de_DE.UTF-8"
# A session saved under C replays under de_DE as under C, and saving it
# again there writes the same file.
run C.UTF-8 save -c 'demo chinchilla as r; fit chinchilla r as ch --init A=400.5 --ci 0.9; set ch.E 1.75; save c.sx'
same "a session saved under C replays under de_DE.UTF-8" --replay c.sx
LC_ALL=de_DE.UTF-8 "$builddir/scalex" -c 'replay c.sx; save de.sx' \
    > /dev/null 2>&1 < /dev/null
cmp -s c.sx de.sx
ok $? "saved again under de_DE.UTF-8, the session is the same file"

# On a terminal (a private tmux server): the TUI's first frame under
# de_DE.UTF-8 has its fits, '.' decimals and braille; the console edits
# multibyte characters as characters (Backspace takes the whole ö).
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 11 # SKIP tmux is not installed"
	echo "ok 12 # SKIP tmux is not installed"
	[ $fails -eq 0 ]
	exit
fi
sock=scalex-locale-$$
T="tmux -L $sock -f /dev/null"
trap '$T kill-server >/dev/null 2>&1; rm -rf "$scratch"' EXIT INT TERM
screen() { $T capture-pane -p -J -t 0 2>/dev/null; }
wait_for() {
	k=0
	while [ $k -lt 200 ]; do
		screen | grep -q -- "$1" && return 0
		sleep 0.05
		k=$((k + 1))
	done
	screen | grep -v '^$' | sed 's/^/# | /' | tail -n 12
	return 1
}
$T new-session -d -x 120 -y 40 -c "$scratch/work" \
    "env LC_ALL=de_DE.UTF-8 TERM=xterm-256color SX_SHARED_DATA='$shared' \
    '$builddir/scalex'; sleep 60"
wait_for 'R² 0\.99[0-9]*  ' && wait_for '⠉'
ok $? "the TUI under de_DE.UTF-8: fits, '.' decimals, braille"
$T send-keys -t 0 q y
$T kill-server >/dev/null 2>&1
T="tmux -L $sock-2 -f /dev/null"
$T new-session -d -x 100 -y 20 -c "$scratch/work" \
    "env LC_ALL=de_DE.UTF-8 TERM=xterm '$builddir/scalex' --repl; sleep 60"
wait_for 'scalex>' && $T send-keys -t 0 'help größe' Left Left BSpace Enter &&
    wait_for "no command 'grße'"
ok $? "the console under de_DE.UTF-8 edits UTF-8 characters whole"
$T kill-server >/dev/null 2>&1
[ $fails -eq 0 ]
