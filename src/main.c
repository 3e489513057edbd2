/* SPDX-License-Identifier: ISC */
#include "pyplan/cli.h"
#include "pyplan/heap.h"

int
main(int argc, char **argv)
{
	pp_heap_tune();
	return pp_cli_main(argc, argv);
}
