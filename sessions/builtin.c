/* builtin.c: the built-in demo session (a script like any saved session). */
#include "config.h"

#include "sessions/builtin.h"

const char builtin_demo_session[] =
	"# scalex built-in demo: Chinchilla-style IsoFLOP runs generated from\n"
	"# Hoffmann et al. 2022's law with 1% noise, and the law fitted back.\n"
	"demo chinchilla as runs --seed 1\n"
	"data describe runs\n"
	"fit chinchilla runs as ch --space log\n"
	"predict ch N=7e10 D=1.4e12\n";
