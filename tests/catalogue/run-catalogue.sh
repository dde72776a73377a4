#!/bin/sh
# run-catalogue.sh: the catalogue of bad inputs (cases.tsv), as TAP.
#
# Each row of tests/catalogue/cases.tsv is one bad input (see the README
# beside it for the columns). For each, in a fresh scratch directory with
# `shared` linked to the shared data sets, the runner:
#   1. runs SETUP (a shell snippet that makes the input files);
#   2. runs `scalex -c 'PREP<newline>BAD'` and compares its exit status and
#      its whole standard error with the expected ones, byte for byte;
#   3. proves the workspace unchanged: in the console (which goes on after
#      an error) it runs PREP, BAD, then the probes `history`, `data list`,
#      `fits`, `models`, `grid show`, and requires the same standard output
#      as PREP followed by the probes alone;
#   4. proves the files unchanged: a checksum of every file in the scratch
#      directory before step 2 and after step 3.
#   SX_UPDATE=1  print each case's actual exit status and standard error in
#                the table's escaped form (to fill in a new row; read it!)
#   SX_WRAP=...  run scalex under a wrapper (e.g. valgrind)
set -u
srcdir=${SX_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${SX_BUILDDIR:-$srcdir}
shared=${SX_SHARED_DATA:-$srcdir/../shared/data}
table=${SX_CATALOGUE:-$srcdir/tests/catalogue/cases.tsv}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-cat.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
tab=$(printf '\t')

mkdir -p "$scratch/bin"
printf '#!/bin/sh\nexec %s "%s/scalex" "$@"\n' "${SX_WRAP:-}" "$builddir" \
    > "$scratch/bin/scalex"
chmod +x "$scratch/bin/scalex"
probes='history
data list
fits
models
grid show'

# Escape text as the table writes it: \\ for a backslash, \t, \n.
escape() {
	sed -e 's/\\/\\\\/g' -e "s/$tab/\\\\t/g" | awk '{ printf "%s\\n", $0 }'
}

# Checksums of every file under the case directory (not the state dir).
sums() {
	(cd "$1" && find . -path ./state -prune -o -type f -print | LC_ALL=C sort |
	    while IFS= read -r f; do cksum "$f"; done)
}

# scalex with the case's environment, in directory $work.
sx() {
	(cd "$work" && PATH="$scratch/bin:$PATH" LC_ALL=C.UTF-8 NO_COLOR= \
	    HOME="$work" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" scalex "$@")
}

n=$(grep -c -v -e '^#' -e '^$' "$table")
echo "1..$n"
i=0
grep -v -e '^#' -e '^$' "$table" |
while IFS="$tab" read -r id kind setup prep bad rc experr; do
	i=$((i + 1))
	work="$scratch/$id"
	mkdir -p "$work"
	ln -s "$shared" "$work/shared"
	[ "$setup" = - ] || (cd "$work" && sh -c "$setup") ||
	    echo "# $id: setup failed"
	before=$(sums "$work")
	if [ "$prep" = - ]; then
		script=$(printf '%b' "$bad")
		good=""
	else
		good=$(printf '%b' "$prep")
		script=$(printf '%s\n%b' "$good" "$bad")
	fi
	sx -c "$script" > /dev/null 2> "$scratch/err" < /dev/null
	got=$?
	bad_parts=""
	if [ "${SX_UPDATE:-0}" = 1 ]; then
		printf '# %s rc=%s\n# %s\n' "$id" "$got" \
		    "$(escape < "$scratch/err")"
	fi
	[ "$got" = "$rc" ] || bad_parts="$bad_parts exit($got, want $rc)"
	printf '%b' "$experr" > "$scratch/want"
	if ! cmp -s "$scratch/want" "$scratch/err"; then
		bad_parts="$bad_parts stderr"
		diff -u "$scratch/want" "$scratch/err" | sed 's/^/# /' | head -20
	fi
	# The console goes on after the error: the probes then see the
	# workspace exactly as PREP alone left it.
	printf '%s\n%s\n' "$script" "$probes" | sx --repl 2>/dev/null |
	    grep -v '^scalex[^ ]*> ' > "$scratch/after"
	printf '%s\n%s\n' "$good" "$probes" | sx --repl 2>/dev/null |
	    grep -v '^scalex[^ ]*> ' > "$scratch/ref"
	if ! cmp -s "$scratch/ref" "$scratch/after"; then
		bad_parts="$bad_parts workspace"
		diff -u "$scratch/ref" "$scratch/after" | sed 's/^/# /' | head -20
	fi
	[ "$before" = "$(sums "$work")" ] || bad_parts="$bad_parts files"
	if [ -z "$bad_parts" ]; then
		echo "ok $i - $kind: $id"
	else
		echo "not ok $i - $kind: $id: wrong$bad_parts"
	fi
	rm -rf "$work"
done
