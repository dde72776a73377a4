/* test_crossover.c: the Kaplan et al. 2020 section 6.3 crossover, numeric
 * against closed form, units, presets, misuse. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "scaling/crossover.h"
#include "scaling/model.h"
#include "scaling/presets.h"
#include "scaling/units.h"
#include "tests/unit/unit.h"

/* Kaplan et al. 2020, typed from the paper: Table 5 and Table 6. */
static sx_xover_params
kaplan_typed(void)
{
	sx_xover_params kp = {
		.alpha_C = 0.050, .C_c = 3.1e8, .Linf_C = 0.0,
		.alpha_D = 0.095, .D_c = 5.4e13, .Linf_D = 0.0,
		.D_e = 2e10, .p_D = 0.27, .N_e = 1.3e9, .p_N = 0.73,
	};
	return kp;
}

static void
assert_same(const sx_xover *a, const sx_xover *b, double rel)
{
	ck_assert_close(a->C_star_pfdays, b->C_star_pfdays, rel);
	ck_assert_close(a->C_star_flop, b->C_star_flop, rel);
	ck_assert_close(a->D_star, b->D_star, rel);
	ck_assert_close(a->N_star, b->N_star, rel);
	ck_assert_close(a->L_star, b->L_star, rel);
}

START_TEST(test_numeric_equals_closed)
{
	sx_xover_params kp = kaplan_typed();
	sx_xover a, b;
	sx_err e;

	ck_assert_int_eq(crossover_closed(&kp, &a, &e), 0);
	ck_assert_int_eq(crossover_find_params(&kp, 1e-10, 1e15, &b, &e), 0);
	assert_same(&a, &b, 1e-10);
	ck_assert_int_eq(b.ncross, 1);
	ck_assert_int_eq(b.inconsistent_above, 1);
	ck_assert_int_eq(a.inconsistent_above, 1);
	/* Eq. 6.7's data line, and a range of other constants. */
	kp.D_e = 4e10;
	kp.p_D = 0.26;
	ck_assert_int_eq(crossover_closed(&kp, &a, &e), 0);
	ck_assert_int_eq(crossover_find_params(&kp, 1e-10, 1e15, &b, &e), 0);
	assert_same(&a, &b, 1e-10);
	for (int i = 0; i < 20; i++) {
		kp = kaplan_typed();
		kp.alpha_C *= 0.9 + 0.01 * i;
		kp.alpha_D *= 1.1 - 0.01 * i;
		if (crossover_closed(&kp, &a, &e) != 0)
			continue;
		if (!(a.C_star_pfdays > 1e-30 && a.C_star_pfdays < 1e30))
			continue;
		ck_assert_int_eq(crossover_find_params(&kp, 1e-30, 1e30, &b, &e), 0);
		assert_same(&a, &b, 1e-10);
	}
}
END_TEST

/* At C* both laws give the same loss, computed here from the definitions. */
START_TEST(test_definition_and_paper)
{
	sx_xover_params kp = kaplan_typed();
	sx_xover r;
	sx_err e;
	double c, d;

	ck_assert_int_eq(crossover_find_params(&kp, 1e-10, 1e15, &r, &e), 0);
	c = r.C_star_pfdays;
	d = 2e10 * pow(c, 0.27);
	ck_assert_close(r.D_star, d, 1e-13);
	ck_assert_close(pow(3.1e8 / c, 0.050), pow(5.4e13 / d, 0.095), 1e-12);
	ck_assert_close(r.L_star, pow(3.1e8 / c, 0.050), 1e-12);
	ck_assert_close(r.N_star, 1.3e9 * pow(c, 0.73), 1e-12);
	/* Eq. 6.8: C* ~ 1e4 PF-days, N* ~ 1e12, D* ~ 1e12, L* ~ 1.7
	 * (orders of magnitude: the paper says uncertain by 10x). */
	ck_assert(c > 1e3 && c < 1e5);
	ck_assert(r.N_star > 1e11 && r.N_star < 1e13);
	ck_assert(r.D_star > 1e11 && r.D_star < 1e13);
	ck_assert(fabs(r.L_star - 1.7) < 0.1);
}
END_TEST

/* The curves the plot draws are the two laws, written out by hand here. */
START_TEST(test_curves)
{
	sx_xover_params kp = kaplan_typed();
	sx_xover_bound b;
	double lc, ld, cs[] = { 1e-3, 1.0, 1e4, 1e9 };

	crossover_bind(&kp, &b);
	for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
		double d = 2e10 * pow(cs[i], 0.27);

		crossover_curves(&b.laws, cs[i], &lc, &ld);
		ck_assert_close(lc, pow(3.1e8 / cs[i], 0.050), 1e-12);
		ck_assert_close(ld, pow(5.4e13 / d, 0.095), 1e-12);
	}
}
END_TEST

/* PF-days and FLOP: the same laws written in FLOP give the same C*. */
START_TEST(test_units)
{
	sx_xover_params kp = kaplan_typed();
	sx_xover_bound b;
	sx_xover r1, r2;
	sx_err e;
	double lc[3] = { 0.0, 3.1e8 * SX_FLOP_PER_PFDAY, 0.050 };
	/* D = 2e10*(C_flop/8.64e19)^0.27 = (2e10*8.64e19^-0.27)*C_flop^0.27 */
	double dl[2] = { 2e10 * pow(SX_FLOP_PER_PFDAY, -0.27), -0.27 };
	double nl[2] = { 1.3e9 * pow(SX_FLOP_PER_PFDAY, -0.73), -0.73 };

	ck_assert_int_eq(crossover_find_params(&kp, 1e-10, 1e15, &r1, &e), 0);
	ck_assert_close(r1.C_star_flop, r1.C_star_pfdays * 8.64e19, 1e-15);
	ck_assert_close(units_flop_to_pfdays(r1.C_star_flop), r1.C_star_pfdays,
	    1e-15);
	crossover_bind(&kp, &b);
	b.laws.lc = (sx_law1){ model_builtin("plc"), lc, SX_FLOP_PER_PFDAY };
	b.laws.dline = (sx_law1){ model_builtin("pl"), dl, SX_FLOP_PER_PFDAY };
	b.laws.nline = (sx_law1){ model_builtin("pl"), nl, SX_FLOP_PER_PFDAY };
	ck_assert_int_eq(crossover_find(&b.laws, 1e-10, 1e15, &r2, &e), 0);
	assert_same(&r1, &r2, 1e-10);
}
END_TEST

/* With an irreducible loss there is no closed form; the root satisfies the
 * definition. */
START_TEST(test_with_constants)
{
	sx_xover_params kp = kaplan_typed();
	sx_xover r;
	sx_err e;
	double c, d;

	kp.Linf_C = 0.5;
	kp.Linf_D = 0.6;
	ck_assert_int_eq(crossover_closed(&kp, &r, &e), -1);
	ck_assert_int_eq(crossover_find_params(&kp, 1e-10, 1e20, &r, &e), 0);
	c = r.C_star_pfdays;
	d = kp.D_e * pow(c, kp.p_D);
	ck_assert_close(0.5 + pow(3.1e8 / c, 0.050), 0.6 + pow(5.4e13 / d, 0.095),
	    1e-12);
}
END_TEST

START_TEST(test_no_crossover)
{
	sx_xover_params kp = kaplan_typed();
	sx_xover r = { 0 };
	sx_err e;

	r.C_star_pfdays = 42;
	ck_assert_int_eq(crossover_find_params(&kp, 1.0, 100.0, &r, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "no crossover"));
	ck_assert_ptr_nonnull(strstr(e.msg, "stays above"));
	ck_assert(r.C_star_pfdays == 42);
	ck_assert_int_eq(crossover_find_params(&kp, 1e8, 1e12, &r, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "stays below"));
	/* Bad ranges. */
	ck_assert_int_eq(crossover_find_params(&kp, 0.0, 1e5, &r, &e), -1);
	ck_assert_int_eq(crossover_find_params(&kp, 1e5, 1e4, &r, &e), -1);
	ck_assert_int_eq(crossover_find_params(&kp, -1, 1e4, &r, &e), -1);
	/* Parallel lines. */
	kp.alpha_C = kp.alpha_D * kp.p_D;
	ck_assert_int_eq(crossover_closed(&kp, &r, &e), -1);
	ck_assert_int_eq(crossover_find_params(&kp, 1e-10, 1e15, &r, &e), -1);
	/* Non-positive scales. */
	kp = kaplan_typed();
	kp.D_c = 0;
	ck_assert_int_eq(crossover_find_params(&kp, 1e-10, 1e15, &r, &e), -1);
}
END_TEST

START_TEST(test_presets)
{
	const sx_preset *k = preset_find("kaplan2020");
	const sx_preset *h = preset_find("henighan2020-image16");
	sx_xover_params kp, typed = kaplan_typed();
	sx_xover a, b;
	sx_err e;
	char miss[160];

	ck_assert_int_eq(crossover_params_preset(k, NULL, &kp, &e), 0);
	ck_assert_int_eq(crossover_closed(&kp, &a, &e), 0);
	ck_assert_int_eq(crossover_closed(&typed, &b, &e), 0);
	assert_same(&a, &b, 1e-15);
	ck_assert_int_eq(crossover_params_preset(k, "eq6.7", &kp, &e), 0);
	ck_assert(kp.D_e == 4e10 && kp.p_D == 0.26);
	ck_assert_int_eq(crossover_params_preset(k, "eq6.9", &kp, &e), -1);
	ck_assert_int_eq(crossover_params_preset(preset_find("hoffmann2022"),
	    NULL, &kp, &e), -1);

	/* Henighan 16x16: N = 2.8e8*C^0.74; D inverts C = 5e-42*D^3.9. */
	ck_assert_int_eq(crossover_params_preset(h, NULL, &kp, &e), 0);
	ck_assert_close(kp.N_e, 2.8e8, 1e-15);
	ck_assert_close(kp.p_N, 0.74, 1e-15);
	for (double d = 1e8; d < 1e14; d *= 10)
		ck_assert_close(kp.D_e * pow(5e-42 * pow(d, 3.9), kp.p_D), d, 1e-12);
	ck_assert_close(kp.C_c, 1.6e-8, 1e-15);
	ck_assert_close(kp.Linf_C, 2.64, 1e-15);
	ck_assert_int_eq(crossover_params_missing(&kp, miss, sizeof miss), 3);
	ck_assert_str_eq(miss, "alpha_D, D_c, Linf_D");
	ck_assert_int_eq(crossover_find_params(&kp, 1e-10, 1e5, &a, &e), -1);
	/* Another domain: Table 1's N_opt = (C/C0)^p. */
	ck_assert_int_eq(crossover_params_preset(preset_find(
	    "henighan2020-image8"), NULL, &kp, &e), 0);
	ck_assert_close(kp.N_e * pow(1.0, kp.p_N), pow(1.0 / 5.3e-14, 0.64),
	    1e-12);
}
END_TEST

START_TEST(test_params_and_sensitivity)
{
	sx_xover_params kp = kaplan_typed();
	sx_xover_sens s[4];
	sx_xover base;
	sx_err e;
	size_t n;
	double *v = crossover_param(&kp, "alpha_C");

	ck_assert_ptr_eq(v, &kp.alpha_C);
	ck_assert_ptr_null(crossover_param(&kp, "alpha_X"));
	ck_assert_int_eq(crossover_find_params(&kp, 1e-10, 1e15, &base, &e), 0);
	n = crossover_sensitivity(&kp, 1e-10, 1e15, 0.05, s);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(s[0].param, "alpha_C");
	for (size_t i = 0; i < n; i++) {
		ck_assert(s[i].ok[0] && s[i].ok[1]);
	}
	/* +5% in alpha_C: closed form at the shifted value. */
	{
		sx_xover_params q = kp;
		sx_xover c;

		q.alpha_C *= 1.05;
		ck_assert_int_eq(crossover_closed(&q, &c, &e), 0);
		assert_same(&s[0].r[1], &c, 1e-10);
	}
	/* The paper: uncertain by an order of magnitude; 5% in alpha_C alone
	 * moves C* by more than 2x. */
	ck_assert(s[0].r[1].C_star_pfdays / base.C_star_pfdays > 2.0 ||
	    base.C_star_pfdays / s[0].r[1].C_star_pfdays > 2.0);
	/* p_N moves N* only. */
	ck_assert_str_eq(s[3].param, "p_N");
	ck_assert_close(s[3].r[0].C_star_pfdays, base.C_star_pfdays, 1e-12);
	ck_assert(s[3].r[0].N_star < base.N_star);
	kp.N_e = NAN;
	ck_assert_uint_eq(crossover_sensitivity(&kp, 1e-10, 1e15, 0.05, s), 3);
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("crossover");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_numeric_equals_closed);
	tcase_add_test(tc, test_definition_and_paper);
	tcase_add_test(tc, test_curves);
	tcase_add_test(tc, test_units);
	tcase_add_test(tc, test_with_constants);
	tcase_add_test(tc, test_no_crossover);
	tcase_add_test(tc, test_presets);
	tcase_add_test(tc, test_params_and_sensitivity);
	suite_add_tcase(s, tc);
	return s;
}
