# set recomputes rmse, R^2, the objective and the hold-out scores at the
# new values: they must equal those of a fit with every parameter fixed at
# the same values (fit_run's all-fixed path, computed apart from set), for
# least squares, Huber and a hold-out fit.
scalex -c 'demo chinchilla as d --seed 1
fit chinchilla d as ch --fix E=1.7,A=330,alpha=0.4,B=366,beta=0.27
fit chinchilla d as s
set s.E 1.7; set s.A 330; set s.alpha 0.4; set s.B 366; set s.beta 0.27
fit show ch; fit show s
fit chinchilla d as hf --loss huber:0.01 --fix E=1.7,A=330,alpha=0.4,B=366,beta=0.27
fit chinchilla d as h --loss huber:0.01
set h.E 1.7; set h.A 330; set h.alpha 0.4; set h.B 366; set h.beta 0.27
fit show hf; fit show h
fit chinchilla d as of --holdout "N > 1e9" --fix E=1.7,A=330,alpha=0.4,B=366,beta=0.27
fit chinchilla d as o --holdout "N > 1e9"
set o.E 1.7; set o.A 330; set o.alpha 0.4; set o.B 366; set o.beta 0.27
fit show of; fit show o' | grep -E 'rmse|objective|hold|set by'
