/* columns.c: canonical column names of scaling data and their aliases. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "scaling/columns.h"

/*
 * Aliases are stored normalised: lower case, without spaces, '_' or '-', so
 * "Model Size", "model_size" and "model-size" all read "modelsize".
 *
 * Loss: only names that are generic by themselves are aliases. A file with
 * many loss_* columns (one per evaluation set) must not have one picked at
 * random; the exception is "loss_c4_val" / "c4_val_loss", the C4 validation
 * loss that several scaling-law papers fit (Gadre et al. 2024 among them),
 * so that their tables work as loaded. Names that are commonly something
 * else ("size", "batch_size", "lr") are deliberately absent.
 */
static const char *const column_n_aliases[] = {
	"n", "params", "parameters", "numparams", "numparameters", "nparams",
	"nparameters", "paramcount", "parametercount", "modelsize",
	"modelparams", "modelparameters", "nonembeddingparams",
	"nonembeddingparameters", "paramsnonembedding", "paramsnoembed",
	NULL
};
static const char *const column_d_aliases[] = {
	"d", "tokens", "numtokens", "ntokens", "data", "datasize",
	"datasetsize", "trainingtokens", "traintokens", "tokenstrained",
	"numtrainingtokens", NULL
};
/* Unique tokens of the training set (Muennighoff et al. 2023's U_D): "U_D"
 * normalises to "ud". */
static const char *const column_u_aliases[] = {
	"u", "ud", "unique", "uniquetokens", "numuniquetokens", "nuniquetokens",
	"uniquedata", "uniquetrainingtokens", "uniquetraintokens", NULL
};
static const char *const column_c_aliases[] = {
	"c", "compute", "flops", "flop", "trainingflop", "trainingflops",
	"trainflop", "trainflops", "computeflop", "computeflops", "totalflop",
	"totalflops", "trainingcompute", NULL
};
static const char *const column_l_aliases[] = {
	"l", "loss", "valloss", "validationloss", "validloss", "evalloss",
	"testloss", "trainloss", "trainingloss", "finalloss", "lossc4val",
	"c4valloss", NULL
};
static const char *const column_s_aliases[] = {
	"s", "step", "steps", "iteration", "iterations", "iter", "iters",
	"numsteps", "trainingsteps", "trainsteps", NULL
};
static const char *const column_t_aliases[] = {
	"t", "time", "date", "year", NULL
};

static const struct column_entry {
	const char *canonical;
	const char *description;
	const char *const *aliases;
} column_table[] = {
	{ "N", "parameters", column_n_aliases },
	{ "D", "tokens", column_d_aliases },
	{ "U", "unique tokens", column_u_aliases },
	{ "C", "compute (FLOP)", column_c_aliases },
	{ "L", "loss (nats/token)", column_l_aliases },
	{ "S", "steps", column_s_aliases },
	{ "t", "time", column_t_aliases },
};

#define COLUMN_NORM_MAX 64

/*
 * Normalise `name` into `buf` (lower case, no ' ', '_', '-'). Returns 0, or
 * -1 when the result would not fit (no alias is that long).
 */
static int
column_normalise(const char *name, char *buf, size_t len)
{
	size_t n = 0;
	const char *p;

	for (p = name; *p != '\0'; p++) {
		char c = *p;

		if (c == ' ' || c == '_' || c == '-')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (n + 1 >= len)
			return -1;
		buf[n++] = c;
	}
	buf[n] = '\0';
	return 0;
}

/*
 * The canonical name ("N", "D", "U", "C", "L", "S" or "t") that `name` is an
 * alias of, or NULL (also for NULL or an empty name). The returned string
 * is static.
 */
const char *
column_canonical(const char *name)
{
	char norm[COLUMN_NORM_MAX];
	size_t i, j;

	if (name == NULL || column_normalise(name, norm, sizeof norm) != 0 ||
	    norm[0] == '\0')
		return NULL;
	for (i = 0; i < sizeof column_table / sizeof column_table[0]; i++) {
		const char *const *a = column_table[i].aliases;

		for (j = 0; a[j] != NULL; j++) {
			if (strcmp(a[j], norm) == 0)
				return column_table[i].canonical;
		}
	}
	return NULL;
}

/*
 * The description of the canonical column `canonical` (exactly "N", "D",
 * "U", "C", "L", "S" or "t"), or NULL for anything else.
 */
const char *
column_describe(const char *canonical)
{
	size_t i;

	if (canonical == NULL)
		return NULL;
	for (i = 0; i < sizeof column_table / sizeof column_table[0]; i++) {
		if (strcmp(column_table[i].canonical, canonical) == 0)
			return column_table[i].description;
	}
	return NULL;
}
