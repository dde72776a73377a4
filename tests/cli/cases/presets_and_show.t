scalex -c 'presets; preset show hoffmann2022; preset show kaplan2020'
scalex -c 'preset show nosuch'
