/* SPDX-License-Identifier: ISC */
/*
 * The venue description: open-space boards and expo hall hours (venue.h).
 * The INI reader (profile.c) fills it; the model (model.c) plans it.
 */
#include <stdlib.h>
#include <string.h>

#include "pyplan/venue.h"
#include "pyplan/xalloc.h"

void
pp_venue_init(struct pp_venue *v)
{
	memset(v, 0, sizeof(*v));
	v->board_slot = PP_VENUE_BOARD_SLOT;
	v->expo_slot = PP_VENUE_EXPO_SLOT;
}

void
pp_venue_fini(struct pp_venue *v)
{
	size_t i;

	free(v->board);
	free(v->expo);
	for (i = 0; i < v->nboard_rooms; i++)
		free(v->board_rooms[i]);
	free(v->board_rooms);
	memset(v, 0, sizeof(*v));
}

struct pp_venue_hours *
pp_venue_hours_add(struct pp_venue_hours **v, size_t *n)
{
	*v = pp_xreallocarray(*v, *n + 1, sizeof(**v));
	memset(&(*v)[*n], 0, sizeof(**v));
	return &(*v)[(*n)++];
}
