scalex -c 'presets; preset show hoffmann2022; preset show kaplan2020'
scalex --json -c 'presets; preset show hoffmann2022; demo; demo kaplan --seed 3'
scalex -c 'demo; demo kaplan --seed 3'
scalex -c 'preset show nosuch'
