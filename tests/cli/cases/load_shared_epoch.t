scalex -c 'load shared/chinchilla_epoch.csv as ep; data list; data show ep --rows 3; data describe ep'
