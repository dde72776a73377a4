# The man page (doc/scalex.1, its COMMANDS section made by doc/mkman)
# covers every command of the
# table and every option in each synopsis: a command or option added to
# the table without a word in the man page fails here. Prints what is
# missing, then the count of commands checked.
man="$SX_SRCDIR/doc/scalex.1"
# The page as plain words: roff's \- as -, font changes removed.
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$man" > page.txt
scalex -c help | sed -n 's/^  //p' > synopses.txt
n=0
while IFS= read -r syn; do
	n=$((n + 1))
	# The command's name: its leading lower-case words.
	name=$(printf '%s\n' "$syn" | awk '{ s = $1; if ($2 ~ /^[a-z][a-z0-9]*$/) s = s " " $2; print s }')
	grep -q "^\.B $name\( \|\$\)" page.txt || echo "missing command: $name"
	for opt in $(printf '%s\n' "$syn" | grep -o -- '--[a-z0-9-]*' | sort -u); do
		grep -q -- "$opt" page.txt || echo "missing option of $name: $opt"
	done
done < synopses.txt
for opt in $(scalex --help | grep -o -- '^  *-[-a-z]*' | sort -u); do
	grep -q -- "$opt" page.txt || echo "missing program option: $opt"
done
# Every key the TUI's help overlay lists, with what it does.
k=0
for f in "$SX_SRCDIR"/tui/keys.c "$SX_SRCDIR"/tui/pane-*.c; do
	sed -n 's/^	"[^"]*\\t\([^"]*\)",$/\1/p' "$f"
done > keys.txt
while IFS= read -r what; do
	k=$((k + 1))
	grep -q -F -- "$what" page.txt || echo "missing TUI key: $what"
done < keys.txt
echo "$n commands checked"
echo "$k TUI keys checked"
