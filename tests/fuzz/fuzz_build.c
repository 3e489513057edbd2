/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the whole build pipeline on one programme with a fixed
 * profile: load, merge duplicates, model, solve, and every plan writer.
 */
#include "fuzz_util.h"

#include <stdio.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/write.h"
#include "pyplan/write_csv.h"
#include "pyplan/write_ics.h"
#include "pyplan/write_json.h"

static const char profile_ini[] =
    "[plan]\n"
    "max-talks-per-day = 4\n"
    "max-talk-minutes-per-day = 240\n"
    "max-consecutive-talks = 2\n"
    "min-networking-minutes = 30\n"
    "min-networking-block = 20\n"
    "room-change-minutes = 10\n"
    "lunch = 11:30-13:30/30\n"
    "recorded-weight = 0.5\n"
    "[interests]\n"
    "python = 3\n"
    "testing = 2\n"
    "[must]\n"
    "title = Keynote\n";

#define FUZZ_MAX_EVENTS 100

static FILE *devnull;

static void
write_all(const struct pp_plan *pl)
{
	struct pp_write_opts wo = {0, 10, 0};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&buf, &len)) != NULL) {
		pp_write_text(fp, pl, &wo);
		pp_write_json(fp, pl, &wo);
		pp_write_ics(fp, pl, &wo);
		pp_write_csv(fp, pl, 0);
		fclose(fp);
		free(buf);
	}
	wo.color = 1;
	pp_write_text(devnull, pl, &wo);
	pp_write_csv(devnull, pl, 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pp_load_opts lo = { NULL, 1 };
	struct pp_profile p;
	struct pp_timetable *tt;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	char *s = fuzz_copy(data, size);

	if (s == NULL)
		return 0;
	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	pp_diags_init(&ds);
	pp_profile_init(&p);
	if (pp_profile_load_string(&p, "fuzz.ini", profile_ini, &ds) != 0 ||
	    pp_profile_check(&p, &ds) != 0)
		abort();
	tt = pp_timetable_new();
	/* The solver's work grows steeply with events per day (it stops at
	 * about 1.3 GB, see LIMITS in pyplan(1)); past FUZZ_MAX_EVENTS
	 * only the loaders run, so each input stays fast and small. */
	if (pp_load_buffer(tt, "fuzz", s, size, &lo, &ds) == 0 &&
	    tt->n <= FUZZ_MAX_EVENTS) {
		pp_timetable_merge_duplicates(tt, &ds);
		if (pp_model_build(tt, &p, NULL, 0, &m, &ds) == 0 &&
		    pp_solve(m, &pl, &ds) == 0)
			write_all(pl);
	}
	pp_plan_free(pl);
	pp_model_free(m);
	pp_timetable_free(tt);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	free(s);
	return 0;
}
