/* SPDX-License-Identifier: ISC */
#include "pyplan/cli.h"

int
main(int argc, char **argv)
{
	return pp_cli_main(argc, argv);
}
