scalex -c 'frontier henighan'
scalex --json -c 'frontier henighan --at 100'
