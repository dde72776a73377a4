# A law of N and D over compute: its value at every run and the
# compute-optimal L(C) it implies.
scalex -c 'demo chinchilla as runs; fit chinchilla runs as ch; plot ch --size 90x26' | tail -n 26
