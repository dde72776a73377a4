cat > part.sx <<'SX'
demo chinchilla as a --seed 2
fit chinchilla a as fa
SX
scalex -c 'source part.sx; history'
scalex --json -c 'source part.sx; history' | tail -n 1
printf 'demo chinchilla\nfitt x\n' > bad.sx
scalex -c 'demo kaplan; source bad.sx; data list'
