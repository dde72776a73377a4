scalex -c 'demo chinchilla as runs; fit chinchilla runs as ch; fits; predict ch N=7e10 D=1.4e12'
