# SPDX-License-Identifier: ISC
#
# Sourced by khal_import.sh and khal_reimport.sh (with $tmp set to an empty
# temporary directory): a throw-away khal calendar "pyplan" in $tmp, its
# config in $tmp/config, times shown in UTC; $HOME and the XDG directories
# point at the sandbox, so the user's own khal setup is never touched.
mkdir -p "$tmp/cal" "$tmp/data"
cat >"$tmp/config" <<EOF
[calendars]
[[pyplan]]
path = $tmp/cal
type = calendar

[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M

[sqlite]
path = $tmp/data/khal.db
EOF

# khal reads $XDG_* and $HOME; point them all at the sandbox.
export HOME="$tmp" XDG_CONFIG_HOME="$tmp" XDG_DATA_HOME="$tmp/data"
export TZ=UTC LC_ALL=C.UTF-8
