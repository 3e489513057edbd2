/* SPDX-License-Identifier: ISC */
/*
 * Strings every plan writer shows for an item (time range, speakers,
 * reason, link, score).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/tz.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"

void
pp_sbuf_add(struct pp_sbuf *b, const char *s, size_t n)
{
	b->s = pp_xgrowarray(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
pp_sbuf_adds(struct pp_sbuf *b, const char *s)
{
	pp_sbuf_add(b, s, strlen(s));
}

void
pp_item_time_range(const struct pp_item *it, const char *zone, char *buf)
{
	char a[6], b[6];

	pp_tz_format_hhmm(zone, it->start, a);
	pp_tz_format_hhmm(zone, it->end, b);
	/* An item that runs to midnight ends at 24:00 (ISO 8601), not at
	 * 00:00: a whole-day busy block reads 00:00-24:00. */
	if (strcmp(b, "00:00") == 0 && it->end > it->start)
		memcpy(b, "24:00", 6);
	memcpy(buf, a, 5);
	memcpy(buf + 5, "\xe2\x80\x93", 3); /* U+2013 EN DASH */
	memcpy(buf + 8, b, 5);
	buf[13] = '\0';
}

char *
pp_event_speakers(const struct pp_event *ev, const char *sep)
{
	size_t i, len = 0, seplen = strlen(sep);
	char *s, *p;

	if (ev == NULL || ev->nspeakers == 0)
		return pp_xstrdup("");
	for (i = 0; i < ev->nspeakers; i++)
		len += strlen(ev->speakers[i]) + (i > 0 ? seplen : 0);
	p = s = pp_xmalloc(len + 1);
	for (i = 0; i < ev->nspeakers; i++) {
		size_t n = strlen(ev->speakers[i]);

		if (i > 0) {
			memcpy(p, sep, seplen);
			p += seplen;
		}
		memcpy(p, ev->speakers[i], n);
		p += n;
	}
	*p = '\0';
	return s;
}

const char *
pp_item_class_name(const struct pp_item *it)
{
	return it->cls == PP_CLASS_NETWORKING ? "networking"
	    : it->cls == PP_CLASS_TALK        ? "talk"
	                                      : "info";
}

static char *
item_reason(const struct pp_item *it)
{
	const char *why = it->reason != NULL ? it->reason : "";
	const char *label = NULL;

	if (it->src == PP_ITEM_ATTENDED)
		label = "attended";
	else if (it->must && it->src != PP_ITEM_BUSY)
		label = "must-see";
	else if (it->src == PP_ITEM_HALLWAY)
		label = "hallway track";
	else if (it->src == PP_ITEM_LUNCH)
		label = "lunch";
	else if (it->src == PP_ITEM_BOOTH)
		label = "booth";
	/* The model may already have written the label into the reason. */
	if (label != NULL && strstr(why, label) != NULL)
		label = NULL;
	if (label != NULL && *why != '\0')
		return pp_xasprintf("%s; %s", label, why);
	if (label != NULL)
		return pp_xstrdup(label);
	if (*why != '\0')
		return pp_xstrdup(why);
	return pp_xstrdup(it->cls == PP_CLASS_NETWORKING ? "networking" : "");
}

char *
pp_item_reason(const struct pp_item *it)
{
	char *why = item_reason(it), *r;
	char names[64] = "";
	size_t len = 0;
	int c;

	for (c = 0; c < PP_CRIT__COUNT; c++)
		if (it->crit & (1u << c))
			len += (size_t)snprintf(names + len,
			    sizeof(names) - len, "%s%s", len > 0 ? ", " : "",
			    pp_criterion_name((enum pp_criterion)c));
	if (len == 0)
		return why;
	r = pp_xasprintf("%s%scovers %s", why, *why != '\0' ? "; " : "", names);
	free(why);
	return r;
}

const char *
pp_event_link(const struct pp_event *ev)
{
	if (ev->video_url != NULL && *ev->video_url != '\0')
		return ev->video_url;
	if (ev->url != NULL)
		return ev->url;
	return "";
}

int64_t
pp_plan_event_score(const struct pp_plan *pl, const struct pp_event *ev)
{
	const struct pp_score *s = pp_model_event_score(pl->m, ev);

	return s != NULL ? s->value : 0;
}

const char *
pp_weekday_name(const char *date)
{
	static const char *const names[] = {"Sunday", "Monday", "Tuesday",
	    "Wednesday", "Thursday", "Friday", "Saturday"};
	struct pp_civil c;
	int64_t d;

	if (pp_parse_date(date, &c) != 0)
		return "";
	/* 1970-01-01 was a Thursday. */
	d = (pp_days_from_civil(c.year, c.month, c.day) + 4) % 7;
	if (d < 0)
		d += 7;
	return names[d];
}

const char *
pp_item_id(const struct pp_item *it, const char *tz, char buf[PP_ITEM_ID_MAX])
{
	struct pp_civil c;

	if (it->src == PP_ITEM_EVENT && it->ev != NULL)
		return it->ev->id;
	if (it->src == PP_ITEM_ATTENDED && it->was_id != NULL &&
	    *it->was_id != '\0')
		return it->was_id;
	if (pp_tz_to_civil(tz != NULL && *tz != '\0' ? tz : "UTC", it->start,
	        &c) != 0)
		pp_tz_to_civil("UTC", it->start, &c);
	snprintf(buf, PP_ITEM_ID_MAX, "%s-%04u-%02u-%02u-%02u%02u",
	    it->src == PP_ITEM_BOARD ? "open-space" : pp_item_src_name(it->src),
	    (unsigned)c.year % 10000u, (unsigned)c.month % 100u,
	    (unsigned)c.day % 100u, (unsigned)c.hour % 100u,
	    (unsigned)c.min % 100u);
	return buf;
}
