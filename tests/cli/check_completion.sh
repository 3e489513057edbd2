#!/bin/bash
# SPDX-License-Identifier: ISC
# The bash completion lists every option 'pyplan help COMMAND' lists, and
# no other: both come from the same table, and this checks that they do.
# Also: argument words for -f and --kind, and the commands.
#
# usage: bash tests/cli/check_completion.sh PYPLAN COMPLETION.bash
pyplan=$1
# shellcheck disable=SC1090
. "$2" || exit 1

# complete WORD...: COMPREPLY for the command line "WORD... <TAB>", sorted
complete_words() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_pyplan
	printf '%s\n' "${COMPREPLY[@]}" | sort
}

fail=0
for cmd in build list check explain convert; do
	"$pyplan" help "$cmd" |
	    sed -n 's/^ *\(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/\1\2/p' |
	    tr -s ', ' '\n' | grep . | sort >/tmp/want.$$
	complete_words pyplan "$cmd" - >/tmp/got.$$
	if cmp -s /tmp/want.$$ /tmp/got.$$; then
		echo "$cmd: $(wc -l </tmp/want.$$) options, all completed"
	else
		echo "$cmd: completion differs from help:"
		diff /tmp/want.$$ /tmp/got.$$
		fail=1
	fi
done
rm -f /tmp/want.$$ /tmp/got.$$
echo "pyplan <TAB>: $(complete_words pyplan '' | tr '\n' ' ')"
echo "build -f <TAB>: $(complete_words pyplan build -f '' | tr '\n' ' ')"
echo "build --format=j<TAB>: $(complete_words pyplan build --format = j | tr '\n' ' ')"
echo "list --kind o<TAB>: $(complete_words pyplan list --kind o | tr '\n' ' ')"
echo "list --day sa<TAB>: $(complete_words pyplan list --day sa | tr '\n' ' ')"
echo "help <TAB>: $(complete_words pyplan help '' | tr '\n' ' ')"
echo "build --interest <TAB>: $(complete_words pyplan build --interest '' | grep -c .) words"
exit $fail
