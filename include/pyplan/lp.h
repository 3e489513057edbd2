/* SPDX-License-Identifier: ISC */
/*
 * The planning model as a mixed-integer linear programme in CPLEX LP
 * format, so that an independent MILP solver (glpsol, cbc) can check the
 * optimum pyplan's own solver finds.  One binary x<d>_<k> per candidate
 * item k of day d and one binary y<c>_0 per active criterion.
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
