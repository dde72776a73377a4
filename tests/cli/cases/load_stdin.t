# load - in scalex -c reads standard input when no here-document follows;
# a saved session inlines what was read, and replays without the pipe.
printf 'N,L\n1e8,3.1\n4e8,NA\n1e9,2.6\n' > r.csv
cat r.csv | scalex -c 'load - as runs; data list; data describe runs; save s.sx'
echo "exit $?"
sed -n 3,8p s.sx
scalex -c 'replay s.sx; data show runs'
echo "exit $?"
# Read once; empty input; inside a sourced script 'load -' still means a
# here-document.
scalex -c 'load - as a; load - as b' < r.csv
echo "exit $?"
scalex -c 'load - as a' < /dev/null
echo "exit $?"
printf 'load - as r\n' > t.sx
scalex -c 'source t.sx' < r.csv
echo "exit $?"
