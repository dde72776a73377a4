cat > s.sx <<'SX'
# a script whose third command fails
demo chinchilla as runs
data list
data show nosuch
data list
SX
scalex s.sx
echo "exit $?"
