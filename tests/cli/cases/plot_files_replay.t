# Figure files from the extension of --out: a saved session that writes
# them replays to the same bytes (no dates in the PDF, SVG ids numbered
# per file), here in another directory and after another figure.
scalex -c 'demo chinchilla as d; fit chinchilla d as f
plot f --out fig.png --dpi 100
plot f --residuals --out fig.svg --title "Chinchilla fit"
plot f --out fig.pdf --size 300x200
plot d --out fig.txt --size 50x12
save figs.sx'
echo "exit $?"
# Logged with the checksum of the bytes written (which vary with the
# fonts and cairo installed, so not shown here).
grep "^plot" figs.sx | sed 's/--sha256 [0-9a-f]\{64\}$/--sha256 HEX/'
mkdir again
cp figs.sx again/
cd again
scalex -c 'demo kaplan as k; plot k --out other.svg; replay --allow-writes figs.sx' | tail -n 4
for f in fig.png fig.svg fig.pdf fig.txt; do
	cmp "../$f" "$f" && echo "$f: the same bytes"
done
# In place too: a file that still holds the bytes its command logged may
# be replaced by the replay; one changed since may not.
scalex -c 'replay --allow-writes figs.sx' | tail -n 1
cmp ../fig.png fig.png && echo "fig.png: the same bytes"
echo "changed" > fig.svg
scalex -c 'replay --allow-writes figs.sx' 2>&1 >/dev/null | head -n 1
cat fig.svg
# The JSON record of a figure file.
scalex --json -c 'demo chinchilla as d; plot d --out j.png --size 144x100 --dpi 72'
cd ..
ls
