# kill -9 in the middle of a save (widened by a test-only delay per line)
# leaves the previous session file whole and replayable.
scalex -c 'demo chinchilla as old; save s.sx' > /dev/null
cp s.sx before.sx
SX_TEST_SAVE_DELAY_MS=1500 scalex -c 'demo chinchilla; demo kaplan; demo henighan-math; save s.sx --force' > /dev/null &
pid=$!
# wait until the temporary file exists: the save has begun
i=0
while [ -z "$(ls | grep 's.sx.tmp')" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
kill -9 $pid
wait $pid 2>/dev/null
cmp s.sx before.sx && echo "previous session intact"
scalex --replay s.sx
