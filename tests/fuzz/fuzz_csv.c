/* fuzz_csv.c: fuzz target for the CSV/TSV reader (scaling/csv.c). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "scaling/csv.h"
#include "scaling/dataset.h"
#include "tests/fuzz/fuzz.h"

/*
 * Parse the input as a file's bytes. The copy is exactly `size` bytes (no
 * terminator), so a reader that runs past the length it was given is
 * caught. A parse either fails with a message or yields a dataset whose
 * every numeric cell is finite, as csv.h promises, and whose notes are
 * clean lines.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size > 0 ? size : 1);
	sx_dataset *ds;
	sx_err err;

	if (size > 0)
		memcpy(text, data, size);
	err_clear(&err);
	ds = csv_parse(text, size, "fuzz.csv", "fuzz", &err);
	if (ds == NULL) {
		if (err.msg[0] == '\0')
			abort();
	} else {
		/* The reader's notes (underflow, why a column is text) are
		 * lines "fuzz.csv:..." without control bytes: the cell they
		 * quote came from the input. */
		for (const char *n = ds->notes; n != NULL && *n != '\0';) {
			const char *nl = strchr(n, '\n');

			if (nl == NULL || strncmp(n, "fuzz.csv:", 9) != 0)
				abort();
			for (; n < nl; n++)
				if ((unsigned char)*n < 0x20 || *n == 0x7f)
					abort();
			n = nl + 1;
		}
		for (size_t c = 0; c < ds->ncols; c++) {
			const sx_column *col = &ds->cols[c];

			if ((col->v == NULL) == (col->text == NULL))
				abort();
			for (size_t r = 0; col->v != NULL && r < ds->nrows; r++)
				if (!isfinite(col->v[r]))
					abort();
		}
		dataset_free(ds);
	}
	free(text);
	return 0;
}
