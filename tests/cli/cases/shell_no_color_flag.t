# NO_COLOR gives way to an explicit --color always (no-color.org:
# command-line flags win); with auto (here not a terminal) no colours.
esc=$(printf '\033')
NO_COLOR=1 scalex --color always -c 'demo chinchilla as ch; fit chinchilla ch; plot ch' |
    grep -c "$esc" | sed 's/^[1-9][0-9]*$/coloured/'
NO_COLOR=1 scalex --color=always -c 'demo chinchilla as ch; fit chinchilla ch; plot ch' |
    grep -c "$esc" | sed 's/^[1-9][0-9]*$/coloured/'
NO_COLOR=1 scalex -c 'demo chinchilla as ch; fit chinchilla ch; plot ch' | grep -c "$esc"
NO_COLOR=1 scalex --color never -c 'demo chinchilla as ch; fit chinchilla ch; plot ch --color always' |
    grep -c "$esc" | sed 's/^[1-9][0-9]*$/coloured/'
