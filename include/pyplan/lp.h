/* SPDX-License-Identifier: ISC */
/*
 * The planning model as a mixed-integer linear programme in CPLEX LP
 * format, so that an independent MILP solver (glpsol, cbc) can check the
 * optimum pyplan's own solver finds.  One binary x<d>_<k> per candidate
 * item k of day d, one binary y<c>_0 per active criterion (when the
 * criteria bonus is not 0), a continuous streak counter s<d>_<p> per time
 * point p of day d (when max-consecutive-talks is set), and a binary
 * e<i>_0 per must-see event i that is no candidate (fixed to 1 and to 0:
 * the model is infeasible).  A comment legend at the top maps every
 * variable to its day, time, kind, title and id.
 */
#ifndef PYPLAN_LP_H
#define PYPLAN_LP_H

#include <stdio.h>

#include "pyplan/model.h"

/*
 * Writes the model: maximise the sum of item scores (score units) plus the
 * criteria bonus, subject to every constraint of SPEC §4 exactly as the
 * solver reads them (the constraints are listed in man/pyplan.1, THE
 * MODEL).  Returns 0, or -1 on a stream error.
 */
int pp_write_lp(FILE *fp, const struct pp_model *m);

#endif
