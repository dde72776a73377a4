/* out.h: the one output sink: human text, or JSON Lines with --json. */
#ifndef SX_OUT_H
#define SX_OUT_H

#include <signal.h>
#include <stdio.h>

/*
 * Every command writes its results here. In text mode, out_printf writes
 * through; in JSON mode each result is one object on one line, built with
 * out_obj_begin(o, "cmd-name") ... out_obj_end(o); it always carries a
 * "cmd" key. Floats are written at full precision (the shortest form that
 * reads back to the same double); NaN and infinities as null.
 */
typedef struct sx_out {
	FILE *fp;
	FILE *errfp;     /* where nested scripts report their errors */
	int json;
	int format;      /* OUT_TEXT .. OUT_LATEX (views/table.h); json is
	                    set with OUT_JSON, and 0 for the table formats */
	int se_pm;       /* tables: "1.817 ± 0.015" instead of "1.817(15)" */
	int tables;      /* tables written so far (Markdown: a blank line
	                    between two) */
	int depth;
	int keyed;       /* a key was written: its value follows */
	int first[32];   /* per nesting level: no member written yet */
	char close[32];  /* per nesting level: the closing bracket */
	int color;       /* ANSI colours: 1 allowed, 0 not (auto), -1 refused */
	int ascii;       /* plots: ASCII instead of braille */
	int width;       /* default plot size (terminal size or 80x24) */
	int height;
	FILE *progress_fp;  /* progress bars go here (a terminal), or NULL */
	int quiet;       /* --quiet: results only, no progress or notices */
	volatile sig_atomic_t *interrupt;  /* set by Ctrl-C, or NULL; cleared
	                                      as each command starts */
	volatile sig_atomic_t *stop;       /* a signal's number once one ends
	                                      the run (SIGTERM), or NULL: no
	                                      command starts after it */
} sx_out;

void out_init(sx_out *o, FILE *fp, int json);
void out_printf(sx_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void out_puts(sx_out *o, const char *s);
/* Text with colour sequences of our own (plots): those pass, any other
 * control byte is escaped as out_puts does. */
void out_puts_sgr(sx_out *o, const char *s);
/* In text mode out_printf and out_puts show control bytes (but tab and
 * newline) as \xNN; errors use the same helper, escaping newlines too. */
int out_unsafe_byte(unsigned char c, int keep_nl);
void out_write_safe(FILE *fp, const char *s, size_t n, int keep_nl);

/* Shortest round-trip representation of v ("1e+25" style), NaN -> "nan". */
void out_fmt_double(char *buf, size_t len, double v);

void out_obj_begin(sx_out *o, const char *cmd);
void out_obj_end(sx_out *o);
void out_key_str(sx_out *o, const char *key, const char *s);
void out_key_num(sx_out *o, const char *key, double v);
void out_key_int(sx_out *o, const char *key, long long v);
void out_key_bool(sx_out *o, const char *key, int v);
void out_key_null(sx_out *o, const char *key);
/* A member's key alone: the element function called next (out_num,
 * out_obj ...) writes its value. */
void out_key(sx_out *o, const char *key);
/* Nested containers: a key opening an object or array, then _end. */
void out_key_obj(sx_out *o, const char *key);
void out_key_arr(sx_out *o, const char *key);
void out_obj(sx_out *o);       /* an object as an array element */
void out_arr(sx_out *o);       /* an array as an array element */
void out_end(sx_out *o);       /* closes the innermost object or array */
void out_num(sx_out *o, double v);  /* array elements */
void out_str(sx_out *o, const char *s);
void out_int(sx_out *o, long long v);
void out_bool(sx_out *o, int v);
void out_null(sx_out *o);

#endif
