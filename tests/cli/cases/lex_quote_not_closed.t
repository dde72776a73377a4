scalex -c 'demo chinchilla
rename chinchilla N "params'
