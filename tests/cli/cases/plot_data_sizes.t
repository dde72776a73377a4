# A dataset alone at 80x24, 120x40 and 40x12, braille and ASCII.
for size in 80x24 120x40 40x12; do
	scalex -c "demo henighan-image16 as h; plot h --size $size"
	scalex -c "demo henighan-image16 as h; plot h --size $size --ascii"
done
