scalex -c 'demo chinchilla as r; derive r tpp = D/N; data show r --rows 4'
