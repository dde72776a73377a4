# A locale that is not UTF-8 gives ASCII plots; --ascii forces them;
# --color always colours even when not a terminal, NO_COLOR wins over auto.
LC_ALL=C scalex -c 'demo henighan-image16 as h; plot h --size 40x12' | tail -n 12
scalex --ascii -c 'demo henighan-image16 as h; plot h --size 40x12' | tail -n 12 > a.txt
LC_ALL=C scalex -c 'demo henighan-image16 as h; plot h --size 40x12' | tail -n 12 > b.txt
cmp a.txt b.txt && echo "--ascii = C locale"
scalex --color always -c 'demo henighan-image16 as h; plot h --size 40x12' | grep -c "$(printf '\033')\["
scalex --color=sometimes -c 'demo chinchilla'
echo "exit $?"
