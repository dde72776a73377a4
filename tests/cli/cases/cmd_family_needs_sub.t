scalex -c 'data'
