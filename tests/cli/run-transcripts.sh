#!/bin/sh
# run-transcripts.sh: transcript tests of the real scalex binary, as TAP.
#
# Each case is tests/cli/cases/NAME.t, a shell snippet run in a fresh
# scratch directory with `scalex` on PATH and `shared` linked to the shared
# data sets. Its standard output, standard error and exit status are
# compared with NAME.out, NAME.err and NAME.rc beside it.
#   SX_UPDATE=1  rewrite the expected files from this run (then read them!)
#   SX_WRAP=...  run scalex under a wrapper (e.g. valgrind)
set -u
srcdir=${SX_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${SX_BUILDDIR:-$srcdir}
shared=${SX_SHARED_DATA:-$srcdir/../shared/data}
cases=$srcdir/tests/cli/cases
scratch=$(mktemp -d "${TMPDIR:-/tmp}/scalex-cli.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

mkdir -p "$scratch/bin"
if [ -n "${SX_WRAP:-}" ]; then
	printf '#!/bin/sh\nexec %s "%s/scalex" "$@"\n' "$SX_WRAP" "$builddir" \
	    > "$scratch/bin/scalex"
else
	printf '#!/bin/sh\nexec "%s/scalex" "$@"\n' "$builddir" > "$scratch/bin/scalex"
fi
chmod +x "$scratch/bin/scalex"

n=$(ls "$cases"/*.t | wc -l)
echo "1..$n"
i=0
for t in "$cases"/*.t; do
	i=$((i + 1))
	name=$(basename "$t" .t)
	work="$scratch/work-$name"
	mkdir -p "$work"
	ln -s "$shared" "$work/shared"
	(cd "$work" && PATH="$scratch/bin:$PATH" LC_ALL=C.UTF-8 NO_COLOR= \
	    HOME="$work" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" \
	    sh "$t" > "$scratch/out" 2> "$scratch/err" < /dev/null)
	echo $? > "$scratch/rc"
	if [ "${SX_UPDATE:-0}" = 1 ]; then
		cp "$scratch/out" "$cases/$name.out"
		cp "$scratch/err" "$cases/$name.err"
		cp "$scratch/rc" "$cases/$name.rc"
	fi
	bad=""
	for part in out err rc; do
		if [ ! -f "$cases/$name.$part" ]; then
			bad="$bad $part(missing expected file)"
		elif ! cmp -s "$scratch/$part" "$cases/$name.$part"; then
			bad="$bad $part"
			diff -u "$cases/$name.$part" "$scratch/$part" | sed 's/^/# /' | head -40
		fi
	done
	if [ -z "$bad" ]; then
		echo "ok $i - $name"
	else
		echo "not ok $i - $name: differs in$bad"
	fi
done
