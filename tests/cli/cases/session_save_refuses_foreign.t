# save never replaces a file this session did not write (or replay),
# unless --force: not a file that is not a session, and not another
# process's session either (a fresh 'save' would leave only a header).
echo "my notes" > notes.txt
scalex -c 'demo chinchilla; save notes.txt'
echo "exit $?"
cat notes.txt
scalex -c 'demo chinchilla; save notes.txt --force'
head -n 1 notes.txt
scalex -c 'demo chinchilla; save nosuchdir/s.sx'
echo "exit $?"
scalex -c 'demo chinchilla as a; save mysweep.sx' > /dev/null
cp mysweep.sx before.sx
scalex -c 'save mysweep.sx'
echo "exit $?"
cmp mysweep.sx before.sx && echo "mysweep.sx unchanged"
# Its own earlier save, in the same process, it replaces; and the file it
# was replayed from.
scalex -c 'demo kaplan as k; save own.sx; demo chinchilla as c; save own.sx'
scalex -c 'replay mysweep.sx; demo kaplan as k; save mysweep.sx'
grep -c '^demo' mysweep.sx
# plot --out alike.
echo "a figure" > fig.txt
scalex -c 'demo chinchilla as d; plot d --out fig.txt'
echo "exit $?"
cat fig.txt
scalex -c 'demo chinchilla as d; plot d --out p.txt --size 40x10; plot d --out p.txt --size 30x8'
wc -l < p.txt
scalex -c 'demo chinchilla as d; plot d --out fig.txt --force --size 30x8'
wc -l < fig.txt
rm before.sx
ls
