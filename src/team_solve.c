/* SPDX-License-Identifier: ISC */
/*
 * The joint team programme (see team_solve.h for the rules).  Each
 * member's programme is the one lp.c writes, read back by GLPK and copied
 * under the prefix m<j>_, so the single-person rules cannot drift from
 * the team's; the booth, cover and together rows are added here.  GLPK's
 * branch and cut solves it: the members are coupled by the booth staffing
 * and the cover talks, which a per-member decomposition would have to
 * price and repair; the bundled team of eight over three days is proven
 * within 1% of the optimum (the default gap) in well under a second, and
 * optimal in about 5 s (see README, "Teams").
 */
#include <errno.h>
#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pyplan/lp.h"
#include "pyplan/ref.h"
#include "pyplan/score.h"
#include "pyplan/team_solve.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

/* The day of model m that holds instant t, or PP_MODEL_NO_DAY. */
static size_t
day_of(const struct pp_model *m, int64_t t)
{
	size_t d;

	for (d = 0; d < m->ndays; d++)
		if (m->days[d].day_start <= t && t < m->days[d].day_end)
			return d;
	return PP_MODEL_NO_DAY;
}

const char *
pp_team_unavailable(const struct pp_team *t, struct pp_model *const *m,
    size_t j, int64_t start, int64_t end, char *buf, size_t size)
{
	const struct pp_model *mm = m[j];
	size_t d = day_of(mm, start), b, k;
	const struct pp_model_day *md;

	if (!t->members[j].booth)
		return "booth = no";
	if (d == PP_MODEL_NO_DAY)
		return "does not plan that day";
	md = &mm->days[d];
	if (start < md->win_start || end > md->win_end)
		return "outside the member's day-start and day-end";
	for (b = 0; b < mm->nbusy; b++)
		if (mm->busy[b].start < end && mm->busy[b].end > start) {
			snprintf(buf, size, "busy: %s", mm->busy[b].label);
			return buf;
		}
	for (k = 0; k < md->n; k++)
		if (md->items[k].must && md->items[k].start < end &&
		    md->items[k].end > start) {
			snprintf(buf, size, "must-see '%s'",
			    md->items[k].title);
			return buf;
		}
	return NULL;
}

static void
add_shift(struct pp_team_model *tm, size_t *cap, const char *date,
    int64_t start, int64_t end)
{
	struct pp_team_shift *s;
	size_t j;

	tm->shifts = pp_xgrowarray(tm->shifts, cap, tm->nshifts + 1,
	    sizeof(*tm->shifts));
	s = &tm->shifts[tm->nshifts++];
	memset(s, 0, sizeof(*s));
	s->start = start;
	s->end = end;
	memcpy(s->date, date, sizeof(s->date));
	s->avail = pp_xcalloc(tm->t->nmembers + 1, sizeof(*s->avail));
	for (j = 0; j < tm->t->nmembers; j++) {
		char why[256];

		if (pp_team_unavailable(tm->t, tm->m, j, start, end, why,
		        sizeof(why)) == NULL)
			s->avail[s->navail++] = j;
	}
}

/* The instant of minute (0-1440) of bh's day in the team's zone, into
 * *out; -1 with an error at the hours' line when the zone has no such
 * time.  1440 is the end of the day: 23:59 and a minute. */
static int
booth_instant(const struct pp_team_model *tm, const struct pp_booth_hours *bh,
    int minute, int64_t *out, struct pp_diags *ds)
{
	struct pp_civil c;

	pp_parse_date(bh->date, &c);
	c.hour = minute == 1440 ? 23 : minute / 60;
	c.min = minute == 1440 ? 59 : minute % 60;
	c.sec = 0;
	if (pp_tz_from_civil(tm->tz, &c, out) != 0)
		return pp_diag_err(ds, tm->t->path, bh->line,
		    "booth hours: %s %02d:%02d is not a time in %s", bh->date,
		    minute / 60, minute % 60, tm->tz);
	if (minute == 1440)
		*out += 60;
	return 0;
}

/* Cuts the booth hours into shifts; returns -1 on a bad time. */
static int
make_shifts(struct pp_team_model *tm, struct pp_diags *ds)
{
	const struct pp_team *t = tm->t;
	size_t h, cap = 0;

	for (h = 0; h < t->nhours; h++) {
		const struct pp_booth_hours *bh = &t->hours[h];
		int from;

		for (from = bh->from; from < bh->to; from += t->shift_minutes) {
			int to = from + t->shift_minutes < bh->to
			    ? from + t->shift_minutes
			    : bh->to;
			int64_t a, b;

			if (booth_instant(tm, bh, from, &a, ds) != 0 ||
			    booth_instant(tm, bh, to, &b, ds) != 0)
				return -1;
			add_shift(tm, &cap, bh->date, a, b);
		}
	}
	return 0;
}

static void
push_index(size_t **v, size_t *n, size_t *cap, size_t x)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*v)[i] == x)
			return;
	*v = pp_xgrowarray(*v, cap, *n + 1, sizeof(**v));
	(*v)[(*n)++] = x;
}

static int
cmp_index(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Adds the events each of the n references names to *v (once each);
 * one that names nothing is an error ("WHAT '...' matches no event"). */
static int
add_refs(const struct pp_timetable *tt, const struct pp_ref *r, size_t n,
    const char *what, size_t **v, size_t *nv, struct pp_diags *ds)
{
	size_t *idx = pp_xcalloc(tt->n + 1, sizeof(*idx));
	size_t i, k, cap = *nv;
	int ret = 0;

	for (i = 0; i < n; i++) {
		size_t hits = pp_ref_find(tt, r[i].text, idx, tt->n, NULL);

		if (hits == 0)
			ret = pp_diag_err(ds, r[i].file, r[i].line,
			    "%s '%.80s' matches no event", what, r[i].text);
		for (k = 0; k < hits; k++)
			push_index(v, nv, &cap, idx[k]);
	}
	free(idx);
	return ret;
}

/* The cover talks: talk-load events about a cover topic (relevance of at
 * least PP_REL_STRONG, as for criteria) or named by a cover title. */
static int
find_cover(struct pp_team_model *tm, struct pp_diags *ds)
{
	const struct pp_team *t = tm->t;
	const struct pp_timetable *tt = tm->tt;
	struct pp_profile p;
	size_t i, kept, cap = 0;
	int ret = 0;

	pp_profile_init(&p);
	for (i = 0; i < t->ncover_topics; i++)
		pp_profile_set(&p, "interests", t->cover_topics[i], "1", NULL,
		    0, ds);
	if (t->ncover_topics > 0) {
		struct pp_scorer *sc = pp_scorer_new(&p);

		for (i = 0; i < tt->n; i++) {
			struct pp_score s;
			size_t k;

			if (pp_kind_class(tt->ev[i].kind) != PP_CLASS_TALK ||
			    tt->ev[i].status == PP_STATUS_CANCELLED)
				continue;
			pp_score_event(sc, &tt->ev[i], &s);
			for (k = 0; k < s.nmatch && k < PP_SCORE_MATCH_MAX; k++)
				if (s.match[k].kind == PP_MATCH_INTEREST &&
				    s.match[k].rel >= PP_REL_STRONG)
					break;
			if (k < s.nmatch && k < PP_SCORE_MATCH_MAX)
				push_index(&tm->cover, &tm->ncover, &cap, i);
		}
		pp_scorer_free(sc);
	}
	pp_profile_fini(&p);
	if (add_refs(tt, t->cover_titles, t->ncover_titles, "cover title",
	        &tm->cover, &tm->ncover, ds) != 0)
		ret = -1;
	if (tm->ncover > 1) /* qsort wants an array, even of none */
		qsort(tm->cover, tm->ncover, sizeof(*tm->cover), cmp_index);
	/* Only talks on a day some member plans: the team covers what it
	 * is there for.  (By the day itself, not by the exclusion: a talk
	 * on a day not planned may be excluded first for another reason,
	 * a ticket it needs.) */
	for (i = kept = 0; i < tm->ncover; i++) {
		size_t j;

		for (j = 0; j < t->nmembers; j++)
			if (day_of(tm->m[j], tt->ev[tm->cover[i]].start) !=
			    PP_MODEL_NO_DAY)
				break;
		if (j < t->nmembers)
			tm->cover[kept++] = tm->cover[i];
	}
	tm->ncover = kept;
	return ret;
}

/* The together events; a member who plans the day must be able to go. */
static int
find_together(struct pp_team_model *tm, struct pp_diags *ds, int *clash)
{
	const struct pp_team *t = tm->t;
	const struct pp_timetable *tt = tm->tt;
	size_t i, j;
	int ret = 0;

	if (add_refs(tt, t->together, t->ntogether, "together", &tm->together,
	        &tm->ntogether, ds) != 0)
		ret = -1;
	if (tm->ntogether > 1)
		qsort(tm->together, tm->ntogether, sizeof(*tm->together),
		    cmp_index);
	for (i = 0; i < tm->ntogether; i++) {
		const struct pp_event *ev = &tt->ev[tm->together[i]];

		for (j = 0; j < t->nmembers; j++) {
			const struct pp_model *m = tm->m[j];
			size_t d, it;
			enum pp_excl e = m->excl[tm->together[i]];
			char date[11], hm[6];

			if (pp_model_event_item(m, ev, &d, &it) == 0 ||
			    e == PP_EXCL_DAY || e == PP_EXCL_CANCELLED ||
			    e == PP_EXCL_INFO)
				continue;
			pp_tz_format_date(tm->tz, ev->start, date);
			pp_tz_format_hhmm(tm->tz, ev->start, hm);
			pp_diag_err(ds, t->path, 0,
			    "together: %s %s '%.80s': %s cannot attend, it %s",
			    date, hm, ev->title, t->members[j].name,
			    e == PP_EXCL_NONE ? "is no candidate"
			                      : pp_excl_text(e));
			*clash = 1;
		}
	}
	return ret;
}

int
pp_team_model_build(const struct pp_team *t, const struct pp_timetable *tt,
    struct pp_model **m, const char *tz, struct pp_team_model **out,
    struct pp_diags *ds)
{
	struct pp_team_model *tm = pp_xcalloc(1, sizeof(*tm));
	size_t s;
	int clash = 0, err = 0;

	tm->t = t;
	tm->tt = tt;
	tm->m = m;
	tm->tz = tz;
	tm->cover_units = pp_score_units(t->cover_weight);
	*out = tm;
	if (make_shifts(tm, ds) != 0)
		return -1;
	err |= find_cover(tm, ds) != 0;
	err |= find_together(tm, ds, &clash) != 0;
	if (err)
		return -1;
	for (s = 0; s < tm->nshifts; s++) {
		const struct pp_team_shift *sh = &tm->shifts[s];
		char a[6], b[6], names[512];
		size_t k, len = 0;

		if (sh->navail >= (size_t)t->staff)
			continue;
		names[0] = '\0';
		for (k = 0; k < sh->navail && len + 2 < sizeof(names); k++) {
			int w = snprintf(names + len, sizeof(names) - len,
			    "%s%s", k > 0 ? ", " : "",
			    t->members[sh->avail[k]].name);

			if (w < 0)
				break;
			len += (size_t)w;
			if (len >= sizeof(names))
				len = sizeof(names) - 1;
		}
		pp_tz_format_hhmm(tz, sh->start, a);
		pp_tz_format_hhmm(tz, sh->end, b);
		pp_diag_err(ds, t->path, 0,
		    "booth shift %s %s-%s needs %d %s, %zu available%s%s",
		    sh->date, a, b, t->staff,
		    t->staff == 1 ? "member" : "members", sh->navail,
		    sh->navail > 0 ? ": " : "", names);
		for (k = 0; k < t->nmembers; k++) {
			char buf[256];
			const char *why = pp_team_unavailable(t, m, k,
			    sh->start, sh->end, buf, sizeof(buf));

			if (why != NULL)
				pp_diag_attach(ds, "%s cannot: %s",
				    t->members[k].name, why);
		}
		clash = 1;
	}
	return clash ? 1 : 0;
}

void
pp_team_model_free(struct pp_team_model *tm)
{
	size_t s;

	if (tm == NULL)
		return;
	for (s = 0; s < tm->nshifts; s++)
		free(tm->shifts[s].avail);
	free(tm->shifts);
	free(tm->cover);
	free(tm->together);
	free(tm);
}

/* ---- the joint programme ---- */

struct joint {
	glp_prob *P;
	size_t nm;
	int **xcol; /* per member j, day d: xcol[j][off[j][d] + k] */
	size_t **off;
	int **netrow;   /* per member, per day: the networking row, 0 = none */
	int *bcol;      /* per shift s, member j: bcol[s * nm + j], 0 = none */
	int *zcol;      /* per cover talk, 0 = none */
	int bmax, bmin; /* the fairness columns, 0 = none */
	/* Each member's own programme, kept for the heuristic, and where
	 * its columns and rows start in P (P's column c0[j] + q is Q's q). */
	glp_prob **Q;
	int *c0, *r0;
};

static void
joint_fini(struct joint *J)
{
	size_t j;

	if (J->P != NULL)
		glp_delete_prob(J->P);
	for (j = 0; j < J->nm; j++) {
		if (J->xcol != NULL)
			free(J->xcol[j]);
		if (J->off != NULL)
			free(J->off[j]);
		if (J->netrow != NULL)
			free(J->netrow[j]);
	}
	free(J->xcol);
	free(J->off);
	free(J->netrow);
	for (j = 0; J->Q != NULL && j < J->nm; j++)
		if (J->Q[j] != NULL)
			glp_delete_prob(J->Q[j]);
	free(J->Q);
	free(J->c0);
	free(J->r0);
	free(J->bcol);
	free(J->zcol);
}

/* A temporary file name for GLPK, which reads and writes only by name. */
static int
temp_file(char *path, size_t size, struct pp_diags *ds)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	snprintf(path, size, "%s/pyplan-team-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0)
		pp_diag_err(ds, NULL, 0,
		    "cannot create a temporary file in %s: %s", dir,
		    strerror(errno));
	return fd;
}

/* Reads member model m's programme (lp.c) into a new GLPK problem. */
static glp_prob *
member_prob(const struct pp_model *m, struct pp_diags *ds)
{
	char path[4096];
	int fd = temp_file(path, sizeof(path), ds);
	FILE *fp;
	glp_prob *Q;
	int bad;

	if (fd < 0)
		return NULL;
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(path);
		pp_diag_err(ds, NULL, 0, "cannot write %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	bad = pp_write_lp(fp, m) != 0;
	bad |= fclose(fp) != 0;
	Q = glp_create_prob();
	if (bad || glp_read_lp(Q, NULL, path) != 0) {
		pp_diag_err(ds, NULL, 0,
		    "internal error: a member's programme could not be read "
		    "back");
		glp_delete_prob(Q);
		Q = NULL;
	}
	unlink(path);
	return Q;
}

/* Copies Q into J->P with prefix; returns the column offset and sets
 * *roff. */
static int
copy_prob(glp_prob *P, glp_prob *Q, const char *prefix, int *roff)
{
	int nc = glp_get_num_cols(Q), nr = glp_get_num_rows(Q), c, r;
	int c0 = nc > 0 ? glp_add_cols(P, nc) - 1 : glp_get_num_cols(P);
	int r0 = nr > 0 ? glp_add_rows(P, nr) - 1 : glp_get_num_rows(P);
	int *ind = pp_xcalloc((size_t)nc + 1, sizeof(*ind));
	double *val = pp_xcalloc((size_t)nc + 1, sizeof(*val));
	char name[300];

	glp_set_obj_coef(P, 0, glp_get_obj_coef(P, 0) + glp_get_obj_coef(Q, 0));
	for (c = 1; c <= nc; c++) {
		snprintf(name, sizeof(name), "%s%s", prefix,
		    glp_get_col_name(Q, c));
		glp_set_col_name(P, c0 + c, name);
		glp_set_col_kind(P, c0 + c, glp_get_col_kind(Q, c));
		glp_set_col_bnds(P, c0 + c, glp_get_col_type(Q, c),
		    glp_get_col_lb(Q, c), glp_get_col_ub(Q, c));
		glp_set_obj_coef(P, c0 + c, glp_get_obj_coef(Q, c));
	}
	for (r = 1; r <= nr; r++) {
		int len = glp_get_mat_row(Q, r, ind, val), k;

		snprintf(name, sizeof(name), "%s%s", prefix,
		    glp_get_row_name(Q, r));
		glp_set_row_name(P, r0 + r, name);
		glp_set_row_bnds(P, r0 + r, glp_get_row_type(Q, r),
		    glp_get_row_lb(Q, r), glp_get_row_ub(Q, r));
		for (k = 1; k <= len; k++)
			ind[k] += c0;
		glp_set_mat_row(P, r0 + r, len, ind, val);
	}
	free(ind);
	free(val);
	*roff = r0;
	return c0;
}

/* Adds coefficient v of column c to row r. */
static void
add_coef(glp_prob *P, int r, int c, double v)
{
	int n = glp_get_num_cols(P);
	int *ind = pp_xcalloc((size_t)n + 2, sizeof(*ind));
	double *val = pp_xcalloc((size_t)n + 2, sizeof(*val));
	int len = glp_get_mat_row(P, r, ind, val);

	ind[len + 1] = c;
	val[len + 1] = v;
	glp_set_mat_row(P, r, len + 1, ind, val);
	free(ind);
	free(val);
}

/* Adds a row named name with the n (column, coefficient) pairs. */
static void
add_row(glp_prob *P, const char *name, int type, double lb, double ub,
    const int *cols, const double *coefs, int n)
{
	int r = glp_add_rows(P, 1);

	glp_set_row_name(P, r, name);
	glp_set_row_bnds(P, r, type, lb, ub);
	/* GLPK's arrays are 1-based. */
	glp_set_mat_row(P, r, n, cols - 1, coefs - 1);
}

static int
add_col(glp_prob *P, const char *name, int kind, int type, double lb, double ub,
    double obj)
{
	int c = glp_add_cols(P, 1);

	glp_set_col_name(P, c, name);
	glp_set_col_kind(P, c, kind);
	glp_set_col_bnds(P, c, type, lb, ub);
	glp_set_obj_coef(P, c, obj);
	return c;
}

/* Items a booth exclusion row holds at most. */
#define CLIQUE_MAX 4000

/* The row "at most one of member j's items of day d that hold instant
 * p (only those in rooms when rooms_only) and the shift column bc", named
 * name; none when no item holds p.  xcol holds the day's item columns
 * (0 = none); cols and coefs hold CLIQUE_MAX + 1. */
static void
clique_row(glp_prob *P, const struct pp_model_day *md, const int *xcol,
    int64_t p, int rooms_only, int bc, const char *name, int *cols,
    double *coefs)
{
	size_t q;
	int n = 0;

	for (q = 0; q < md->n && n < CLIQUE_MAX; q++) {
		const struct pp_item *it = &md->items[q];
		int c = xcol[q];

		if (c == 0 || (rooms_only && it->nrooms == 0) ||
		    !(it->start <= p && p < it->end))
			continue;
		cols[n] = c;
		coefs[n++] = 1;
	}
	if (n == 0)
		return;
	cols[n] = bc;
	coefs[n++] = 1;
	add_row(P, name, GLP_UP, 0, 1, cols, coefs, n);
}

/* The booth shifts: columns, staffing, exclusions, networking. */
static void
add_booth(struct joint *J, const struct pp_team_model *tm)
{
	const struct pp_team *t = tm->t;
	glp_prob *P = J->P;
	size_t s, j, k, nm = t->nmembers;
	int *cols = pp_xcalloc(nm + CLIQUE_MAX + 1, sizeof(*cols));
	double *coefs = pp_xcalloc(nm + CLIQUE_MAX + 1, sizeof(*coefs));
	char name[64];

	J->bcol = pp_xcalloc(tm->nshifts * nm + 1, sizeof(*J->bcol));
	for (s = 0; s < tm->nshifts; s++) {
		const struct pp_team_shift *sh = &tm->shifts[s];
		int n = 0;

		for (k = 0; k < sh->navail; k++) {
			j = sh->avail[k];
			snprintf(name, sizeof(name), "b%zu_%zu", j, s);
			J->bcol[s * nm + j] =
			    add_col(P, name, GLP_BV, GLP_DB, 0, 1, 0);
			cols[n] = J->bcol[s * nm + j];
			coefs[n++] = 1;
		}
		snprintf(name, sizeof(name), "staff%zu", s);
		add_row(P, name, GLP_FX, t->staff, t->staff, cols, coefs, n);
	}
	/* Exclusions.  The items that hold an instant p of the shift (its
	 * start, or an item's start inside it) overlap each other and the
	 * shift: with b they are a clique, one row.  An item in a room that
	 * only comes within the room-change time of the shift (ends just
	 * before it, starts just after) excludes the shift alone: a row of
	 * two.  Together these are exactly the items the shift excludes. */
	for (s = 0; s < tm->nshifts; s++) {
		const struct pp_team_shift *sh = &tm->shifts[s];

		for (k = 0; k < sh->navail; k++) {
			const struct pp_model *m;
			const struct pp_model_day *md;
			size_t d, q, pi;
			int64_t rc;
			int bc;

			j = sh->avail[k];
			bc = J->bcol[s * nm + j];
			m = tm->m[j];
			d = day_of(m, sh->start);
			md = &m->days[d];
			rc = m->room_change;
			for (pi = 0; pi <= md->n; pi++) {
				int64_t p;

				if (pi == md->n)
					p = sh->start;
				else {
					p = md->items[pi].start;
					if (p <= sh->start || p >= sh->end)
						continue;
				}
				snprintf(name, sizeof(name), "bx%zu_%zu_%zu", j,
				    s, pi);
				clique_row(P, md, &J->xcol[j][J->off[j][d]], p,
				    0, bc, name, cols, coefs);
			}
			/* Items in rooms running at S - 1 s or at E overlap
			 * each other and end or start within the room change of
			 * the shift: two more cliques.  Any other item in a
			 * room that comes within the room change without
			 * overlapping gets a row of two. */
			for (pi = 0; pi < 2 && rc > 0; pi++) {
				int64_t p = pi == 0 ? sh->start - 1 : sh->end;

				snprintf(name, sizeof(name), "brc%zu_%zu_%s", j,
				    s, pi == 0 ? "start" : "end");
				clique_row(P, md, &J->xcol[j][J->off[j][d]], p,
				    1, bc, name, cols, coefs);
			}
			for (q = 0; q < md->n && rc > 0; q++) {
				const struct pp_item *it = &md->items[q];
				int c = J->xcol[j][J->off[j][d] + q];

				if (c == 0 || it->nrooms == 0 ||
				    (it->start < sh->end &&
				        it->end > sh->start) ||
				    it->start - rc >= sh->end ||
				    it->end + rc <= sh->start ||
				    (it->start <= sh->start - 1 &&
				        sh->start - 1 < it->end) ||
				    (it->start <= sh->end && sh->end < it->end))
					continue;
				cols[0] = c;
				cols[1] = bc;
				coefs[0] = coefs[1] = 1;
				snprintf(name, sizeof(name), "brc%zu_%zu_%zu",
				    j, s, q);
				add_row(P, name, GLP_UP, 0, 1, cols, coefs, 2);
			}
			if (J->netrow[j][d] != 0)
				add_coef(P, J->netrow[j][d],
				    J->bcol[s * nm + j],
				    (double)((sh->end - sh->start) / 60));
		}
	}
	/* The cap and fairness, over each member's shifts. */
	if (tm->nshifts > 0) {
		int bmax = add_col(P, "bmax", GLP_CV, GLP_LO, 0, 0, 0);
		int bmin = add_col(P, "bmin", GLP_CV, GLP_LO, 0, 0, 0);

		J->bmax = bmax;
		J->bmin = bmin;

		for (j = 0; j < nm; j++) {
			int n = 0;

			for (s = 0; s < tm->nshifts; s++)
				if (J->bcol[s * nm + j] != 0) {
					cols[n] = J->bcol[s * nm + j];
					coefs[n++] =
					    (double)((tm->shifts[s].end -
					                 tm->shifts[s].start) /
					        60);
				}
			if (n == 0)
				continue;
			if (t->max_minutes != PP_UNLIMITED) {
				snprintf(name, sizeof(name), "cap%zu", j);
				add_row(P, name, GLP_UP, 0, t->max_minutes,
				    cols, coefs, n);
			}
			cols[n] = bmax;
			coefs[n] = -1;
			snprintf(name, sizeof(name), "fairhi%zu", j);
			add_row(P, name, GLP_UP, 0, 0, cols, coefs, n + 1);
			cols[n] = bmin;
			snprintf(name, sizeof(name), "fairlo%zu", j);
			add_row(P, name, GLP_LO, 0, 0, cols, coefs, n + 1);
		}
		cols[0] = bmax;
		coefs[0] = 1;
		cols[1] = bmin;
		coefs[1] = -1;
		add_row(P, "spread", GLP_UP, 0, t->max_spread, cols, coefs, 2);
	}
	free(cols);
	free(coefs);
}

/* The x column of timetable event i for member j, or 0. */
static int
event_col(const struct joint *J, const struct pp_team_model *tm, size_t j,
    size_t i)
{
	size_t d, k;

	if (pp_model_event_item(tm->m[j], &tm->tt->ev[i], &d, &k) != 0)
		return 0;
	return J->xcol[j][J->off[j][d] + k];
}

static void
add_cover_together(struct joint *J, const struct pp_team_model *tm)
{
	size_t c, j, nm = tm->t->nmembers;
	int *cols = pp_xcalloc(nm + 2, sizeof(*cols));
	double *coefs = pp_xcalloc(nm + 2, sizeof(*coefs));
	char name[64];

	J->zcol = pp_xcalloc(tm->ncover + 1, sizeof(*J->zcol));
	for (c = 0; c < tm->ncover; c++) {
		int n = 0;

		for (j = 0; j < nm; j++) {
			int x = event_col(J, tm, j, tm->cover[c]);

			if (x != 0) {
				cols[n] = x;
				coefs[n++] = -1;
			}
		}
		if (n == 0)
			continue;
		snprintf(name, sizeof(name), "z%zu", c);
		J->zcol[c] = add_col(J->P, name, GLP_BV, GLP_DB, 0, 1,
		    (double)tm->cover_units);
		cols[n] = J->zcol[c];
		coefs[n++] = 1;
		snprintf(name, sizeof(name), "cover%zu", c);
		add_row(J->P, name, GLP_UP, 0, 0, cols, coefs, n);
	}
	for (c = 0; c < tm->ntogether; c++)
		for (j = 0; j < nm; j++) {
			int x = event_col(J, tm, j, tm->together[c]);

			if (x != 0)
				glp_set_col_bnds(J->P, x, GLP_FX, 1, 1);
		}
	free(cols);
	free(coefs);
}

/* Builds the joint programme; returns -1 after an error in ds. */
static int
joint_build(struct joint *J, const struct pp_team_model *tm,
    struct pp_diags *ds)
{
	size_t j, d, k, nm = tm->t->nmembers;
	char name[64];

	memset(J, 0, sizeof(*J));
	J->nm = nm;
	J->P = glp_create_prob();
	glp_set_prob_name(J->P, "pyplan-team");
	glp_set_obj_name(J->P, "obj");
	glp_set_obj_dir(J->P, GLP_MAX);
	J->xcol = pp_xcalloc(nm + 1, sizeof(*J->xcol));
	J->off = pp_xcalloc(nm + 1, sizeof(*J->off));
	J->netrow = pp_xcalloc(nm + 1, sizeof(*J->netrow));
	J->Q = pp_xcalloc(nm + 1, sizeof(*J->Q));
	J->c0 = pp_xcalloc(nm + 1, sizeof(*J->c0));
	J->r0 = pp_xcalloc(nm + 1, sizeof(*J->r0));
	for (j = 0; j < nm; j++) {
		const struct pp_model *m = tm->m[j];
		glp_prob *Q = member_prob(m, ds);
		size_t total = 0;
		int c0, r0;

		if (Q == NULL)
			return -1;
		glp_create_index(Q);
		snprintf(name, sizeof(name), "m%zu_", j);
		c0 = copy_prob(J->P, Q, name, &r0);
		J->off[j] = pp_xcalloc(m->ndays + 1, sizeof(**J->off));
		J->netrow[j] = pp_xcalloc(m->ndays + 1, sizeof(**J->netrow));
		for (d = 0; d < m->ndays; d++) {
			J->off[j][d] = total;
			total += m->days[d].n;
		}
		J->xcol[j] = pp_xcalloc(total + 1, sizeof(**J->xcol));
		for (d = 0; d < m->ndays; d++) {
			int r;

			for (k = 0; k < m->days[d].n; k++) {
				int c;

				snprintf(name, sizeof(name), "x%zu_%zu", d, k);
				c = glp_find_col(Q, name);
				J->xcol[j][J->off[j][d] + k] =
				    c > 0 ? c0 + c : 0;
			}
			snprintf(name, sizeof(name), "net%zu_0", d);
			r = glp_find_row(Q, name);
			J->netrow[j][d] = r > 0 ? r0 + r : 0;
		}
		J->Q[j] = Q;
		J->c0[j] = c0;
		J->r0[j] = r0;
	}
	add_booth(J, tm);
	add_cover_together(J, tm);
	return 0;
}

int
pp_team_write_lp(FILE *fp, const struct pp_team_model *tm, struct pp_diags *ds)
{
	struct joint J;
	char path[4096], buf[8192];
	int fd, ret = 0;
	FILE *in;
	size_t n;

	glp_term_out(GLP_OFF);
	if (joint_build(&J, tm, ds) != 0) {
		joint_fini(&J);
		return -1;
	}
	if ((fd = temp_file(path, sizeof(path), ds)) < 0) {
		joint_fini(&J);
		return -1;
	}
	close(fd);
	if (glp_write_lp(J.P, NULL, path) != 0 ||
	    (in = fopen(path, "r")) == NULL) {
		unlink(path);
		joint_fini(&J);
		return pp_diag_err(ds, NULL, 0,
		    "cannot write the team programme: %s", strerror(errno));
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, fp) != n) {
			ret = -1;
			break;
		}
	if (ferror(in))
		ret = -1;
	fclose(in);
	unlink(path);
	joint_fini(&J);
	return ret;
}

/* ---- solving ---- */

struct cb_state {
	double bound;
	int have;
	double gap;  /* stop once proven within this (tm->gap), 0 = never */
	int stopped; /* 1: stopped so (glp_ios_terminate) */
};

/* 1 if x (1-based column values) meets every bound and row of P and is
 * integral where P says so. */
static int
feasible(glp_prob *P, const double *x)
{
	int n = glp_get_num_cols(P), mrows = glp_get_num_rows(P), i, k;
	int *ind = pp_xcalloc((size_t)n + 1, sizeof(*ind));
	double *val = pp_xcalloc((size_t)n + 1, sizeof(*val));
	int ok = 1;
	const double eps = 1e-6;

	for (i = 1; i <= n && ok; i++) {
		int type = glp_get_col_type(P, i);

		if (glp_get_col_kind(P, i) != GLP_CV &&
		    fabs(x[i] - floor(x[i] + 0.5)) > eps)
			ok = 0;
		if ((type == GLP_LO || type == GLP_DB || type == GLP_FX) &&
		    x[i] < glp_get_col_lb(P, i) - eps)
			ok = 0;
		if ((type == GLP_UP || type == GLP_DB || type == GLP_FX) &&
		    x[i] > glp_get_col_ub(P, i) + eps)
			ok = 0;
	}
	for (i = 1; i <= mrows && ok; i++) {
		int len = glp_get_mat_row(P, i, ind, val), type;
		double a = 0;

		for (k = 1; k <= len; k++)
			a += val[k] * x[ind[k]];
		type = glp_get_row_type(P, i);
		if ((type == GLP_LO || type == GLP_DB || type == GLP_FX) &&
		    a < glp_get_row_lb(P, i) - eps)
			ok = 0;
		if ((type == GLP_UP || type == GLP_DB || type == GLP_FX) &&
		    a > glp_get_row_ub(P, i) + eps)
			ok = 0;
	}
	free(ind);
	free(val);
	return ok;
}

/* The objective of P at x (1-based column values). */
static double
objective(glp_prob *P, const double *x)
{
	double o = glp_get_obj_coef(P, 0);
	int c;

	for (c = 1; c <= glp_get_num_cols(P); c++)
		o += glp_get_obj_coef(P, c) * x[c];
	return o;
}

/*
 * A plan to fall back on when the branch and cut finds none in time (on
 * teams of a dozen members and more it finds none for seconds): a greedy rota
 * (each shift to the available members with the fewest booth minutes so far,
 * within the cap, preferring those not on the shift before), then each member's
 * own programme solved alone with that member's shifts fixed (the items they
 * exclude off, their minutes taken off the networking minimum), the
 * cover bonus offered for the talks nobody before has taken.  Returns
 * the joint column values (1-based, caller frees), checked against every
 * row and bound of P, or NULL when some step fails.
 */
static double *
heuristic(struct joint *J, const struct pp_team_model *tm,
    const struct pp_team_force *f, double deadline)
{
	const struct pp_team *t = tm->t;
	size_t nm = t->nmembers, s, j, k, c, d;
	int n = glp_get_num_cols(J->P), q, ok = 1;
	double *x = pp_xcalloc((size_t)n + 1, sizeof(*x));
	long *mins = pp_xcalloc(nm + 1, sizeof(*mins));
	unsigned char *on = pp_xcalloc(tm->nshifts * nm + 1, 1);
	unsigned char *covered = pp_xcalloc(tm->ncover + 1, 1);
	long lo = -1, hi = 0;

	for (s = 0; s < tm->nshifts && ok; s++) {
		const struct pp_team_shift *sh = &tm->shifts[s];
		long len = (long)((sh->end - sh->start) / 60);
		int taken;

		for (taken = 0; taken < t->staff && ok; taken++) {
			size_t best = PP_TEAM_NONE;
			int best_prev = 0;

			for (k = 0; k < sh->navail; k++) {
				int prev;

				j = sh->avail[k];
				if (on[s * nm + j] ||
				    (t->max_minutes != PP_UNLIMITED &&
				        mins[j] + len > t->max_minutes) ||
				    (f != NULL && f->shift == s &&
				        f->member == j))
					continue;
				prev = s > 0 && on[(s - 1) * nm + j] &&
				    tm->shifts[s - 1].end == sh->start;
				if (best == PP_TEAM_NONE || prev < best_prev ||
				    (prev == best_prev &&
				        mins[j] < mins[best])) {
					best = j;
					best_prev = prev;
				}
			}
			if (best == PP_TEAM_NONE)
				ok = 0;
			else {
				on[s * nm + best] = 1;
				mins[best] += len;
				x[J->bcol[s * nm + best]] = 1;
			}
		}
	}
	for (j = 0; j < nm && ok; j++) {
		glp_prob *Q = J->Q[j];
		const struct pp_model *m = tm->m[j];
		glp_iocp parm;
		int st;

		for (s = 0; s < tm->nshifts; s++) {
			const struct pp_team_shift *sh = &tm->shifts[s];
			const struct pp_model_day *md;
			int r;

			if (!on[s * nm + j])
				continue;
			d = day_of(m, sh->start);
			md = &m->days[d];
			for (k = 0; k < md->n; k++) {
				const struct pp_item *it = &md->items[k];
				int64_t rc =
				    it->nrooms > 0 ? m->room_change : 0;
				int col = J->xcol[j][J->off[j][d] + k];

				if (col != 0 && it->start - rc < sh->end &&
				    it->end + rc > sh->start)
					glp_set_col_bnds(Q, col - J->c0[j],
					    GLP_FX, 0, 0);
			}
			if ((r = J->netrow[j][d]) != 0) {
				r -= J->r0[j];
				glp_set_row_bnds(Q, r, GLP_LO,
				    glp_get_row_lb(Q, r) -
				        (double)((sh->end - sh->start) / 60),
				    0);
			}
		}
		for (c = 0; c < tm->ntogether; c++)
			if ((q = event_col(J, tm, j, tm->together[c])) != 0)
				glp_set_col_bnds(Q, q - J->c0[j], GLP_FX, 1, 1);
		for (c = 0; c < tm->ncover; c++)
			if (!covered[c] &&
			    (q = event_col(J, tm, j, tm->cover[c])) != 0)
				glp_set_obj_coef(Q, q - J->c0[j],
				    glp_get_obj_coef(Q, q - J->c0[j]) +
				        (double)tm->cover_units);
		glp_init_iocp(&parm);
		parm.msg_lev = GLP_MSG_OFF;
		parm.presolve = GLP_ON;
		parm.tm_lim = (int)(deadline - glp_time());
		if (parm.tm_lim <= 0) {
			ok = 0;
			break;
		}
		st = glp_intopt(Q, &parm);
		if (st != 0 ||
		    (glp_mip_status(Q) != GLP_OPT &&
		        glp_mip_status(Q) != GLP_FEAS)) {
			ok = 0;
			break;
		}
		for (q = 1; q <= glp_get_num_cols(Q); q++)
			x[J->c0[j] + q] = glp_mip_col_val(Q, q);
		for (c = 0; c < tm->ncover; c++)
			if ((q = event_col(J, tm, j, tm->cover[c])) != 0 &&
			    x[q] > 0.5)
				covered[c] = 1;
		if (J->bcol != NULL)
			for (s = 0; s < tm->nshifts; s++)
				if (J->bcol[s * nm + j] != 0) {
					if (lo < 0 || mins[j] < lo)
						lo = mins[j];
					if (mins[j] > hi)
						hi = mins[j];
					break;
				}
	}
	for (c = 0; c < tm->ncover && ok; c++)
		if (J->zcol[c] != 0)
			x[J->zcol[c]] = covered[c];
	if (J->bmax != 0) {
		x[J->bmax] = (double)hi;
		x[J->bmin] = (double)(lo < 0 ? 0 : lo);
	}
	free(mins);
	free(on);
	free(covered);
	if (!ok || !feasible(J->P, x)) {
		free(x);
		return NULL;
	}
	return x;
}

/*
 * Records the proven bound (the best active node's; it only goes down)
 * and, with a gap, stops the search as soon as the incumbent is within
 * it.  The gap is measured here, as the text and JSON report it ((bound
 * - score) / bound, the bound rounded down to whole score units), not
 * by GLPK's mip_gap, which measures against the incumbent and with a
 * bound the callbacks may not have seen: so a plan stopped at --gap is
 * reported with a gap of at most --gap.
 */
static void
callback(glp_tree *T, void *info)
{
	struct cb_state *st = info;
	int best = glp_ios_best_node(T);
	glp_prob *P = glp_ios_get_prob(T);
	double b, inc;

	if (best == 0)
		return;
	st->bound = glp_ios_node_bound(T, best);
	st->have = 1;
	if (st->gap <= 0 || st->stopped || glp_mip_status(P) != GLP_FEAS)
		return;
	b = floor(st->bound + 1e-6);
	inc = glp_mip_obj_val(P);
	if (b - inc <= st->gap * (fabs(b) > 1 ? fabs(b) : 1) + 1e-9) {
		st->stopped = 1;
		glp_ios_terminate(T);
	}
}

static int
cmp_item_start(const void *a, const void *b)
{
	const struct pp_item *x = *(const struct pp_item *const *)a;
	const struct pp_item *y = *(const struct pp_item *const *)b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* 1 if column c is 1 in the solution: sol's value, or GLPK's when sol
 * is NULL. */
static int
col_on(glp_prob *P, const double *sol, int c)
{
	if (c == 0)
		return 0;
	return (sol != NULL ? sol[c] : glp_mip_col_val(P, c)) > 0.5;
}

/* The members' plans, the rota and the coverage from the solution. */
static struct pp_team_plan *
extract(const struct joint *J, const struct pp_team_model *tm,
    const double *sol)
{
	const struct pp_team *t = tm->t;
	struct pp_team_plan *tp = pp_xcalloc(1, sizeof(*tp));
	size_t j, d, k, s, c, nm = t->nmembers;

	tp->tm = tm;
	tp->room = t->room;
	tp->plans = pp_xcalloc(nm + 1, sizeof(*tp->plans));
	tp->booth = pp_xcalloc(nm + 1, sizeof(*tp->booth));
	tp->booth_minutes = pp_xcalloc(nm + 1, sizeof(*tp->booth_minutes));
	tp->rota = pp_xcalloc(tm->nshifts + 1, sizeof(*tp->rota));
	for (j = 0; j < nm; j++) {
		const struct pp_model *m = tm->m[j];
		size_t **chosen = pp_xcalloc(m->ndays + 1, sizeof(*chosen));
		size_t *n = pp_xcalloc(m->ndays + 1, sizeof(*n));
		size_t nb = 0;

		for (d = 0; d < m->ndays; d++) {
			chosen[d] =
			    pp_xcalloc(m->days[d].n + 1, sizeof(**chosen));
			for (k = 0; k < m->days[d].n; k++)
				if (col_on(J->P, sol,
				        J->xcol[j][J->off[j][d] + k]))
					chosen[d][n[d]++] = k;
		}
		tp->plans[j] = pp_plan_from_items(m, chosen, n);
		for (d = 0; d < m->ndays; d++)
			free(chosen[d]);
		free(chosen);
		free(n);
		tp->booth[j] = pp_xcalloc(tm->nshifts + 1, sizeof(**tp->booth));
		for (s = 0; s < tm->nshifts; s++) {
			const struct pp_team_shift *sh = &tm->shifts[s];
			struct pp_item *it;
			struct pp_plan_day *pd;

			if (!col_on(J->P, sol, J->bcol[s * nm + j]))
				continue;
			it = &tp->booth[j][nb++];
			it->src = PP_ITEM_BOOTH;
			it->kind = PP_KIND_EXPO;
			it->cls = PP_CLASS_NETWORKING;
			it->start = sh->start;
			it->end = sh->end;
			it->minutes = (long)((sh->end - sh->start) / 60);
			it->title = "Booth duty";
			it->rooms = &tp->room;
			it->nrooms = 1;
			it->room = t->room;
			it->counts = 1;
			it->next = it->prev = PP_ITEM_NONE;
			it->reason = "booth";
			tp->booth_minutes[j] += it->minutes;
			d = day_of(m, sh->start);
			pd = &tp->plans[j]->days[d];
			pd->items = pp_xreallocarray(pd->items, pd->n + 2,
			    sizeof(*pd->items));
			pd->items[pd->n++] = it;
			pd->networking_minutes += it->minutes;
			pd->net_by_src[pp_item_net_src(it)] += it->minutes;
		}
		for (d = 0; d < m->ndays; d++)
			qsort(tp->plans[j]->days[d].items,
			    tp->plans[j]->days[d].n, sizeof(struct pp_item *),
			    cmp_item_start);
		tp->score += tp->plans[j]->score;
	}
	for (s = 0; s < tm->nshifts; s++) {
		tp->rota[s].s = &tm->shifts[s];
		tp->rota[s].who = pp_xcalloc(nm + 1, sizeof(size_t));
		for (j = 0; j < nm; j++)
			if (col_on(J->P, sol, J->bcol[s * nm + j]))
				tp->rota[s].who[tp->rota[s].n++] = j;
	}
	tp->cover_who = pp_xcalloc(tm->ncover + 1, sizeof(*tp->cover_who));
	tp->cover_n = pp_xcalloc(tm->ncover + 1, sizeof(*tp->cover_n));
	for (c = 0; c < tm->ncover; c++) {
		tp->cover_who[c] = pp_xcalloc(nm + 1, sizeof(size_t));
		for (j = 0; j < nm; j++)
			if (col_on(J->P, sol,
			        event_col(J, tm, j, tm->cover[c])))
				tp->cover_who[c][tp->cover_n[c]++] = j;
		if (tp->cover_n[c] > 0)
			tp->ncovered++;
	}
	tp->score += (int64_t)tp->ncovered * tm->cover_units;
	return tp;
}

int
pp_team_solve_forced(const struct pp_team_model *tm, double time_limit,
    const struct pp_team_force *f, struct pp_team_plan **out,
    struct pp_diags *ds)
{
	struct joint J;
	struct cb_state cb;
	glp_iocp parm;
	int r, status, found, use_heur, within;
	double t0 = glp_time(), *heur;
	struct pp_team_plan *tp;
	size_t j;
	char cap[32];

	*out = NULL;
	glp_term_out(GLP_OFF);
	if (joint_build(&J, tm, ds) != 0) {
		joint_fini(&J);
		return 1;
	}
	if (f != NULL && f->cover != PP_TEAM_NONE) {
		/* Covered: z_c = 1 needs some member in the talk. */
		if (J.zcol[f->cover] == 0) {
			joint_fini(&J);
			return 1;
		}
		glp_set_col_bnds(J.P, J.zcol[f->cover], GLP_FX, 1, 1);
	}
	if (f != NULL && f->shift != PP_TEAM_NONE) {
		int c = J.bcol[f->shift * tm->t->nmembers + f->member];

		if (c != 0)
			glp_set_col_bnds(J.P, c, GLP_FX, 0, 0);
	}
	memset(&cb, 0, sizeof(cb));
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_ON;
	parm.clq_cuts = GLP_ON;
	cb.gap = tm->gap; /* the callback stops at the gap */
	/* The search gets nine tenths of the time limit; when it stops
	 * without a proof, the heuristic gets the rest, and its plan is the
	 * answer when the search found none as good. */
	parm.tm_lim = time_limit * 900 > 1e9
	    ? 1000000000
	    : (int)(time_limit * 900 - (glp_time() - t0));
	if (parm.tm_lim < 1)
		parm.tm_lim = 1;
	parm.cb_func = callback;
	parm.cb_info = &cb;
	r = glp_intopt(J.P, &parm);
	status = glp_mip_status(J.P);
	within = r == GLP_ESTOP && cb.stopped; /* proven within --gap */
	heur = r == 0 || within ? NULL
	                        : heuristic(&J, tm, f, t0 + time_limit * 1000);
	found = (r == 0 || r == GLP_ETMLIM || within) &&
	    (status == GLP_OPT || status == GLP_FEAS);
	use_heur = heur != NULL &&
	    (!found ||
	        (status != GLP_OPT &&
	            objective(J.P, heur) > glp_mip_obj_val(J.P) + 0.5));
	if (!found && !use_heur) {
		free(heur);
		if (r == GLP_ETMLIM)
			pp_diag_err(ds, tm->t->path, 0,
			    "no team plan found within the time limit of %g "
			    "seconds (--time-limit)",
			    time_limit);
		else if (f == NULL) {
			if (tm->t->max_minutes == PP_UNLIMITED)
				snprintf(cap, sizeof(cap), "%s", "none");
			else
				snprintf(cap, sizeof(cap), "%d minutes",
				    tm->t->max_minutes);
			pp_diag_err(ds, tm->t->path, 0,
			    "the team's rules cannot all hold: the booth "
			    "staffing (%d at a time), its cap a member (%s) "
			    "and spread (%d minutes), the together events and "
			    "each member's own rules clash",
			    tm->t->staff, cap, tm->t->max_spread);
		}
		joint_fini(&J);
		return 1;
	}
	tp = extract(&J, tm, use_heur ? heur : NULL);
	free(heur);
	tp->optimal = !use_heur && status == GLP_OPT && r == 0;
	for (j = 0; j < tm->t->nmembers; j++)
		tp->plans[j]->optimal = tp->optimal;
	tp->bound = tp->score;
	tp->bounded = tp->optimal || cb.have;
	if (!tp->optimal && cb.have) {
		double b = floor(cb.bound + 1e-6);

		if (b > (double)tp->score)
			tp->bound = (int64_t)b;
		else if (within) /* the incumbent meets the bound */
			tp->optimal = 1;
	}
	tp->seconds = (glp_time() - t0) / 1000; /* GLPK's clock: ms */
	joint_fini(&J);
	*out = tp;
	return 0;
}

int
pp_team_solve(const struct pp_team_model *tm, double time_limit,
    struct pp_team_plan **out, struct pp_diags *ds)
{
	return pp_team_solve_forced(tm, time_limit, NULL, out, ds);
}

void
pp_team_plan_free(struct pp_team_plan *tp)
{
	size_t j, s, c;

	if (tp == NULL)
		return;
	for (j = 0; j < tp->tm->t->nmembers; j++) {
		pp_plan_free(tp->plans[j]);
		free(tp->booth[j]);
	}
	for (s = 0; s < tp->tm->nshifts; s++)
		free(tp->rota[s].who);
	for (c = 0; c < tp->tm->ncover; c++)
		free(tp->cover_who[c]);
	free(tp->plans);
	free(tp->booth);
	free(tp->booth_minutes);
	free(tp->rota);
	free(tp->cover_who);
	free(tp->cover_n);
	free(tp);
}
