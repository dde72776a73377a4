/* cmd.h: the command table, argument specs, and the context handlers see. */
#ifndef SX_CMD_H
#define SX_CMD_H

#include <stddef.h>

#include "base/err.h"
#include "sessions/lex.h"
#include "views/out.h"
#include "views/rec.h"
#include "sessions/workspace.h"

/*
 * What an argument is: drives validation here and completion in the
 * console (names of datasets, fits, models, presets, columns, paths).
 */
typedef enum sx_argtype {
	ARG_WORD,      /* any word */
	ARG_NAME,      /* a new name: letters, digits, _ . - */
	ARG_NUMBER,    /* a finite double */
	ARG_INT,       /* a non-negative integer */
	ARG_DATASET,
	ARG_FIT,
	ARG_MODEL,
	ARG_PRESET,
	ARG_DEMO,
	ARG_COLUMN,    /* a column of the dataset given before it */
	ARG_PATH,
	ARG_EXPR,
	ARG_ASSIGNS,   /* P=V,P=V */
	ARG_CHOICE,    /* one of `choices`, '|'-separated */
	ARG_COMMAND,   /* a command name (help) */
	ARG_LITERAL,   /* exactly the def's name (the '=' of derive) */
	ARG_FLAG       /* an option without a value */
} sx_argtype;

/* Flags of an argument definition. */
#define ARG_OPT   0x1u  /* positional that may be absent */
#define ARG_REST  0x2u  /* positional taking all remaining words (joined by ' ') */
#define ARG_KEY   0x4u  /* a keyword followed by its value: "as NAME" */
#define ARG_HIDDEN 0x8u /* written by scalex itself (a session's --sha256):
                           not in the synopsis, help or completion */
#define ARG_SUB   0x10u /* an option of the flag before it (the plot
                           options after --plot): the synopsis shows that
                           flag as [--plot ...] and leaves these out */
#define ARG_NEED  0x20u /* a keyword that must be given (filter's "as NEW") */

/*
 * One argument: positional ("DATA"), keyword ("as": the word then a value)
 * or option ("--y COL", also "--y=COL"). Options are optional, and so
 * are keywords unless ARG_NEED. An ARG_REST of an expression or a command
 * name joins its words into one value, and the synopsis shows it as one.
 *
 * A command whose synopsis is NULL is described by its spec alone: the
 * synopsis is made from the rows, and help lists every option with its
 * help line and default after the command's text. Such a row's `help`
 * is one paragraph (help wraps it) without the default, and `dflt` is
 * the value, as it would be typed, that arg_num and arg_int return when
 * the argument is absent: defaults are written once, here.
 */
typedef struct sx_argdef {
	const char *name;
	sx_argtype type;
	unsigned flags;
	const char *choices;   /* ARG_CHOICE: the words allowed; ARG_WORD:
	                          words completion offers (any is allowed) */
	const char *meta;      /* how help shows the value: "COL", "P=V,..." */
	const char *help;      /* what the option does, or NULL */
	const char *dflt;      /* its default as typed, or NULL: none, or one
	                          the handler works out (say so in `help`) */
} sx_argdef;

/* A core's default macro as a spec's default text: SX_STR(QL_DEFAULT_ALPHA). */
#define SX_STR(x) SX_STR_(x)
#define SX_STR_(x) #x

#define SX_MAXARGS 24

/* The parsed arguments, indexed like the command's argdefs. */
typedef struct sx_args {
	const char *val[SX_MAXARGS];  /* NULL when absent; "" for a given flag */
	int argi[SX_MAXARGS];         /* argv index of the value, for carets */
	char *owned[SX_MAXARGS];      /* joined REST values */
	double num[SX_MAXARGS];       /* ARG_NUMBER parsed, given or default */
	unsigned long ival[SX_MAXARGS]; /* ARG_INT parsed, given or default */
} sx_args;

typedef struct sx_ctx sx_ctx;

/* Command flags. */
#define CMD_STATE 0x1u  /* changes the workspace: logged and saved */

typedef struct sx_cmd {
	const char *name;       /* "fit", "data show" */
	const char *synopsis;   /* "fit MODEL DATA [as NAME] [--y COL] ..." */
	const char *help;       /* paragraphs; each option explained */
	const sx_argdef *args;  /* terminated by a {NULL} entry */
	unsigned flags;
	int (*exec)(sx_ctx *ctx, const sx_args *a);
} sx_cmd;

struct sx_ctx {
	sx_workspace *ws;
	sx_out *out;
	const sx_cmdline *cl;
	const sx_cmd *cmd;
	int nwords;            /* words of the command name (1 or 2) */
	sx_err err;
	int err_arg;           /* argv index the error points at, -1 for none */
	char *logtext;         /* set by a handler to log a resolved form */
	struct sx_logref *logref; /* with logtext: the data file the entry
	                          refers to, inlined at save (logref.h) */
	int nolog;             /* set by a handler that changed nothing */
	int logfile;           /* set by a handler that wrote a file (plot
	                          --out): logged, so a replay writes it again */
	int silent;            /* a failure an enclosing command reports */
};

/* The whole table, in help order. */
size_t cmd_count(void);
const sx_cmd *cmd_at(size_t i);
/* The command named by argv (longest match of its words), or NULL. */
const sx_cmd *cmd_lookup(int argc, char *const *argv, int *nwords);

/* Value of argument `name` ("DATA", "as", "--y"), NULL when absent. */
const char *arg(const sx_args *a, const sx_cmd *c, const char *name);
/* argv index of argument `name`, -1 when absent. */
int arg_index(const sx_args *a, const sx_cmd *c, const char *name);
/* The value given, or the spec's default (NULL when it has neither). */
const char *arg_str(const sx_args *a, const sx_cmd *c, const char *name);
/* A number or whole-number argument as parsed when it was checked: the
 * value given, or the spec's default. The argument must have one of the
 * two (test arg() first for one without a default). */
double arg_num(const sx_args *a, const sx_cmd *c, const char *name);
unsigned long arg_int(const sx_args *a, const sx_cmd *c, const char *name);
/* The command's synopsis, written or made from its spec. */
const char *cmd_synopsis(const sx_cmd *c);

/*
 * Record an error for the argument at argv index `argi` (-1: the command
 * itself). Returns -1 so handlers `return cmd_fail(...)`.
 */
int cmd_fail(sx_ctx *ctx, int argi, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same, with a core error's text (its own file:line:col kept). */
int cmd_fail_err(sx_ctx *ctx, int argi, const sx_err *e);

/*
 * Execute one command line in the workspace. Returns 0, or -1 with
 * ctx->err / ctx->err_arg describing the failure. State-changing commands
 * that succeed are appended to the workspace log.
 */
int cmd_exec(sx_workspace *ws, sx_out *out, const sx_cmdline *cl,
    sx_ctx *ctx);
void cmd_ctx_free(sx_ctx *ctx);
/* The command as written (words quoted to read back the same, and its
 * here-document), with `extra` appended when not NULL. For handlers that
 * log a resolved form: automatic choices made explicit. */
char *cmd_text(const sx_cmdline *cl, const char *extra);
/* Resolve and parse a command line without running it (0 or -1). */
int cmd_check(const sx_cmdline *cl, sx_ctx *ctx);

/* The families of commands in help order: their number, the title of
 * each one's section in the man page, and its NULL-terminated entries. */
size_t cmd_family_count(void);
const char *cmd_family_title(size_t f);
const sx_cmd *const *cmd_family_entries(size_t f);

/* A command's help as a record of kind "help": name, synopsis, help, the
 * spec's rows ("arguments") and a family word's "sub_commands". */
sx_rec *cmd_help_rec(const sx_cmd *c);
/* Help text for a command (synopsis, help) into out, or the overview. */
void cmd_print_help(sx_out *out, const sx_cmd *c);
/* The nearest command word to `word` by edit distance, or NULL (static). */
const char *cmd_suggest(const char *word);

/* The spec of a command without arguments (a family word, "fits"). */
extern const sx_argdef cmd_no_args[];

/* The families in commands/, each NULL-terminated, from its table file:
 * commands/<domain>/table.c or commands/scaling/<family>-table.c;
 * cmd.c joins them in help order. */
extern const sx_cmd *const cmd_help_entries[];
extern const sx_cmd *const cmd_session_entries[];
extern const sx_cmd *const cmd_plot_entries[];
extern const sx_cmd *const cmd_data_entries[];
extern const sx_cmd *const cmd_model_entries[];
extern const sx_cmd *const cmd_preset_entries[];
extern const sx_cmd *const cmd_rl_entries[];
extern const sx_cmd *const cmd_fit_entries[];
extern const sx_cmd *const cmd_frontier_entries[];
extern const sx_cmd *const cmd_henighan_entries[];
extern const sx_cmd *const cmd_plan_entries[];

#endif
