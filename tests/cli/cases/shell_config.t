# The config file ($XDG_CONFIG_HOME/scalex/config, here ./config): option
# lines first (the command line's own win), then its commands run quietly
# at start; --no-config skips it; a bad line stops with its place.
mkdir -p config/scalex
cat > config/scalex/config <<'CFG'
# defaults of my own
--se pm
--color always
model define mypl 'A*x^-a'
CFG
esc=$(printf '\033')
scalex -c 'models' | grep mypl
scalex -c 'demo chinchilla as ch; fit chinchilla ch; plot ch' | grep -c "$esc" |
    sed 's/^[1-9][0-9]*$/coloured/'
echo '--- the command line wins over the config'
scalex --color never -c 'demo chinchilla as ch; fit chinchilla ch; plot ch' | grep -c "$esc"
scalex -c 'demo chinchilla as ch; fit chinchilla ch --format markdown' | grep -c '±' |
    sed 's/^[1-9][0-9]*$/pm/'
scalex --se paren -c 'demo chinchilla as ch; fit chinchilla ch --format markdown' | grep -c '±'
echo '--- --no-config'
scalex --no-config -c 'models' | grep -c mypl
echo '--- a saved session keeps what the config defined'
scalex -c 'save s.sx' && grep -c 'model define mypl' s.sx
echo '--- bad lines'
w() { sed "s|$PWD|WORK|g"; }
echo '--repl' > config/scalex/config
{ scalex -c models 2>&1; echo "rc=$?"; } | w
printf '\n--color\n' > config/scalex/config
{ scalex -c models 2>&1; echo "rc=$?"; } | w
printf 'fit nosuch x\n' > config/scalex/config
{ scalex -c models 2>&1; echo "rc=$?"; } | w
scalex --version > /dev/null && echo "--version works whatever the config"
scalex --no-config -c 'models' > /dev/null && echo "--no-config skips it"
