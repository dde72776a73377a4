# SIGTERM and SIGHUP end the console with an autosave, and the next start
# says where it is.
for sig in TERM HUP; do
	rm -rf state fifo out
	mkfifo fifo
	scalex --repl < fifo > out 2>&1 &
	pid=$!
	exec 3> fifo
	echo "demo chinchilla as by_$sig" >&3
	i=0
	while ! grep -qs "81 rows" out && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
	kill -$sig $pid
	wait $pid
	echo "exit $?"
	exec 3>&-
	grep -v '^#' state/scalex/autosave-*.sx
done
scalex --repl < /dev/null 2>&1 | sed -e 's/([0-9: -]*)/(TIME)/' -e "s|$PWD|.|g" \
    -e 's/autosave-[0-9]*-[0-9]*-[0-9]*\.sx/autosave-DATE-TIME-PID.sx/g'
