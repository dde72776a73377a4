scalex -c
