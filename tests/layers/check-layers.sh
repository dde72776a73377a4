#!/bin/sh
# check-layers.sh: the include graph keeps the layers of doc/ARCHITECTURE.md.
# Each folder may include its own headers and those of the layers below it,
# never one above or beside it (scaling/ and rl/ know nothing of each
# other; plots/ knows nothing of scaling laws); and no header includes
# itself through others. TAP output, one point per folder and one for
# circles.
set -u
src=${SX_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$src" || exit 1

# folder: the folders it may include from (besides itself).
layers="base:
scaling:base
rl:base
plots:
views:base scaling rl plots
sessions:base scaling rl plots views
commands:base scaling rl plots views sessions
tui:base scaling rl plots views sessions commands"

echo "1..$(($(echo "$layers" | wc -l) + 1))"
n=0
echo "$layers" | {
	while IFS=: read -r dir allowed; do
		n=$((n + 1))
		bad=""
		if [ -d "$dir" ]; then
			bad=$(find "$dir" -name '*.[ch]' -exec \
			    grep -Hn '^#include "[a-z]*/' {} + |
			    while IFS= read -r line; do
				to=${line#*#include \"}
				to=${to%%/*}
				[ "$to" = "$dir" ] && continue
				ok=0
				for a in $allowed; do
					[ "$to" = "$a" ] && ok=1
				done
				[ $ok = 1 ] || echo "$line"
			    done)
		fi
		if [ -z "$bad" ]; then
			echo "ok $n - $dir/ includes only ${allowed:-libraries}"
		else
			echo "not ok $n - $dir/ includes from a layer above or beside it"
			echo "$bad" | sed 's/^/# /'
		fi
	done
	n=$((n + 1))
	# Header -> header edges, then a depth-first search for a circle.
	circle=$(for h in $(find $(echo "$layers" | cut -d: -f1) -name '*.h' \
	    2>/dev/null); do
		grep -h '^#include "[a-z/_0-9-]*\.h"' "$h" |
		    sed "s|^#include \"\\(.*\\)\".*|$h \\1|"
	done | awk '
		{ edge[$1] = edge[$1] " " $2; node[$1] = 1; node[$2] = 1 }
		function visit(v,   k, w, parts, m) {
			state[v] = 1
			m = split(edge[v], parts, " ")
			for (k = 1; k <= m; k++) {
				w = parts[k]
				if (state[w] == 1) { print w " <- " v; return 1 }
				if (state[w] == 0 && visit(w)) { print v; return 1 }
			}
			state[v] = 2
			return 0
		}
		END { for (v in node) if (state[v] == 0 && visit(v)) exit }')
	if [ -z "$circle" ]; then
		echo "ok $n - no header includes itself through others"
	else
		echo "not ok $n - headers include each other in a circle"
		echo "$circle" | sed 's/^/# /'
	fi
}
