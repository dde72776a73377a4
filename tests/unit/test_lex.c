/* test_lex.c: the command tokenizer and the quoting that inverts it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sessions/lex.h"
#include "tests/unit/unit.h"

static sx_script
lex_ok(const char *text)
{
	sx_script s;
	sx_err e;

	err_clear(&e);
	ck_assert_msg(lex_script(text, strlen(text), "t", &s, &e) == 0, "%s",
	    e.msg);
	return s;
}

START_TEST(test_words_quotes_separators)
{
	sx_script s = lex_ok("load 'a b.csv' as x; rename x \"Model Size\" N # c\n"
	    "\n  fit  chinchilla x --title=\"a \\\"q\\\"\"\n");

	ck_assert_uint_eq(s.n, 3);
	ck_assert_int_eq(s.cmds[0].argc, 4);
	ck_assert_str_eq(s.cmds[0].argv[1], "a b.csv");
	ck_assert_int_eq(s.cmds[0].col[1], 6);
	ck_assert_int_eq(s.cmds[1].argc, 4);
	ck_assert_str_eq(s.cmds[1].argv[2], "Model Size");
	ck_assert_int_eq(s.cmds[1].col[2], 31);
	ck_assert_int_eq(s.cmds[1].line, 1);
	ck_assert_int_eq(s.cmds[2].line, 3);
	ck_assert_str_eq(s.cmds[2].argv[3], "--title=a \"q\"");
	ck_assert_str_eq(s.cmds[2].src, "  fit  chinchilla x --title=\"a \\\"q\\\"\"");
	lex_script_free(&s);
}
END_TEST

START_TEST(test_heredoc)
{
	sx_script s = lex_ok("load - as r <<END\nN,L\n1,2\nEND\ndata list\n");

	ck_assert_uint_eq(s.n, 2);
	ck_assert_str_eq(s.cmds[0].heredoc, "N,L\n1,2\n");
	ck_assert_uint_eq(s.cmds[0].heredoc_len, 8);
	ck_assert_int_eq(s.cmds[0].heredoc_line, 2);
	ck_assert_int_eq(s.cmds[0].argc, 4);
	ck_assert_int_eq(s.cmds[1].line, 5);
	lex_script_free(&s);
}
END_TEST

START_TEST(test_errors)
{
	sx_script s;
	sx_err e;
	const char *cases[][2] = {
		{ "load 'abc", "1:6" },
		{ "a\nb \"x\ny\"", "2:3" },
		{ "load - <<END\nN\n", "1:8" },
		{ "load - <<END; data list\nEND\n", "1:13" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char pos[32];

		err_clear(&e);
		ck_assert_int_eq(lex_script(cases[i][0], strlen(cases[i][0]), "t", &s,
		    &e), -1);
		snprintf(pos, sizeof pos, "%d:%d", e.line, e.col);
		ck_assert_str_eq(pos, cases[i][1]);
		ck_assert_uint_eq(s.n, 0);
	}
	err_clear(&e);
	ck_assert_int_eq(lex_script("a\0b", 3, "t", &s, &e), -1);
	ck_assert_int_eq(e.col, 2);
}
END_TEST

/* Whatever a word holds, quoting it and lexing it back gives it again. */
START_TEST(test_quote_round_trip)
{
	const char *words[] = { "plain", "two words", "it's", "say \"hi\"",
	    "semi;colon", "#hash", "back\\slash", "line\nbreak", "", "<<END",
	    "tab\there", "ünïcode" };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		char *q = lex_quote(words[i]);
		char *line = malloc(strlen(q) + 8);
		sx_script s;

		strcpy(line, "cmd ");
		strcat(line, q);
		s = lex_ok(line);
		ck_assert_uint_eq(s.n, 1);
		ck_assert_int_eq(s.cmds[0].argc, 2);
		ck_assert_str_eq(s.cmds[0].argv[1], words[i]);
		lex_script_free(&s);
		free(line);
		free(q);
	}
}
END_TEST

START_TEST(test_heredoc_tag_avoids_body)
{
	const char body[] = "N,L\nSXEOF\n1,2";
	char *text = lex_with_heredoc("load - as r", body, sizeof body - 1);
	sx_script s = lex_ok(text);

	ck_assert_uint_eq(s.n, 1);
	ck_assert_str_eq(s.cmds[0].heredoc, "N,L\nSXEOF\n1,2\n");
	lex_script_free(&s);
	free(text);
}
END_TEST

/* Typed lines: ready at once, or once a here-document is closed. */
START_TEST(test_pending_lines)
{
	sx_pending p = { NULL, 0, 0, NULL };

	ck_assert_int_eq(lex_pending_add(&p, "fits"), 1);
	ck_assert_str_eq(p.text, "fits\n");
	lex_pending_clear(&p);
	ck_assert_ptr_null(p.text);
	ck_assert_int_eq(lex_pending_add(&p, "load - as r <<CSV"), 0);
	ck_assert_int_eq(lex_pending_add(&p, "N,L"), 0);
	ck_assert_int_eq(lex_pending_add(&p, ""), 0);
	ck_assert_int_eq(lex_pending_add(&p, "CSV"), 1);
	ck_assert_str_eq(p.text, "load - as r <<CSV\nN,L\n\nCSV\n");
	lex_pending_clear(&p);
	/* A line that only starts like the tag does not end the body; a
	 * carriage return after it does not matter. */
	ck_assert_int_eq(lex_pending_add(&p, "load - <<END"), 0);
	ck_assert_int_eq(lex_pending_add(&p, "ENDS"), 0);
	ck_assert_int_eq(lex_pending_add(&p, "END\r"), 1);
	lex_pending_clear(&p);
	/* Other errors are ready: running the text reports them. */
	ck_assert_int_eq(lex_pending_add(&p, "load 'open quote"), 1);
	lex_pending_clear(&p);
	ck_assert_int_eq(lex_pending_add(&p, "<<X"), 1);
	lex_pending_clear(&p);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("lex");
	TCase *tc = tcase_create("lex");

	tcase_add_test(tc, test_words_quotes_separators);
	tcase_add_test(tc, test_heredoc);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_quote_round_trip);
	tcase_add_test(tc, test_heredoc_tag_avoids_body);
	tcase_add_test(tc, test_pending_lines);
	suite_add_tcase(s, tc);
	return s;
}
