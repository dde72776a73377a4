# --quiet (-q): results only. The console's banner and its list of
# autosaves (chatter on standard error) go; results and errors stay.
echo 'demo chinchilla as ch' | scalex --repl > /dev/null 2>&1
echo '--- without --quiet'
echo 'demo chinchilla as ch' | scalex --repl 2>&1 | sed "s|$PWD|WORK|g" | sed 's/autosave-[0-9-]*\.sx/autosave-DATE.sx/; s/([^)]*ago)/(AGO)/; s/([0-9][0-9-]* [0-9:]*)/(WHEN)/'
echo '--- with --quiet'
echo 'demo chinchilla as ch' | scalex --repl --quiet
echo '--- stderr with -q:'
echo 'demo chinchilla as ch' | scalex --repl -q 2>&1 >/dev/null | wc -c
echo '--- an error is still reported'
scalex -q -c 'fit nosuch ch'
echo "rc=$?"
