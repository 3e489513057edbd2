/* SPDX-License-Identifier: ISC */
/*
 * Calendar updates: the previous plan calendar (`build --previous
 * OLD.ics`) that a new one replaces in the attendee's calendar.  It says,
 * per item pyplan wrote, the UID, SEQUENCE, item id and a fingerprint of
 * what a calendar shows, so that the iCalendar writer can keep UIDs,
 * raise SEQUENCE on changed items and cancel the items that were
 * dropped (write_ics.h).
 */
#ifndef PYPLAN_ICS_UPDATE_H
#define PYPLAN_ICS_UPDATE_H

#include <stddef.h>
#include <stdint.h>

#include <libical/ical.h>

#include "pyplan/diag.h"
#include "pyplan/load_plan.h"

/* One VEVENT of the previous calendar; strings owned, never NULL. */
struct pp_prev_item {
	char *uid;
	char *item_id; /* X-PYPLAN-ID, "" when the file has none */
	char *summary, *location;
	int64_t start, end; /* UTC seconds */
	int sequence;
	int cancelled;        /* STATUS:CANCELLED */
	uint64_t fingerprint; /* pp_ics_fingerprint */
	int no_fingerprint;   /* read from a plan file: its times, title and
	                         room tell whether it changed */
};

struct pp_prev_cal {
	const char *path; /* borrowed */
	struct pp_prev_item *v;
	size_t n, cap;
	size_t foreign; /* VEVENTs left alone: their UID is not pyplan's */
};

/*
 * Reads the calendar at path into pc (freed with pp_prev_cal_fini, also
 * after a failure).  Only VEVENTs whose UID ends in "@pyplan" are kept:
 * passing one's whole calendar by mistake never cancels anything else.
 * Times with a TZID are read in that IANA zone, floating ones as UTC.
 * Returns 0, or -1 with an error in ds (*io_error = 1 when the file
 * cannot be read; otherwise it is not iCalendar, or a kept VEVENT lacks
 * a UID, DTSTART or DTEND).  path is borrowed and must outlive pc and ds.
 */
int pp_prev_cal_load(struct pp_prev_cal *pc, const char *path,
    struct pp_diags *ds, int *io_error);
/* Same, from a NUL-terminated buffer named name. */
int pp_prev_cal_parse(struct pp_prev_cal *pc, const char *name,
    const char *text, struct pp_diags *ds);
/*
 * Fills pc from an old plan file instead (`build --from PLAN`): one item
 * per row with times, its UID the row's uid, else the one pyplan gave the
 * item (pp_ics_uid_hash of the row), its SEQUENCE the row's, without a
 * fingerprint.  pf is borrowed and must outlive pc.
 */
void
pp_prev_cal_from_plan(struct pp_prev_cal *pc, const struct pp_plan_file *pf);

/* Releases pc; pc may be loaded again. */
void pp_prev_cal_fini(struct pp_prev_cal *pc);

/*
 * A 64-bit fingerprint of what a calendar shows of the VEVENT ev: its
 * DTSTART, DTEND, SUMMARY, LOCATION, DESCRIPTION, URL and STATUS (values
 * and TZID), not its UID, DTSTAMP, SEQUENCE or alarms.  Equal
 * fingerprints mean the event need not be updated.
 */
uint64_t pp_ics_fingerprint(icalcomponent *ev);

#endif
