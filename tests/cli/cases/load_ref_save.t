# A load is logged as a reference to its file; save reads the file back and
# inlines it, as sessions always held it. A file changed after the load
# (here overwritten by plot --out) fails the save, naming the file, and
# nothing is written; an unchanged file saves the same session as before.
printf 'N,L\n1e6,4.1\n1e7,3.5\n' > r.txt
scalex -c 'load r.txt as r; save ok.sx' && sed 1,2d ok.sx
scalex -c 'load r.txt as r; history' | sed -n '1,3p'
scalex -c 'load r.txt as r; plot r --out r.txt --force; save bad.sx' 2>&1
echo "exit $?"
test -e bad.sx && echo "bad.sx was written" || echo "no bad.sx"
printf 'N,L\n1e6,4.1\n1e7,3.5\n' > r.txt
scalex -c 'load r.txt as r; save again.sx' > /dev/null && cmp ok.sx again.sx && echo same
