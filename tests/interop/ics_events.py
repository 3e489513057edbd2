#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Reads an iCalendar file with python3-icalendar, independently of pyplan.

    ics_events.py FILE            one line per VEVENT, sorted:
                                  START<TAB>END<TAB>SUMMARY<TAB>LOCATION
                                  (instants as UTC YYYYMMDDTHHMMSSZ, dates as
                                  YYYYMMDD, END "-" when there is none)
    ics_events.py --counts FILE   how many VEVENTs of each sort (the counts
                                  the unit tests of pp_load_ics assert)
    ics_events.py --check FILE    checks an exported file: the RFC 5545
                                  points pyplan promises (see check()); prints
                                  each problem and exits 1 if there is one

Run with /usr/bin/python3 (Debian's python3-icalendar).
"""
import datetime
import sys

import icalendar

UTC = datetime.timezone.utc


def when(v):
    """(kind, value): ('date', date) or ('utc', aware datetime) or
    ('floating', naive datetime)."""
    dt = v.dt
    if not isinstance(dt, datetime.datetime):
        return 'date', dt
    if dt.tzinfo is None:
        return 'floating', dt
    return 'utc', dt.astimezone(UTC)


def fmt(w):
    kind, v = w
    if kind == 'date':
        return v.strftime('%Y%m%d')
    if kind == 'floating':
        return v.strftime('%Y%m%dT%H%M%S')
    return v.strftime('%Y%m%dT%H%M%SZ')


def end_of(e):
    if 'DTEND' in e:
        return when(e['DTEND'])
    if 'DURATION' in e:
        kind, v = when(e['DTSTART'])
        return kind, v + e['DURATION'].dt
    return None


def events(cal):
    return list(cal.walk('VEVENT'))


def counts(cal):
    n = {'vevents': 0, 'timed': 0, 'no_end': 0, 'zero_length': 0,
         'all_day': 0, 'cancelled': 0, 'recurring': 0, 'schedulable': 0}
    for e in events(cal):
        n['vevents'] += 1
        if str(e.get('STATUS', '')).upper() == 'CANCELLED':
            n['cancelled'] += 1
            continue
        start = when(e['DTSTART'])
        if start[0] == 'date':
            n['all_day'] += 1
            continue
        n['timed'] += 1
        if 'RRULE' in e or 'RDATE' in e:
            n['recurring'] += 1
        end = end_of(e)
        if end is None:
            n['no_end'] += 1
        elif end[1] == start[1]:
            n['zero_length'] += 1
        elif 'RRULE' not in e and 'RDATE' not in e:
            n['schedulable'] += 1
    return n


def check(raw, cal):
    """The promises of pp_write_ics / pp_write_timetable_ics."""
    bad = []
    text = raw.decode('utf-8')
    if not text.endswith('\r\n'):
        bad.append('file does not end with CRLF')
    for i, line in enumerate(text.split('\r\n')[:-1], 1):
        if '\n' in line or '\r' in line:
            bad.append('line %d: bare LF or CR' % i)
        if len(line.encode('utf-8')) > 75:
            bad.append('line %d: longer than 75 octets' % i)
    for k in ('VERSION', 'PRODID'):
        if k not in cal:
            bad.append('no %s' % k)
    if str(cal.get('VERSION', '')) != '2.0':
        bad.append('VERSION is not 2.0')
    zones = {str(z['TZID']) for z in cal.walk('VTIMEZONE')}
    for z in zones:
        if z.startswith('/') or 'freeassociation' in z:
            bad.append('TZID %s is not a plain IANA name' % z)
    uids = set()
    for e in events(cal):
        uid = str(e.get('UID', ''))
        if not uid:
            bad.append('VEVENT without UID')
        elif uid in uids:
            bad.append('duplicate UID %s' % uid)
        uids.add(uid)
        stamp = e.get('DTSTAMP')
        if stamp is None or when(stamp)[0] != 'utc':
            bad.append('%s: DTSTAMP missing or not UTC' % uid)
        for k in ('DTSTART', 'DTEND'):
            if k not in e:
                bad.append('%s: no %s' % (uid, k))
                continue
            tzid = e[k].params.get('TZID')
            if tzid is not None and str(tzid) not in zones:
                bad.append('%s: TZID %s has no VTIMEZONE' % (uid, tzid))
            if when(e[k])[0] == 'floating':
                bad.append('%s: floating %s' % (uid, k))
        if 'DTSTART' in e and 'DTEND' in e and \
                when(e['DTEND'])[1] <= when(e['DTSTART'])[1]:
            bad.append('%s: DTEND not after DTSTART' % uid)
        for a in e.walk('VALARM'):
            if str(a.get('ACTION', '')) != 'DISPLAY' or 'TRIGGER' not in a \
                    or 'DESCRIPTION' not in a:
                bad.append('%s: incomplete VALARM' % uid)
    return bad


def main(argv):
    mode = None
    if len(argv) == 3 and argv[1] in ('--counts', '--check'):
        mode, path = argv[1], argv[2]
    elif len(argv) == 2:
        path = argv[1]
    else:
        sys.stderr.write(__doc__)
        return 64
    with open(path, 'rb') as f:
        raw = f.read()
    cal = icalendar.Calendar.from_ical(raw)
    if mode == '--counts':
        for k, v in counts(cal).items():
            print('%s\t%d' % (k, v))
        return 0
    if mode == '--check':
        bad = check(raw, cal)
        for b in bad:
            print('%s: %s' % (path, b), file=sys.stderr)
        return 1 if bad else 0
    rows = []
    for e in events(cal):
        end = end_of(e)
        rows.append('%s\t%s\t%s\t%s' % (
            fmt(when(e['DTSTART'])), fmt(end) if end else '-',
            str(e.get('SUMMARY', '')).replace('\t', ' ').replace('\n', ' '),
            str(e.get('LOCATION', '')).replace('\t', ' ').replace('\n', ' ')))
    for r in sorted(rows):
        print(r)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
