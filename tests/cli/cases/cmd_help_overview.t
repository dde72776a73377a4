scalex -c 'help'
