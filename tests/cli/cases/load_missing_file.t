scalex -c 'load nosuch.csv'
