scalex -c 'demo chinchilla; fitt chinchilla chinchilla'
