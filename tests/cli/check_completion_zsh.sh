#!/bin/sh
# SPDX-License-Identifier: ISC
# The zsh completion names every option of every command (as 'pyplan help
# COMMAND' lists them) and, where zsh is installed, parses.
#
# usage: sh tests/cli/check_completion_zsh.sh PYPLAN _pyplan
pyplan=$1 script=$2
fail=0
for cmd in build list check explain convert; do
	# The options of the command's _arguments block.
	sed -n "/^	$cmd)\$/,/;;\$/p" "$script" >"$script.$cmd"
	n=0
	for opt in $("$pyplan" help "$cmd" |
	    sed -n 's/^ *\(-[a-z], \)\{0,1\}--\([a-z-]*\).*/\2/p'); do
		n=$((n + 1))
		grep -q -- "--$opt[]=[}]" "$script.$cmd" ||
		    { echo "$cmd: --$opt missing"; fail=1; }
	done
	echo "$cmd: $n options in the zsh completion"
	rm -f "$script.$cmd"
done
if command -v zsh >/dev/null 2>&1 && ! zsh -n "$script"; then
	echo "zsh: the script does not parse"
	fail=1
fi
exit $fail
