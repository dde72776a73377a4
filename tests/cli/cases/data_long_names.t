# Long column names and text values are never cut without a mark: a name
# keeps its width up to 32 characters, a cell up to 24, longer ones end in
# an ellipsis; widths count characters, so UTF-8 names line up.
cat > w.csv <<'CSV'
run_name_from_the_experiment_tracker,final_validation_loss_on_c4_en_after_cooldown,données_métier
a-very-long-run-name-that-goes-on-and-on,2.5,é
b,2.25,ça
CSV
scalex -c 'load w.csv as w; data show w; data describe w'
