#!/bin/sh
# run-datapane.sh: the Data pane scrolls sideways (issue 20), through a
# private tmux server, as TAP, at 80x24 and 120x40: a sweep of 12 columns
# with long text cells; Right, End, Left and Home move by column; the
# columns are as wide as their cells (up to 24, cut ones ending in "…");
# "‹" and "›" at the names' ends say columns are hidden that side; Home
# and End still edit the console's line.
# The helpers are tmux-lib.sh's; skipped without tmux.
set -u
tmux_name=datapane
. "$(dirname "$0")/tmux-lib.sh"
plan 26
{
	echo "run_name,N,D,C,loss,lr,batch_size,warmup_steps,optimizer_config,tokens_seen,eval_loss_final,notes_long_text_column"
	for i in 0 1 2 3 4 5 6 7; do
		echo "sweep-C1e+1$i-N${i}000000-tokens,1e$((6 + i)),2e$((7 + i)),1.2e$((14 + 2 * i)),3.$i,3e-4,$((256 * (i + 1))),2000,adamw-beta2-0.95-wd-0.1-cosine,2e$((7 + i)),3.$i,a long free-text note that goes on"
	done
} > "$scratch/wide.csv"

# gone NAME TEXT: a test that TEXT leaves the screen (up to 10 s).
gone() {
	n=$((n + 1))
	k=0
	while [ $k -lt 200 ] && screen | grep -F -q -- "$2"; do
		sleep 0.05
		k=$((k + 1))
	done
	if [ $k -lt 200 ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1 ('$2' still on screen)"
		screen | sed 's/^/# /'
	fi
}

for size in "80 24" "120 40"; do
	set -- $size
	sz=${1}x$2
	start $1 $2 wide.csv
	wait_for "scalex>" && keys 1
	check "$sz the first column, its long names cut with …" \
	    "sweep-C1e+10-N0000000-t…"
	check "$sz the later columns hidden are counted" "12 columns (1-"
	check "$sz › marks columns hidden to the right" "›│"
	keys Right
	check "$sz Right scrolls one column" "12 columns (2-"
	check "$sz ‹ marks columns hidden to the left" "│‹   #"
	keys End
	check "$sz End scrolls to the last column" "12 shown: Left/Right)"
	if [ "$1" = 120 ]; then
		check "$sz End shows the last column's name" \
		    "‹   # notes_long_text_column"
	else
		check "$sz End shows the last columns' names" \
		    "‹   # tokens_seen eval_loss_final notes_long_text_column"
	fi
	check "$sz and its cells, cut at 24 cells" "a long free-text note t…"
	gone "$sz nothing is hidden to the right at the end" "›│"
	keys Left
	check "$sz Left scrolls back a column" "11 shown: Left/Right)"
	keys Home
	check "$sz Home goes back to the first column" "12 columns (1-"
	gone "$sz nothing is hidden to the left at the start" "│‹"
	# The console's line editor keeps Home and End.
	keys : odels Home m End Enter
	check "$sz Home and End still move in the console's line" \
	    "L(t) = y0 * 2^((t - t0)/T)"
done
