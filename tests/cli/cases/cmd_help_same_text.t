scalex -c 'help fit' > a
scalex -c 'fit --help' > b
cmp a b && cat a
scalex -c 'help data show'
scalex -c 'help fitt'
