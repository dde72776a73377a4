# Tables for papers: a fit's parameters, a frontier and a comparison as
# CSV, Markdown and LaTeX (per command --format / --out, and scalex
# --format), values rounded to their standard errors.
fit='demo chinchilla as runs; fit chinchilla runs as a'

# CSV round-trips through load to the same numbers: the fit's values and
# errors in fit show's JSON are the loaded table's, digit for digit
# (both are shortest exact forms, so equal text is equal doubles).
scalex --json -c "$fit; fit show a; fit show a --out p.csv; load p.csv as P; data show P" > rt.json
grep '"cmd":"fit show","name"' rt.json | grep -o '"value":[^,}]*\|"se":[^,}]*' | cut -d: -f2 > want
grep '"cmd":"data show"' rt.json | sed 's/.*"value":\[\([^]]*\)\].*/\1/' | tr , '\n' > v
grep '"cmd":"data show"' rt.json | sed 's/.*"se":\[\([^]]*\)\].*/\1/' | tr , '\n' > s
paste -d '\n' v s > got
cmp want got && echo "fit show CSV: the same $(wc -l < got) numbers after load"
cat p.csv
# The same for the frontier's rows (scalex --format csv, all columns).
scalex --json -c "$fit; frontier a --points 4" | tail -1 | sed 's/.*"rows":\[//' | grep -o '"[A-Za-z_]*":[-0-9.e+]*' | sort > want
scalex --format csv -c "$fit; frontier a --points 4" | tail -5 > f.csv
scalex --json -c "load f.csv as F; data show F" | tail -1 | sed 's/.*"columns":{//; s/}}$//' |
    awk -F'],' '{ for (i = 1; i <= NF; i++) { split($i, kv, ":\\["); gsub(/[]"]/, "", kv[1]); gsub(/[]]/, "", kv[2]); n = split(kv[2], x, ","); for (j = 1; j <= n; j++) printf "\"%s\":%s\n", kv[1], x[j] } }' | sort > got
cmp want got && echo "frontier CSV: the same $(wc -l < got) numbers after load"

# Markdown renders as a table: every line between pipes, the same number
# of (unescaped) pipes, the header separator of dashes and colons.
mdcheck() {
	awk '{ s = $0; gsub(/\\\|/, "", s); n = gsub(/\|/, "|", s)
	       if (substr($0, 1, 1) != "|" || substr($0, length($0)) != "|") bad = bad " line " NR ": not between pipes"
	       if (NR == 1) cols = n; else if (n != cols) bad = bad " line " NR ": " n " pipes, not " cols
	       if (NR == 2 && $0 !~ /^(\| *:?-+:? *)+\|$/) bad = bad " line 2: no separator" }
	     END { print (bad == "" ? "markdown ok: " NR - 2 " rows of " cols - 1 " columns" : "markdown bad:" bad) }' "$1"
}
scalex -c "$fit; fit show a --format markdown" | sed -n '/^|/p' > a.md
mdcheck a.md
cat a.md
scalex -c "$fit; fit show a --format markdown --se pm" | sed -n '/^|/p'
scalex -c "$fit; fit kaplan_nd runs as b; compare a b --out c.md" | tail -1 && mdcheck c.md
# Two tables in one stream: a blank line between them.
scalex --format markdown -c "$fit; fits" | sed -n '/^$/,$p'

# LaTeX, checked without TeX (too heavy for the tests): braces balanced,
# each row's cells (& + 1) the tabular spec's columns, rows ended by \\,
# the booktabs rules in order, no unescaped _ % # and math ($) closed on
# every row.
texcheck() {
	awk 'NR == 1 { if (match($0, /^\\begin\{tabular\}\{[lrc]+\}$/) == 0) bad = bad " no tabular spec"; spec = $0; sub(/^\\begin\{tabular\}\{/, "", spec); sub(/\}$/, "", spec); cols = length(spec) }
	     { s = $0; gsub(/\\\\\\\\/, "", s); gsub(/\\[{}_%&#$]/, "", s)
	       o = gsub(/\{/, "{", s); c = gsub(/\}/, "}", s); depth += o - c
	       if (s ~ /[_%#]/) bad = bad " line " NR ": unescaped _ % or #"
	       if (gsub(/\$/, "$", s) % 2) bad = bad " line " NR ": math not closed" }
	     /^\\(toprule|midrule|bottomrule)$/ { rules = rules substr($0, 2, 1) ; next }
	     NR > 1 && !/^\\end\{tabular\}$/ { s = $0; gsub(/\\&/, "", s); n = gsub(/&/, "&", s) + 1; rows++
	       if (n != cols) bad = bad " line " NR ": " n " cells, not " cols
	       if ($0 !~ / \\\\$/) bad = bad " line " NR ": no \\\\" }
	     END { if (depth != 0) bad = bad " braces unbalanced"; if (rules != "tmb") bad = bad " rules " rules
	           print (bad == "" ? "latex ok: " rows " rows of " cols " columns" : "latex bad:" bad) }' "$1"
}
scalex -c "$fit; fit show a --out a.tex" | tail -1 && texcheck a.tex
cat a.tex
scalex -c "presets --out p.tex" && texcheck p.tex
grep -c 'textasciicircum{}' p.tex
scalex -c "$fit; frontier a --points 3 --format latex" | sed -n '/^\\begin/,$p' > f.tex && texcheck f.tex
scalex -c "$fit; derive runs g = N > 1e9; fit chinchilla runs as gg --by g --format latex --se pm" | sed -n '/^\\begin/,$p' > g.tex && texcheck g.tex
cat g.tex
# --out writes only files this session wrote or --force allows.
scalex -c "$fit; fit show a --out a.tex" >/dev/null
scalex -c "$fit; fit show a --out a.tex --force; fit show a --out a.tex --format csv" | tail -2 && head -1 a.tex
# fit is logged without its table's options: replay writes no file.
scalex -c "$fit --out=t1.csv --se pm; fit chinchilla runs as b --format csv --force --out t2.csv --space log; history; save s.sx" | tail -3
rm t1.csv t2.csv; scalex --replay s.sx > /dev/null; ls t1.csv t2.csv 2>&1 | sed 's/^ls: //'
# scalex's own --format and --se: bad values are usage errors (status 2).
scalex --format xls -c fits; echo "status $?"
scalex --se; echo "status $?"
scalex --format=csv --se=pm -c 'presets' | head -2
