scalex --json -c 'demo chinchilla as runs; fit chinchilla runs as ch --fix E=1.69; fit show ch'
