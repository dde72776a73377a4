scalex -c 'zzzzzz'
