# fit --by COL fits each group of rows (the values of a text or
# whole-number column) on its own, stores the fits as NAME[group] and
# prints one table; fits, fit show, predict and set take them, fit show
# and predict also the group name for all of them. A group's fit is the
# fit of its rows alone: the rows of rpj written to a file of their own
# give the same parameters, digit for digit. Saved and replayed, the
# session gives the same table.
g=shared/gadre2024_overtraining_scaling.csv
scalex -c "load $g as g
fit chinchilla g --y loss_c4_val --by dataset_name as ch
fits
fit show 'ch[rpj]'
predict ch C=1e21
set 'ch[rpj].E' 1.6
save by.sx"
awk -F, 'NR == 1 || $2 == "rpj"' "$g" > rpj.csv
a=$(scalex --json -c "load $g as g; fit chinchilla g --y loss_c4_val --by dataset_name as ch; fit show 'ch[rpj]'" | tail -1 | grep -o '"params":.*"objective"')
b=$(scalex --json -c "load rpj.csv as r; fit chinchilla r --y loss_c4_val as alone; fit show alone" | tail -1 | grep -o '"params":.*"objective"')
[ -n "$a" ] && [ "$a" = "$b" ] && echo "rpj alone: the same parameters"
scalex -c 'replay by.sx; fit show ch' | grep -c '^fit ch\['
# Per group: a bootstrap and a hold-out each, on a whole-number column.
scalex -c 'demo chinchilla as r --seed 2
derive r big = N > 1e9
fit chinchilla r --by big as b --bootstrap 10 --seed 1 --holdout "D > 1e11"'
# frontier takes a group fit's name for a table a group; its figure is
# one fit's.
scalex -c "load $g as g
fit chinchilla g --y loss_c4_val --by dataset_name as ch
frontier ch --points 3
frontier ch --plot"
# compare takes fits of one group (its hold-out refits the group's rows)
# and refuses fits of different groups.
scalex -c "load $g as g
fit chinchilla g --y loss_c4_val --by dataset_name as ch
fit kaplan_nd g --y loss_c4_val --by dataset_name as k
compare 'ch[rpj]' 'k[rpj]' --holdout 'params > 1e9'
compare 'ch[rpj]' 'k[c4_original]'"
