scalex -c 'load shared/chinchilla_epoch.csv as ep; rename ep "Model Size" N; rename ep loss N'
echo "exit $?"
scalex -c 'load shared/chinchilla_epoch.csv as ep; rename ep nosuch M'
