/* SPDX-License-Identifier: ISC */
/*
 * A seeded generator of conference programmes (CSV) and attendee profiles
 * (INI) for pyplan's oracle tests and benchmark.  The same seed and sizes
 * give the same files on every machine: the generator uses its own integer
 * random numbers and nothing but libc.
 *
 * Two modes.  "oracle" (the default) draws everything at random: rooms,
 * overlaps, kinds, time grids, caps, weights (some negative), must-see,
 * skip, busy blocks and planning days, and on some seeds a deliberately
 * infeasible profile (overlapping must-see events, a must-see that is
 * skipped or busy).  "bench" makes a realistic conference: every room has
 * a full day of back-to-back sessions with common breaks, lunch and
 * posters, and the profile is an ordinary one that has a plan.
 *
 * In oracle mode events also carry a language (from their number, so
 * that no random draw moves: mostly en, some es, some de,en interpreted,
 * some unknown) and the profile may set languages, plenary-weight,
 * ticket-kinds and [tickets], so that the LP models those exclusions and
 * plenary values too.
 *
 * In oracle mode, -m large draws large caps (6 to 16 talks, 240 to 720
 * talk minutes, 3 to 8 in a row), and -m flat makes every talk worth the
 * same (no interests, speakers, level or criteria; recorded-weight 1), so
 * that ties are everywhere.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROOMS 1000
#define MAX_DAYS 60

static uint64_t rng_state;
static int with_langs; /* oracle mode: a language column with values */

/* splitmix64: small, fast and the same everywhere. */
static uint64_t
rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform integer in [0, n); n > 0. */
static int
rn(int n)
{
	return (int)(rnd() % (uint64_t)n);
}

/* A uniform integer in [a, b]. */
static int
rr(int a, int b)
{
	return a + rn(b - a + 1);
}

/* 1 with probability pct percent. */
static int
chance(int pct)
{
	return rn(100) < pct;
}

#define PICK(arr) (arr[rn((int)(sizeof(arr) / sizeof(arr[0])))])

static const char *const zones[] = { "America/New_York", "Europe/Berlin",
	"UTC", "Asia/Kolkata", "America/Los_Angeles", "Australia/Sydney" };

/* Topic phrases, in the forms an attendee writes them in a profile. */
static const char *const topics[] = { "testing", "packaging", "async",
	"django", "security", "performance", "python 3", "machine learning",
	"data", "web", "api", "failover", "overload", "rust", "databases",
	"typing" };

/* Words for titles and abstracts: the topics in other forms too, so that
 * stemming and phrase matching are exercised ("tests", "failovers"). */
static const char *const words[] = { "tests", "tested", "testing",
	"packages", "packaging", "async", "asyncio", "Django", "secure",
	"security", "performance", "Python 3", "Python", "machine learning",
	"learning", "machine", "data", "web", "API", "APIs", "rapid",
	"failovers", "overloaded", "Rust", "database", "types", "typing",
	"scale", "cloud", "community", "teaching", "graphs", "music",
	"science", "games", "debugging", "profiling", "CPython", "pandas",
	"microservices" };

static const char *const title_heads[] = { "Intro to", "Advanced",
	"Practical", "Beyond", "Understanding", "Fun with", "Lessons from",
	"A tour of", "Scaling", "Demystifying" };

static const char *const names[] = { "Ada Lovelace", "Grace Hopper",
	"Guido van Rossum", "Lilly Ryan", "Hillel Wayne", "Raymond Hettinger",
	"David Beazley", "Mariatta Wijaya", "Naomi Ceder", "Brett Cannon",
	"Jos\xc3\xa9 Valim", "Katie McLaughlin", "Ned Batchelder",
	"Carol Willing", "Jake VanderPlas", "Julia Evans", "Ryan Smith",
	"Ewa Jodlowska" };

static const char *const levels[] = { "", "", "beginner", "intermediate",
	"advanced" };

static const char *const profile_levels[] = { "beginner",
	"intermediate", "advanced" };

static const char *const tracks[] = { "", "", "", "Web", "Data",
	"Core", "Community" };

enum gkind { G_TALK, G_KEYNOTE, G_TUTORIAL, G_WORKSHOP, G_LIGHTNING,
	G_PANEL, G_OPEN, G_EXPO, G_POSTER, G_SOCIAL, G_MEAL, G_BREAK,
	G_HALLWAY, G_OTHER, G__N };

static const char *const kind_words[G__N] = { "talk", "keynote",
	"tutorial", "workshop", "lightning", "panel", "open-space", "expo",
	"poster", "social", "meal", "break", "hallway", "ceremony" };

/* Relative frequencies of the kinds in oracle mode. */
static const int kind_weight[G__N] = { 44, 4, 5, 3, 4, 3, 6, 3, 3, 3, 6,
	10, 2, 2 };

enum variant {
	V_PLAIN,
	V_LARGE, /* large caps: up to 16 talks, 720 minutes, 8 in a row */
	V_FLAT   /* every talk worth the same: no interests, speakers,
	            level or criteria, recorded-weight 1 */
};

struct opts {
	uint64_t seed;
	int days, rooms, events;
	int bench;
	enum variant variant;
	const char *csv, *ini;
};

/* What the profile generator needs to know about the programme. */
struct ev {
	int day, start, end; /* minutes since local midnight */
	int talk;            /* talk load */
	int nrooms;
	int room0;
	int dup;             /* same title and times as another event:
				pyplan merges them into one, keeping one
				id of its choice, so no [must] or [skip]
				may name either id */
	char title[80];
};

struct prog {
	const char *tz;
	int y, mo, d;        /* first date */
	struct ev *ev;
	int n;
	int day_used[MAX_DAYS];
};

static void
date_of(const struct prog *pg, int day, char *buf, size_t size)
{
	/* From June: no DST change in the northern zones until October
	 * (Sydney's is in April and October), and MAX_DAYS fits before. */
	static const int mdays[] = { 30, 31, 31, 30 };
	int d = pg->d + day, mo = 0;

	while (mo < 3 && d > mdays[mo])
		d -= mdays[mo++];
	snprintf(buf, size, "%04d-%02d-%02d", pg->y % 10000, (6 + mo) % 100,
	    d % 100);
}

/* Writes s as a CSV field, quoted when it needs to be. */
static void
csv_field(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static int
pick_kind(void)
{
	int total = 0, i, x;

	for (i = 0; i < G__N; i++)
		total += kind_weight[i];
	x = rn(total);
	for (i = 0; i < G__N; i++) {
		if (x < kind_weight[i])
			return i;
		x -= kind_weight[i];
	}
	return G_TALK;
}

static int
duration_for(int k)
{
	static const int talk[] = { 20, 25, 30, 30, 40, 45 };
	static const int keynote[] = { 30, 45, 60 };
	static const int tutorial[] = { 90, 120, 180, 200 };
	static const int workshop[] = { 60, 90, 120 };
	static const int lightning[] = { 5, 10, 15 };
	static const int panel[] = { 45, 60 };
	static const int open[] = { 30, 45, 60 };
	static const int expo[] = { 60, 120, 240 };
	static const int poster[] = { 60, 90 };
	static const int social[] = { 60, 120, 180 };
	static const int meal[] = { 30, 45, 60, 90 };
	static const int brk[] = { 10, 15, 20, 30 };
	static const int hallway[] = { 30, 60 };

	switch (k) {
	case G_KEYNOTE:
		return PICK(keynote);
	case G_TUTORIAL:
		return PICK(tutorial);
	case G_WORKSHOP:
		return PICK(workshop);
	case G_LIGHTNING:
		return PICK(lightning);
	case G_PANEL:
		return PICK(panel);
	case G_OPEN:
		return PICK(open);
	case G_EXPO:
		return PICK(expo);
	case G_POSTER:
		return PICK(poster);
	case G_SOCIAL:
		return PICK(social);
	case G_MEAL:
		return PICK(meal);
	case G_BREAK:
		return PICK(brk);
	case G_HALLWAY:
		return PICK(hallway);
	case G_OTHER:
		return 30;
	default:
		return PICK(talk);
	}
}

static int
is_talk(int k)
{
	return k <= G_PANEL || k == G_OTHER;
}

/* A title for event i of kind k; unique for talk load. */
static void
make_title(int k, int i, int start, char *buf, size_t size)
{
	switch (k) {
	case G_MEAL:
		snprintf(buf, size, "%s", start < 10 * 60 ? "Breakfast" :
		    start >= 17 * 60 ? "Dinner" : "Lunch");
		return;
	case G_BREAK:
		snprintf(buf, size, "%s", chance(50) ? "Break" :
		    "Coffee break");
		return;
	case G_EXPO:
		snprintf(buf, size, "Expo hall");
		return;
	case G_POSTER:
		snprintf(buf, size, "Poster session %d", i);
		return;
	case G_SOCIAL:
		snprintf(buf, size, "Evening reception %d", i);
		return;
	case G_OPEN:
		snprintf(buf, size, "Open space: %s %d", PICK(words), i);
		return;
	case G_HALLWAY:
		snprintf(buf, size, "Hallway track");
		return;
	case G_OTHER:
		snprintf(buf, size, "Award ceremony %d", i);
		return;
	case G_KEYNOTE:
		snprintf(buf, size, "Keynote %d: %s and %s", i, PICK(words),
		    PICK(words));
		return;
	default:
		snprintf(buf, size, "%s %s and %s (%d)", PICK(title_heads),
		    PICK(words), PICK(words), i);
		return;
	}
}

static void
make_abstract(char *buf, size_t size)
{
	int n = rr(0, 14), i;
	size_t len = 0;

	buf[0] = '\0';
	for (i = 0; i < n && len + 40 < size; i++) {
		const char *sep = i == 0 ? "" : chance(10) ? ", " :
		    chance(5) ? ".\n" : " ";

		len += (size_t)snprintf(buf + len, size - len, "%s%s", sep,
		    PICK(words));
	}
	if (n > 0 && chance(10) && len + 20 < size)
		snprintf(buf + len, size - len, " \"quoted\"");
}

static void
add_ev(struct prog *pg, int day, int start, int end, int talk, int nrooms,
    int room0, const char *title)
{
	struct ev *e;
	size_t len;
	int i, dup = 0;

	for (i = 0; i < pg->n; i++)
		if (pg->ev[i].day == day && pg->ev[i].start == start &&
		    pg->ev[i].end == end && strcmp(pg->ev[i].title, title) == 0)
			dup = pg->ev[i].dup = 1;

	pg->ev = realloc(pg->ev, (size_t)(pg->n + 1) * sizeof(*pg->ev));
	if (pg->ev == NULL) {
		perror("gen");
		exit(1);
	}
	e = &pg->ev[pg->n++];
	e->day = day;
	e->start = start;
	e->end = end;
	e->talk = talk;
	e->nrooms = nrooms;
	e->room0 = room0;
	e->dup = dup;
	len = strlen(title);
	if (len >= sizeof(e->title))
		len = sizeof(e->title) - 1;
	memcpy(e->title, title, len);
	e->title[len] = '\0';
	pg->day_used[day] = 1;
}

/* Writes one CSV row and records the event. */
static void
write_row(FILE *fp, struct prog *pg, int k, int day, int start, int end,
    const int *rooms, int nrooms)
{
	char date[48], title[200], abstract[600], buf[400];
	int i, nsp, ntags;
	size_t len;

	date_of(pg, day, date, sizeof(date));
	make_title(k, pg->n, start, title, sizeof(title));
	fprintf(fp, "E%d,%s,%02d:%02d,%02d:%02d,%s,%s,", pg->n, date,
	    start / 60, start % 60, end / 60, end % 60, pg->tz,
	    kind_words[k]);
	csv_field(fp, title);
	fputc(',', fp);
	/* speakers */
	buf[0] = '\0';
	nsp = is_talk(k) && k != G_OTHER ? rr(0, 3) : 0;
	if (nsp == 0 && is_talk(k) && chance(70))
		nsp = 1;
	for (i = 0, len = 0; i < nsp; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
		    i ? "; " : "", PICK(names));
	csv_field(fp, buf);
	fputc(',', fp);
	/* rooms */
	buf[0] = '\0';
	for (i = 0, len = 0; i < nrooms && len + 16 < sizeof(buf); i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    "%sRoom %d", i ? ";" : "", rooms[i] + 1);
	csv_field(fp, buf);
	fputc(',', fp);
	fputs(PICK(tracks), fp);
	fputc(',', fp);
	/* tags */
	buf[0] = '\0';
	ntags = rr(0, 2);
	for (i = 0, len = 0; i < ntags; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
		    i ? ";" : "", PICK(topics));
	csv_field(fp, buf);
	fprintf(fp, ",%s,%s,", is_talk(k) ? PICK(levels) : "",
	    !is_talk(k) ? "" : chance(60) ? "yes" : chance(50) ? "no" : "");
	make_abstract(abstract, sizeof(abstract));
	csv_field(fp, abstract);
	/* The language from the event's number: no random draw. */
	fprintf(fp, ",%s\n", !with_langs ? "" : pg->n % 7 == 3 ? "es" :
	    pg->n % 11 == 5 ? "\"de,en\"" : pg->n % 13 == 0 ? "" : "en");
	add_ev(pg, day, start, end, is_talk(k), nrooms,
	    nrooms > 0 ? rooms[0] : -1, title);
}

static void
header(FILE *fp)
{
	fputs("id,date,start,end,timezone,kind,title,speakers,rooms,track,"
	      "tags,level,recorded,abstract,language\n", fp);
}

/* Oracle mode: every event drawn independently, on a per-seed grid. */
static void
gen_oracle(FILE *fp, struct prog *pg, const struct opts *o)
{
	static const int grids[] = { 5, 5, 10, 15, 30 };
	int grid = PICK(grids), i, j;
	int rooms[MAX_ROOMS];

	header(fp);
	for (i = 0; i < o->events; i++) {
		int k = pick_kind(), day = rn(o->days), dur = duration_for(k);
		int start, nrooms = 0;

		if (k == G_MEAL)
			start = chance(20) ? rr(7 * 60, 8 * 60 + 30) :
			    rr(11 * 60, 13 * 60 + 30);
		else if (k == G_SOCIAL)
			start = rr(17 * 60, 21 * 60);
		else
			start = rr(7 * 60 + 30, 19 * 60);
		start -= start % grid;
		if (start + dur > 23 * 60 + 55)
			dur = 23 * 60 + 55 - start;
		if (is_talk(k) && k != G_KEYNOTE) {
			nrooms = chance(8) ? 2 : chance(4) ? 0 : 1;
		} else if (k == G_KEYNOTE) {
			nrooms = chance(50) ? o->rooms : rr(1, o->rooms);
		} else {
			nrooms = chance(30) ? 0 : chance(50) ? 1 :
			    rr(1, o->rooms);
		}
		if (nrooms > o->rooms)
			nrooms = o->rooms;
		/* Distinct rooms: a random start, consecutive numbers. */
		j = rn(o->rooms);
		for (int r = 0; r < nrooms; r++)
			rooms[r] = (j + r) % o->rooms;
		write_row(fp, pg, k, day, start, start + dur, rooms, nrooms);
	}
	/* On some seeds a poster wall: two to four posters at one time and
	 * place, which the model turns into one poster session. */
	if (chance(30)) {
		int day = rn(o->days), dur = duration_for(G_POSTER), n = rr(2, 4);
		int start = rr(9 * 60, 16 * 60), room = rn(o->rooms);

		start -= start % grid;
		for (j = 0; j < n; j++)
			write_row(fp, pg, G_POSTER, day, start, start + dur,
			    &room, chance(30) ? 0 : 1);
	}
}

/* Bench mode: a realistic conference grid. */
static void
gen_bench(FILE *fp, struct prog *pg, const struct opts *o)
{
	int per_room = o->events / (o->days * o->rooms), day, r, i;
	int common = 0, all[MAX_ROOMS];
	int slot, day0 = 8 * 60, day1 = 19 * 60 + 30;

	header(fp);
	for (r = 0; r < o->rooms; r++)
		all[r] = r;
	/* Common events each day: breakfast, two breaks, lunch, posters,
	 * an evening social; they take time from the rooms' grids. */
	for (day = 0; day < o->days; day++) {
		write_row(fp, pg, G_MEAL, day, 7 * 60 + 30, 8 * 60, all,
		    o->rooms < 4 ? o->rooms : 4);
		write_row(fp, pg, G_BREAK, day, 10 * 60 + 30, 10 * 60 + 45,
		    NULL, 0);
		write_row(fp, pg, G_MEAL, day, 12 * 60 + 30, 13 * 60 + 30,
		    all, o->rooms < 4 ? o->rooms : 4);
		write_row(fp, pg, G_POSTER, day, 13 * 60 + 30, 15 * 60, all,
		    1);
		write_row(fp, pg, G_BREAK, day, 15 * 60 + 30, 15 * 60 + 45,
		    NULL, 0);
		write_row(fp, pg, G_SOCIAL, day, 19 * 60 + 30, 21 * 60, all,
		    1);
		common += 6;
	}
	if (per_room < 1)
		per_room = 1;
	/* The room grid: day0..day1 minus lunch, split into per_room
	 * slots of slot minutes (at least 5), each a session of slot minus
	 * a 0-10 minute gap. */
	slot = (day1 - day0 - 60) / per_room;
	slot -= slot % 5;
	if (slot < 5)
		slot = 5;
	for (day = 0; day < o->days; day++) {
		for (r = 0; r < o->rooms; r++) {
			int t = day0 + 5 * rn(3);

			for (i = 0; i < per_room && t + 5 <= 23 * 60; i++) {
				int k = chance(85) ? G_TALK : chance(30) ?
				    G_LIGHTNING : chance(50) ? G_PANEL :
				    chance(50) ? G_WORKSHOP : G_OPEN;
				int gap = slot >= 20 ? 5 * rn(3) : 0;
				int len = slot - gap, room = r;

				if (t >= 12 * 60 + 30 && t < 13 * 60 + 30)
					t = 13 * 60 + 30;
				if (len < 5)
					len = 5;
				write_row(fp, pg, k, day, t, t + len, &room,
				    1);
				t += slot;
			}
		}
	}
	(void)common;
}

static void
fmt_weight(char *buf, size_t size, int quarters)
{
	int neg = quarters < 0, q = neg ? -quarters : quarters;
	static const char *const frac[] = { "", ".25", ".5", ".75" };

	snprintf(buf, size, "%s%d%s", neg ? "-" : "", q / 4, frac[q % 4]);
}

static void
hhmm(char *buf, size_t size, int m)
{
	snprintf(buf, size, "%02d:%02d", m / 60, m % 60);
}

/* A random talk-load event index, or -1. */
static int
random_event(const struct prog *pg, int talk_only)
{
	int tries;

	for (tries = 0; tries < 50; tries++) {
		int i = rn(pg->n);

		if ((!talk_only || pg->ev[i].talk) && !pg->ev[i].dup)
			return i;
	}
	return -1;
}

/*
 * The venue on some seeds, drawn after everything else so that the rest
 * of an instance does not change: open-space boards and expo hours on
 * random days (slots of 20 to 60 minutes), open-spaces-per-day 0..3,
 * min-expo-minutes up to three segments, and sometimes a hosted open
 * space, on a board slot or (seldom, a designed clash) off it.
 */
static void
venue_oracle(FILE *fp, const struct prog *pg, const struct opts *o)
{
	static const int slots[] = { 20, 30, 45, 60 };
	char a[16], b[16], date[48];
	int i, n, from, len, bslot = 60, eslot = 30, board = chance(40),
	    expo = chance(40), hfrom = -1, hday = 0;

	if (!board && !expo)
		return;
	bslot = PICK(slots);
	eslot = PICK(slots);
	fputs("\n[plan]\n", fp);
	if (board)
		fprintf(fp, "open-spaces-per-day = %d\n",
		    chance(50) ? 1 : rr(0, 3));
	if (expo)
		fprintf(fp, "min-expo-minutes = %d\n", rr(0, 3 * eslot));
	if (board) {
		fprintf(fp, "\n[open-spaces]\nslot-minutes = %d\n", bslot);
		n = rr(1, 3);
		for (i = 0; i < n; i++) {
			int day = rn(o->days);

			from = 5 * rr(8 * 12, 17 * 12);
			len = bslot * rr(1, 6);
			date_of(pg, day, date, sizeof(date));
			hhmm(a, sizeof(a), from);
			hhmm(b, sizeof(b), from + len > 1440 ? 1440 : from + len);
			if (from + bslot > 1440)
				continue;
			fprintf(fp, "hours = %s %s-%s\n", date, a, b);
			hfrom = from + bslot * rn(len / bslot);
			hday = day;
		}
	}
	if (expo) {
		fprintf(fp, "\n[expo]\nslot-minutes = %d\n", eslot);
		n = rr(1, 3);
		for (i = 0; i < n; i++) {
			int day = rn(o->days);

			from = 5 * rr(8 * 12, 17 * 12);
			len = 5 * rr(6, 72);
			if (from + len > 1440)
				len = 1440 - from;
			date_of(pg, day, date, sizeof(date));
			hhmm(a, sizeof(a), from);
			hhmm(b, sizeof(b), from + len);
			fprintf(fp, "hours = %s %s-%s\n", date, a, b);
		}
	}
	if (board && hfrom >= 0 && chance(30)) {
		if (chance(20))
			hfrom = 5 * rr(0, 287); /* most likely a closed board */
		date_of(pg, hday, date, sizeof(date));
		hhmm(a, sizeof(a), hfrom);
		fprintf(fp, "\n[host]\nMy open space = %s %s\n", date, a);
	}
	if (board && hfrom >= 0 && chance(30)) { /* any slot of the day */
		date_of(pg, hday, date, sizeof(date));
		fprintf(fp, "\n[host]\nAny slot = %s\n", date);
	}
}

static void
profile_oracle(FILE *fp, const struct prog *pg, const struct opts *o)
{
	char a[16], b[16], w[32], date[48];
	int i, n, ds, de, scenario = rn(20), tz_set = chance(25);
	int must[8], nmust = 0, keep[MAX_DAYS];

	for (i = 0; i < MAX_DAYS; i++)
		keep[i] = 1;
	fprintf(fp, "; pyplan oracle instance, seed %llu\n[plan]\n",
	    (unsigned long long)o->seed);
	if (o->variant == V_LARGE) {
		fprintf(fp, "max-talks-per-day = %d\n", rr(6, 16));
		fprintf(fp, "max-talk-minutes-per-day = %d\n",
		    5 * rr(48, 144));
		fprintf(fp, "max-consecutive-talks = %d\n", rr(3, 8));
	} else {
		if (chance(80))
			fprintf(fp, "max-talks-per-day = %d\n", rr(1, 6));
		else
			fprintf(fp, "max-talks-per-day = none\n");
		if (chance(60))
			fprintf(fp, "max-talk-minutes-per-day = %d\n",
			    5 * rr(6, 60));
		else
			fprintf(fp, "max-talk-minutes-per-day = none\n");
		if (chance(60))
			fprintf(fp, "max-consecutive-talks = %d\n",
			    rr(1, 4));
		else
			fprintf(fp, "max-consecutive-talks = none\n");
	}
	fprintf(fp, "min-networking-minutes = %d\n",
	    chance(30) ? 0 : 10 * rr(1, 12));
	fprintf(fp, "min-networking-block = %d\n", 5 * rr(0, 8));
	fprintf(fp, "room-change-minutes = %d\n", rr(0, 15));
	ds = chance(20) ? 0 : 30 * rr(14, 20);
	de = chance(20) ? 1440 : 30 * rr(32, 44);
	hhmm(a, sizeof(a), ds);
	hhmm(b, sizeof(b), de);
	fprintf(fp, "day-start = %s\nday-end = %s\n", a, b);
	if (chance(25))
		fprintf(fp, "lunch = none\n");
	else {
		int lf = 15 * rr(40, 52), lt = lf + 15 * rr(2, 12);
		int lm = 5 * rr(2, (lt - lf) / 5);

		hhmm(a, sizeof(a), lf);
		hhmm(b, sizeof(b), lt);
		fprintf(fp, "lunch = %s-%s/%d\n", a, b, lm);
	}
	if (o->variant == V_FLAT) {
		/* Every talk worth the same: ties everywhere. */
		fmt_weight(w, sizeof(w), rr(0, 12));
		fprintf(fp, "recorded-weight = 1\ntalk-base = 1\n"
		            "networking-weight = %s\ncriteria-bonus = 0\n",
		    w);
		goto refs;
	}
	fprintf(fp, "recorded-weight = %d.%02d\n", 0, 5 * rr(0, 19));
	fmt_weight(w, sizeof(w), rr(-4, 12));
	fprintf(fp, "talk-base = %s\n", w);
	fmt_weight(w, sizeof(w), rr(0, 12));
	fprintf(fp, "networking-weight = %s\n", w);
	if (chance(50)) {
		fprintf(fp, "level = %s\n", PICK(profile_levels));
		fmt_weight(w, sizeof(w), rr(-4, 8));
		fprintf(fp, "level-bonus = %s\n", w);
	}
	fmt_weight(w, sizeof(w), rr(-8, 20));
	fprintf(fp, "criteria-bonus = %s\n", w);
	if (tz_set)
		fprintf(fp, "timezone = %s\n", PICK(zones));
	else if (chance(20)) {
		/* A subset of the days that have events. */
		int first = 1;

		fputs("days = ", fp);
		for (i = 0; i < o->days; i++) {
			keep[i] = pg->day_used[i] && !chance(40);
			if (!keep[i])
				continue;
			date_of(pg, i, date, sizeof(date));
			fprintf(fp, "%s%s", first ? "" : ",", date);
			first = 0;
		}
		if (first) {
			fputs("all", fp);
			for (i = 0; i < MAX_DAYS; i++)
				keep[i] = 1;
		}
		fputc('\n', fp);
	}

	fputs("\n[interests]\n", fp);
	n = rr(0, 5);
	for (i = 0; i < n; i++) {
		fmt_weight(w, sizeof(w), rr(-8, 20));
		fprintf(fp, "%s = %s\n", PICK(topics), w);
	}
	fputs("\n[speakers]\n", fp);
	n = rr(0, 2);
	for (i = 0; i < n; i++) {
		fmt_weight(w, sizeof(w), rr(-4, 12));
		fprintf(fp, "%s = %s\n", PICK(names), w);
	}
	if (chance(60)) {
		fputs("\n[criteria]\n", fp);
		if (chance(60))
			fprintf(fp, "job = %s, %s\n", PICK(topics),
			    PICK(topics));
		if (chance(50))
			fprintf(fp, "depth = %s\n", PICK(topics));
		if (chance(50))
			fprintf(fp, "new = %s\n", PICK(topics));
		if (chance(40))
			fprintf(fp, "speaker = %s\n", PICK(names));
	}

refs:
	/* Must-see: mostly a few random events; on some seeds a designed
	 * clash (scenario 0: two overlapping must-see events; 1: a must-see
	 * also skipped; 2: a must-see inside a busy block). */
	n = chance(45) ? 0 : rr(1, 3);
	for (i = 0; i < n && pg->n > 0; i++) {
		int e = random_event(pg, chance(80));

		/* Inside the planning window, unless the zone differs (then
		 * seldom a must-see at all). */
		if (e >= 0 && (tz_set ? chance(20) : keep[pg->ev[e].day] &&
		    pg->ev[e].start >= ds && pg->ev[e].end <= de))
			must[nmust++] = e;
	}
	if (scenario == 0 && pg->n > 1) {
		int x = random_event(pg, 0), y;

		for (y = 0; y < pg->n && x >= 0; y++)
			if (y != x && !pg->ev[y].dup &&
			    pg->ev[y].day == pg->ev[x].day &&
			    pg->ev[y].start < pg->ev[x].end &&
			    pg->ev[x].start < pg->ev[y].end)
				break;
		if (x >= 0 && y < pg->n && nmust + 2 <= 8) {
			must[nmust++] = x;
			must[nmust++] = y;
		}
	}
	for (i = 0; (scenario == 1 || scenario == 2) && nmust == 0 &&
	    !tz_set && i < pg->n; i++)
		if (keep[pg->ev[i].day] && !pg->ev[i].dup &&
		    pg->ev[i].start >= ds &&
		    pg->ev[i].end <= de)
			must[nmust++] = i;
	fputs("\n[must]\n", fp);
	for (i = 0; i < nmust; i++) {
		int j;

		for (j = 0; j < i && must[j] != must[i]; j++)
			;
		if (j == i)
			fprintf(fp, "id = E%d\n", must[i]);
	}
	fputs("\n[skip]\n", fp);
	n = chance(60) ? 0 : rr(1, 2);
	for (i = 0; i < n && pg->n > 0; i++) {
		int e = random_event(pg, 0), j;

		for (j = 0; j < nmust && must[j] != e; j++)
			;
		if (e >= 0 && j == nmust) /* never a must-see by chance */
			fprintf(fp, "id = E%d\n", e);
	}
	if (scenario == 1 && nmust > 0)
		fprintf(fp, "id = E%d\n", must[0]);
	fputs("\n[busy]\n", fp);
	n = chance(60) ? 0 : rr(1, 2);
	for (i = 0; i < n; i++) {
		int s = 5 * rr(8 * 12, 18 * 12), e = s + 5 * rr(3, 24);
		int day = rn(o->days), j;

		/* Random blocks keep clear of the must-see events (scenario 2
		 * makes that clash on purpose). */
		for (j = 0; j < nmust; j++)
			if (pg->ev[must[j]].day == day &&
			    pg->ev[must[j]].start < e && s < pg->ev[must[j]].end)
				break;
		if (j < nmust)
			continue;
		date_of(pg, day, date, sizeof(date));
		hhmm(a, sizeof(a), s);
		hhmm(b, sizeof(b), e);
		/* The second block is booth duty, networking time. */
		fprintf(fp, "block %d%s = %s %s-%s\n", i,
		    i == 1 ? " (networking)" : "", date, a, b);
	}
	if (scenario == 2 && nmust > 0 && !tz_set) {
		const struct ev *e = &pg->ev[must[0]];

		date_of(pg, e->day, date, sizeof(date));
		hhmm(a, sizeof(a), e->start);
		hhmm(b, sizeof(b), e->start + 5);
		fprintf(fp, "meeting = %s %s-%s\n", date, a, b);
	}
	/* Plenaries, languages and tickets (drawn last, so the draws
	 * above stay as they were). */
	fputs("\n[plan]\n", fp);
	if (chance(50)) {
		fmt_weight(w, sizeof(w), rr(0, 12));
		fprintf(fp, "plenary-weight = %s\n", w);
	}
	if (chance(30))
		fprintf(fp, "languages = %s\n", chance(50) ? "en" : "de, es");
	if (chance(10))
		fprintf(fp, "ticket-kinds = %s\n",
		    chance(50) ? "none" : "tutorial, workshop");
	fputs("\n[tickets]\n", fp);
	if (chance(25))
		fprintf(fp, "kind = %s\n", chance(50) ? "tutorial" : "workshop");
	venue_oracle(fp, pg, o);
}

static void
profile_bench(FILE *fp, const struct prog *pg, const struct opts *o)
{
	char date[48];
	int i, nmust = 0;

	fprintf(fp, "; pyplan benchmark profile, seed %llu\n"
		    "[plan]\n"
		    "max-talks-per-day = 5\n"
		    "max-talk-minutes-per-day = 210\n"
		    "max-consecutive-talks = 2\n"
		    "min-networking-minutes = 90\n"
		    "min-networking-block = 20\n"
		    "room-change-minutes = 5\n"
		    "day-start = 08:00\n"
		    "day-end = 18:00\n"
		    "lunch = 11:30-14:00/30\n"
		    "recorded-weight = 0.5\n"
		    "talk-base = 1\n"
		    "networking-weight = 0.5\n"
		    "level = intermediate\n"
		    "level-bonus = 1\n"
		    "criteria-bonus = 3\n"
		    "timezone = America/New_York\n"
		    "\n[interests]\n"
		    "testing = 3\npackaging = 3\nasync = 2\ndjango = 2\n"
		    "security = 2\nperformance = 2\npython 3 = 1\n"
		    "machine learning = 1\n"
		    "\n[speakers]\nHillel Wayne = 2\nRaymond Hettinger = 2\n"
		    "\n[criteria]\njob = testing, packaging\n"
		    "depth = async, performance\n"
		    "new = machine learning, security\n"
		    "speaker = Raymond Hettinger, David Beazley\n"
		    "\n[must]\n",
	    (unsigned long long)o->seed);
	/* One must-see talk on each of the first two days, mid-morning. */
	for (i = 0; i < pg->n && nmust < 2 && nmust < o->days; i++) {
		const struct ev *e = &pg->ev[i];

		if (e->talk && e->day == nmust && e->start >= 9 * 60 + 30 &&
		    e->end <= 11 * 60 + 30 && e->end - e->start <= 60) {
			/* By title, which survives a conversion to .ics
			 * (ids become UIDs there); talk titles are unique. */
			fprintf(fp, "title = %s\n", e->title);
			nmust++;
		}
	}
	fputs("\n[busy]\n", fp);
	if (o->days > 2) {
		date_of(pg, 2, date, sizeof(date));
		fprintf(fp, "booth duty = %s 14:00-15:00\n", date);
	}
}

static void
usage(void)
{
	fputs("usage: gen [-b] [-m large|flat] [-s seed] [-d days] [-r rooms] "
	      "[-n events] [-o programme.csv] [-p profile.ini]\n", stderr);
	exit(64);
}

static long
num(const char *s, long lo, long hi)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		usage();
	return v;
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct prog pg;
	FILE *fp;
	int i;

	memset(&o, 0, sizeof(o));
	o.seed = 1;
	o.days = 2;
	o.rooms = 3;
	o.events = 30;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-b") == 0) {
			o.bench = 1;
			continue;
		}
		if (strcmp(a, "-m") == 0 && i + 1 < argc) {
			a = argv[++i];
			if (strcmp(a, "large") == 0)
				o.variant = V_LARGE;
			else if (strcmp(a, "flat") == 0)
				o.variant = V_FLAT;
			else
				usage();
			continue;
		}
		if (i + 1 >= argc || a[0] != '-' || a[1] == '\0' ||
		    a[2] != '\0')
			usage();
		switch (a[1]) {
		case 's':
			o.seed = (uint64_t)num(argv[++i], 0, 0x7fffffffL);
			break;
		case 'd':
			o.days = (int)num(argv[++i], 1, MAX_DAYS);
			break;
		case 'r':
			o.rooms = (int)num(argv[++i], 1, MAX_ROOMS);
			break;
		case 'n':
			o.events = (int)num(argv[++i], 1, 10000000);
			break;
		case 'o':
			o.csv = argv[++i];
			break;
		case 'p':
			o.ini = argv[++i];
			break;
		default:
			usage();
		}
	}
	rng_state = o.seed * 0x2545f4914f6cdd1dULL + 12345;
	memset(&pg, 0, sizeof(pg));
	pg.tz = o.bench ? "America/New_York" : PICK(zones);
	pg.y = 2019 + rn(6);
	pg.mo = 6;
	pg.d = rr(1, 8);
	fp = o.csv != NULL ? fopen(o.csv, "w") : stdout;
	if (fp == NULL) {
		perror(o.csv);
		return 73;
	}
	with_langs = !o.bench;
	if (o.bench)
		gen_bench(fp, &pg, &o);
	else
		gen_oracle(fp, &pg, &o);
	if (fp != stdout ? fclose(fp) != 0 : fflush(fp) != 0) {
		perror(o.csv != NULL ? o.csv : "stdout");
		return 74;
	}
	if (o.ini != NULL) {
		if ((fp = fopen(o.ini, "w")) == NULL) {
			perror(o.ini);
			return 73;
		}
		if (o.bench)
			profile_bench(fp, &pg, &o);
		else
			profile_oracle(fp, &pg, &o);
		if (fclose(fp) != 0) {
			perror(o.ini);
			return 74;
		}
	}
	free(pg.ev);
	return 0;
}
