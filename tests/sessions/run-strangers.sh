#!/bin/sh
# run-strangers.sh: the files a session writes and the state directory.
# Writes keep the replaced file's modes; symbolic links owned by another
# user are not written through; the temporaries a killed save leaves are
# removed by the next save of that file (only ours, stale and unlocked);
# the state directory is not used when it is a symbolic link, writable by
# others, and a history file planted there as a symbolic link is not
# written through; a read-only or full state directory is reported as
# such, and on a full disk the console stays open after the failed
# autosave (tmux and a 64 KiB tmpfs: skipped where mounting is not
# permitted); on a terminal a replayed session's write is asked about. TAP.
set -u
srcdir=${SX_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${SX_BUILDDIR:-$srcdir}
scalex=$builddir/scalex
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-strangers.XXXXXX")
sock=scalex-strangers-$$
T="tmux -L $sock -f /dev/null"
mounts=""
cleanup() {
	$T kill-server >/dev/null 2>&1
	for m in $mounts; do umount "$m" 2>/dev/null; done
	rm -rf "$scratch"
}
trap cleanup EXIT INT TERM
cd "$scratch" || exit 1
umask 022
n=0
ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }
# sx ARGS...: scalex with a private home and state directory.
sx() { HOME="$scratch/home" XDG_STATE_HOME="$scratch/state" "$scalex" "$@"; }
mode() { stat -c %a "$1"; }
echo "1..16"

# Modes: an overwrite keeps them (mkstemp's 0600 would replace 0640), a
# new file gets 0666 less the umask.
sx -c 'demo chinchilla; save m.sx' >/dev/null
chmod 640 m.sx
sx -c 'demo kaplan; save m.sx --force' >/dev/null
[ "$(mode m.sx)" = 640 ] && grep -q kaplan m.sx
ok $? "save --force keeps the replaced file's modes (640: $(mode m.sx))"
sx -c 'demo chinchilla; save new.sx' >/dev/null
[ "$(mode new.sx)" = 644 ]
ok $? "a new file is 0666 less the umask (644: $(mode new.sx))"

# A symbolic link owned by someone else is not written through.
echo precious > victim.txt
ln -s victim.txt planted.sx
if chown -h nobody planted.sx 2>/dev/null && [ "$(id -u)" != "$(id -u nobody)" ]; then
	sx -c 'demo chinchilla; save planted.sx --force' > /dev/null 2> err
	rc=$?
	[ $rc = 1 ] && grep -q "symbolic link owned by another user" err &&
	    [ "$(cat victim.txt)" = precious ] && [ -L planted.sx ]
	ok $? "a symbolic link of another user's is refused, the target unchanged"
else
	skip "cannot make a symbolic link owned by another user"
fi
# ... nor, from a sourced file, any symbolic link.
ln -s victim.txt mine.sx
printf 'demo chinchilla\nsave mine.sx --force\n' > w.sx
sx -c 'source --allow-writes w.sx' > /dev/null 2> err
[ $? = 1 ] && grep -q "does not write through one" err &&
    [ "$(cat victim.txt)" = precious ] && [ -L mine.sx ]
ok $? "a sourced file's write to a symbolic link is refused"

# Stale temporaries: a save killed (-9) leaves t.sx.tmpXXXXXX; the next
# save of t.sx removes it once it is 10 s old; a fresh one and one a live
# writer holds locked stay, and so do other files.
sx -c 'demo chinchilla; save t.sx --force' > /dev/null
SX_TEST_SAVE_DELAY_MS=5000 HOME="$scratch/home" XDG_STATE_HOME="$scratch/state" \
    "$scalex" -c 'demo chinchilla; demo kaplan; save t.sx --force' > /dev/null &
pid=$!
i=0
while [ $i -lt 100 ] && ! ls t.sx.tmp* >/dev/null 2>&1; do sleep 0.1; i=$((i + 1)); done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
left=$(ls t.sx.tmp* 2>/dev/null | head -n 1)
[ -n "$left" ]
ok $? "kill -9 during save leaves a temporary (${left:-none})"
[ -n "$left" ] && touch -d '1 minute ago' "$left"
echo fresh > t.sx.tmpFRESH1
echo old > t.sx.tmpLOCKED && touch -d '1 minute ago' t.sx.tmpLOCKED
echo notours > t.sx.tmp-keep && touch -d '1 minute ago' t.sx.tmp-keep
(trap - EXIT INT TERM; exec flock t.sx.tmpLOCKED sleep 3) &
sleep 0.3
sx -c 'demo chinchilla; save t.sx --force' > /dev/null
[ -n "$left" ] && [ ! -e "$left" ] && [ -e t.sx.tmpFRESH1 ] &&
    [ -e t.sx.tmpLOCKED ] && [ -e t.sx.tmp-keep ]
ok $? "the next save removes the stale one, not a fresh, locked or other file"

# The state directory: a symbolic link, or writable by others, is not used
# (no autosave written there, none offered), and says why.
mkdir -p elsewhere st1
ln -s "$scratch/elsewhere" st1/scalex
printf 'demo chinchilla\n' | HOME="$scratch/home" XDG_STATE_HOME="$scratch/st1" \
    "$scalex" --repl > /dev/null 2> err
grep -q "state directory $scratch/st1/scalex is a symbolic link: not used" err &&
    [ -z "$(ls elsewhere)" ]
ok $? "a symbolic link as the state directory is not used"
mkdir -p st2/scalex && chmod 777 st2/scalex
printf 'demo chinchilla\n' | HOME="$scratch/home" XDG_STATE_HOME="$scratch/st2" \
    "$scalex" --repl > /dev/null 2> err
grep -q "is writable by others: not used (chmod go-w" err && [ -z "$(ls st2/scalex)" ]
ok $? "a state directory writable by others is not used"
# A history file planted as a symbolic link is neither read nor written.
mkdir -p st3/scalex && chmod 700 st3/scalex
ln -s "$scratch/victim.txt" st3/scalex/history
printf 'demo chinchilla\n' | HOME="$scratch/home" XDG_STATE_HOME="$scratch/st3" \
    "$scalex" --repl > /dev/null 2> err
grep -q "history is a symbolic link: not followed" err &&
    [ "$(cat victim.txt)" = precious ] && ls st3/scalex/autosave-*.sx >/dev/null 2>&1
ok $? "a history symbolic link is not written through (the autosave is)"

# Read-only: said so, not "no state directory" (a read-only bind mount).
mkdir -p st4/scalex && chmod 700 st4/scalex
if mount --bind st4 st4 2>/dev/null; then
	mounts="$scratch/st4 $mounts"
	if mount -o remount,ro,bind st4 2>/dev/null; then
		printf 'demo chinchilla\n' | HOME="$scratch/home" \
		    XDG_STATE_HOME="$scratch/st4" "$scalex" --repl > /dev/null 2> err
		grep -q "cannot autosave to $scratch/st4/scalex/.*Read-only file system" err &&
		    ! grep -q "no state directory" err
		ok $? "a read-only state directory is reported as read-only"
	else
		skip "cannot remount read-only"
	fi
	umount st4 2>/dev/null
	mkdir -p st5
	mount --bind st5 st5 && mount -o remount,ro,bind st5 &&
	    mounts="$scratch/st5 $mounts"
	printf 'demo chinchilla\n' | HOME="$scratch/home" \
	    XDG_STATE_HOME="$scratch/st5" "$scalex" --repl > /dev/null 2> err
	grep -q "cannot make the state directory $scratch/st5/scalex: it is on a read-only file system" err
	ok $? "a state directory that cannot be made on a read-only file system says so"
	umount st5 2>/dev/null
else
	skip "cannot bind-mount (not permitted)"
	skip "cannot bind-mount (not permitted)"
fi

# The tmux helpers: the screen, and waiting (30 s at most) for TEXT.
screen() { $T capture-pane -p -J -S - -t "${pane:-sx}" 2>/dev/null; }
wait_for() {
	i=0
	while [ $i -lt 300 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "# timed out waiting for: $1"
	screen | tail -n 8 | sed 's/^/# | /'
	return 1
}

# A full disk: the console stays open after the failed autosave, a save
# elsewhere works, a second Ctrl-D quits with status 1.
mkdir -p full
if ! command -v tmux >/dev/null 2>&1; then
	skip "tmux is not installed"; skip "tmux is not installed"
	skip "tmux is not installed"
elif ! mount -t tmpfs -o size=64k tmpfs full 2>/dev/null; then
	skip "cannot mount a tmpfs (not permitted)"
	skip "cannot mount a tmpfs (not permitted)"
	skip "cannot mount a tmpfs (not permitted)"
else
	mounts="$scratch/full $mounts"
	mkdir -p full/scalex && chmod 700 full/scalex
	dd if=/dev/zero of=full/filler bs=1k count=200 2>/dev/null
	$T new-session -d -s sx -x 150 -y 40 "cd '$scratch' && env \
	    HOME='$scratch/home' XDG_STATE_HOME='$scratch/full' TERM=xterm \
	    '$scalex' --repl; echo CONSOLE-EXITED-\$?; sleep 600"
	wait_for "scalex>" && $T send-keys -t sx 'demo chinchilla' Enter &&
	    wait_for "81 rows" && $T send-keys -t sx C-d &&
	    wait_for "the console stays open"
	ok $? "a failed autosave (full disk) keeps the console open and says so"
	$T send-keys -t sx "save $scratch/rescued.sx" Enter
	wait_for "saved 1 command to" && grep -q chinchilla rescued.sx
	ok $? "the session can then be saved elsewhere"
	$T send-keys -t sx C-d
	wait_for "CONSOLE-EXITED-1"
	ok $? "a second Ctrl-D quits, with status 1"
	umount full 2>/dev/null
fi

# On a terminal a replayed session's write is asked about: n skips it, y
# writes it.
if command -v tmux >/dev/null 2>&1; then
	echo keep > asked.txt
	printf '# scalex session, format 1\ndemo chinchilla\nsave asked.txt --force\n' > ask.sx
	# A session of its own: killing the last one lets the server exit
	# while a new-session may already be talking to it.
	pane=ask
	$T new-session -d -s ask -x 150 -y 40 "cd '$scratch' && env \
	    HOME='$scratch/home' XDG_STATE_HOME='$scratch/state' TERM=xterm \
	    '$scalex' -c 'replay ask.sx; replay ask.sx'; echo ASK-EXITED-\$?; sleep 600"
	wait_for "wants to write 'asked.txt'; allow it? [y/N]" &&
	    $T send-keys -t ask n Enter && wait_for "not writing 'asked.txt'" &&
	    [ "$(cat asked.txt)" = keep ]
	ok $? "on a terminal, n to the question skips the write"
	$T send-keys -t ask y Enter
	wait_for "ASK-EXITED-0" && grep -q chinchilla asked.txt
	ok $? "y writes it"
else
	skip "tmux is not installed"; skip "tmux is not installed"
fi
