# Lin-log axes, colours on, JSON, and the plot written to a file.
scalex -c 'demo kaplan as k; plot k --x S --logx --size 80x24 --color always --title "Kaplan learning curves"'
scalex --json -c 'demo henighan-image8 as h; fit plc h as f; plot f --size 40x12 --ascii' | tail -n 1
scalex -c 'demo henighan-image8 as h; fit plc h as f; plot f --out p.txt --size 60x20 --color always' | tail -n 1
grep -c '' p.txt
grep -c "$(printf '\033')" p.txt
scalex --json -c 'demo henighan-image8 as h; fit plc h as f; plot f --out q.txt --size 60x20' | tail -n 1
