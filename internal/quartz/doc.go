// Package quartz implements Quartz 2.3.2 cron expressions
// (org.quartz.CronExpression) in pure Go.
//
// The package reproduces Quartz's behaviour exactly, quirks included: it
// accepts and rejects the same strings, and [Expression.Next] computes the
// same fire times as CronExpression.getNextValidTimeAfter evaluated in the UTC
// time zone ([Expression.NextIn] in any other, daylight saving time included).
// A differential test (differential_test.go) checks this against the real
// Quartz library, in UTC and in zones with daylight saving time.
//
// [Expression.Ignored] lists the parts of an expression that Quartz reads but
// ignores, and [Expression.CheckFires] says why Quartz would refuse to
// schedule an expression it parses: one that never fires again, or one its
// CronExpression throws on while computing fire times.
//
// A Quartz cron expression has six or seven fields separated by spaces or
// tabs:
//
//	seconds minutes hours day-of-month month day-of-week [year]
//
// Months may be written 1-12 or JAN-DEC and days of the week 1-7 (1 is Sunday)
// or SUN-SAT, in any letter case. Fields accept single values, ranges (a-b,
// wrapping past the end of the field's cycle when b < a), increments (a/n, */n,
// /n, a-b/n) and comma-separated lists. Exactly one of day-of-month and
// day-of-week must be '?'. Day-of-month also accepts L (last day), L-n (n days
// before the last day), LW (last weekday) and nW (the weekday nearest to day
// n); day-of-week accepts dL (last day d of the month) and d#n (the n-th day d
// of the month).
//
// Some Quartz behaviours worth knowing, all reproduced on purpose:
//
//   - Characters after a complete value are ignored: "5X" means 5 and
//     "MONDAY" means MON. Fields after the seventh are ignored.
//   - The literal value 99 means '*' in every field, and 98 means '?' in the
//     day fields, because Quartz uses those numbers as internal markers.
//   - '*' years run from 1970 to the current year plus 100, and no fire time
//     is produced after that year.
//   - In day-of-week, a bare L means Saturday (7), not "last"; in the
//     seconds, minutes, hours, month and year fields L is ignored.
//   - A W or # anywhere in a list switches the whole field into that mode,
//     and only the field's smallest value is used.
//   - Some accepted expressions never fire, and for a few Quartz's search
//     never ends (for example "0 0 0 L-30W FEB ?"); Next reports false for
//     both.
//
// Quartz evaluates schedules with java.util.GregorianCalendar in lenient mode;
// the package emulates that calendar (see calendar.go and zone.go), so
// out-of-range intermediate values roll over, and wall-clock times in a
// daylight saving gap or overlap resolve, exactly as they do in Java. Inputs are
// expected to be valid UTF-8 (invalid bytes are read as U+FFFD), and fire
// times are specified for instants from 1970 onwards.
package quartz
