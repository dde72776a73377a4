# Text columns in filter: == != in / not in, both quote styles; the row
# counts agree with counting the dataset_name column by hand.
cut -d, -f2 shared/gadre2024_overtraining_scaling.csv | sed 1d | sort | uniq -c
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; filter g 'dataset_name == \"rpj\"' as rpj; filter g \"dataset_name != 'rpj'\" as other; filter g 'dataset_name in (\"c4_original\", \"rpj\")' as two; filter g 'dataset_name not in (\"c4_original\", \"rpj\")' as rw; filter g 'dataset_name == \"rpj\" and params > 1e9' as big; data list"
scalex --json -c "load shared/gadre2024_overtraining_scaling.csv as g; filter g 'dataset_name == \"rw_original\"' as rw"
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; derive g is_rpj = \"dataset_name == 'rpj'\"; filter g 'is_rpj == 1' as rpj"
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; filter g 'N == \"c4\"' as x"
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; filter g dataset_name == \"rpj\" as x"
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; filter g 'dataset_name >= \"rpj\"' as x"
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; filter g 'dataset_name' as x"
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; derive g mix = dataset_name"
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; filter g 'dataset_name in (rpj)' as x"
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; fit chinchilla g --holdout 'dataset_name'"
scalex -c "load shared/gadre2024_overtraining_scaling.csv as g; fit chinchilla g --holdout 'dataset_name > \"rpj\"'"
