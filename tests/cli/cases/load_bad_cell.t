printf 'N,D,L\n1e9,2e10,2.5\n2e9,abc,2.4\n' > bad.csv
scalex -c 'load bad.csv as runs'
