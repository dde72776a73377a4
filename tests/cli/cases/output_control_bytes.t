# Column names, text cells and paths from a file are printed with their
# control bytes shown as \xNN (as errors show them): a clear-screen
# (ESC[2J), a set-title (ESC]0;...BEL) or a bell never reaches the
# terminal from load, data list, data show or data describe. JSON keeps
# its own escaping (\u001b); colours of our own plots still pass.
f=$(printf 'ev\033[2Jil.csv')
printf 'N\033[2J,L\033]0;pwned\007,tag\n1e6,4.1,a\033[2Jb\n1e7,3.5,\033]0;t\007x\n1e8,3.0,\007ok\n' > "$f"
scalex -c "load '$f' as d; data list; data show d; data describe d"
scalex --json -c "load '$f' as d; data show d"
# A path with a control byte, in a failed load's error.
scalex -c "load '$(printf 'no\033]0;x\007such.csv')'"
# Plot colours are ours: they pass, nothing else does.
scalex -c "load '$f' as d; plot d --x 'N$(printf '\033')[2J' --y 'L$(printf '\033]0;pwned\007')' --color always --size 40x10" | grep -c "$(printf '\033')\[3[0-9]m"
scalex -c "load '$f' as d; plot d --x 'N$(printf '\033')[2J' --y 'L$(printf '\033]0;pwned\007')' --size 40x10" | grep -c "$(printf '\033\007')" || :
# Arguments and paths in scalex's own usage errors too.
scalex "$(printf 'no\033]0;x\007such.sx')"
scalex --bogus"$(printf '\007')"
scalex a "b$(printf '\033')[2Jc"
scalex --tui "x$(printf '\033')[2J.sx"
echo rc=$?
