# save never replaces a file that is not a session, unless --force.
echo "my notes" > notes.txt
scalex -c 'demo chinchilla; save notes.txt'
echo "exit $?"
cat notes.txt
scalex -c 'demo chinchilla; save notes.txt --force'
head -n 1 notes.txt
scalex -c 'demo chinchilla; save nosuchdir/s.sx'
echo "exit $?"
ls
