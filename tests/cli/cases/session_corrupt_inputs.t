# Damaged and foreign session files: each a clear error with file:line, and
# the workspace as it was (data list before and after).
printf 'N,L\n1e6,4.1\n1e7,3.5\n1e8,3.0\n' > r.csv
scalex -c 'load r.csv as r; demo chinchilla; save good.sx' > /dev/null
head -c 150 good.sx > truncated.sx
printf '\001\002\377garbage\000\n' > garbage.sx
sed '1s/format 1/format 99/' good.sx > newer.sx
sed '1d' good.sx > headless.sx
sed 's/^demo chinchilla/demox chinchilla/' good.sx > unknown.sx
sed 's/^3e8/3e8/; s/^1e7,3.5/1e7,3.6/' good.sx > edited.sx
for f in truncated garbage newer headless unknown edited; do
	echo "== $f"
	scalex -c "demo kaplan as mine; replay $f.sx; data list"
	echo "exit $?"
	scalex -c "demo kaplan as mine; source $f.sx"
	echo "exit $?"
done 2>&1
