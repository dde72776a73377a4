# tap.sh: the TAP helper shell tests share (sourced): ok STATUS TEXT
# prints "ok N - TEXT" or "not ok N - TEXT" and counts the failures.
n=0
fails=0
ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else
		echo "not ok $n - $2"; fails=$((fails + 1)); fi
}
