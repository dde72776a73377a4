/* builtin.c: the built-in demo session (a script like any saved session). */
#include "config.h"

#include "sessions/builtin.h"

/*
 * What `scalex` opens on: a law of N and D fitted to IsoFLOP runs (its
 * frontier), and a compute law L(C) fitted to language runs, which stands
 * in for Kaplan et al.'s L(C_min) in the crossover, so that nudging it in
 * the TUI moves C*.
 */
const char builtin_demo_session[] =
	"# scalex built-in demo: Chinchilla-style IsoFLOP runs generated from\n"
	"# Hoffmann et al. 2022's law with 1% noise, and the law fitted back.\n"
	"demo chinchilla as runs --seed 1\n"
	"data describe runs\n"
	"fit chinchilla runs as ch --space log\n"
	"predict ch N=7e10 D=1.4e12\n"
	"frontier ch --C 1e20..1e24 --points 5\n"
	"# A compute frontier L(C) of language models (Henighan et al. 2020)\n"
	"# fitted, and Kaplan et al. 2020's crossover with it as L(C_min).\n"
	"demo henighan-language as lang --seed 1\n"
	"fit plc lang as lc\n"
	"crossover kaplan2020 --compute lc\n";
