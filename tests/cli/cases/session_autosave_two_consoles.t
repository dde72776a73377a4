# Two consoles ended at once (SIGTERM to both) each autosave to a file of
# their own: both workspaces are kept, and the next start lists both,
# newest first. Only the newest 5 autosaves are kept.
mkfifo f1 f2
scalex --repl < f1 > o1 2>&1 &
p1=$!
scalex --repl < f2 > o2 2>&1 &
p2=$!
exec 3> f1 4> f2
echo "demo chinchilla as first" >&3
echo "demo kaplan as second" >&4
i=0
while ! { grep -qs "81 rows" o1 && grep -qs "120 rows" o2; } && [ $i -lt 400 ]; do
	sleep 0.05; i=$((i + 1))
done
kill -TERM $p1 $p2
wait $p1; echo "exit $?"
wait $p2; echo "exit $?"
exec 3>&- 4>&-
ls state/scalex | grep -c '^autosave-.*\.sx$'
cat state/scalex/autosave-*.sx | grep '^demo' | sort
scalex --repl < /dev/null 2>&1 >/dev/null | sed -e 's/([0-9: -]*)/(TIME)/' \
    -e "s|$PWD|.|g" -e 's/autosave-[0-9]*-[0-9]*-[0-9]*\.sx/autosave-DATE-TIME-PID.sx/g'
# Six more autosaves: the oldest ones go, five stay.
for k in 1 2 3 4 5 6; do
	echo "demo chinchilla as run$k" | scalex --repl > /dev/null 2>&1
done
ls state/scalex | grep -c '^autosave-.*\.sx$'
cat state/scalex/autosave-*.sx | grep -c '^demo chinchilla as run'
cat state/scalex/autosave-*.sx | grep -c '^demo kaplan as second'
