package quartz

import "time"

// outcome says how a search for the next fire time ended.
type outcome int

const (
	// fired: a fire time was found.
	fired outcome = iota
	// exhausted: Quartz returns null; the schedule never fires again.
	exhausted
	// failed: Quartz throws an exception (an empty field, for example
	// "L" in the seconds field, which Quartz accepts).
	failed
	// looping: Quartz never returns; its search cycles forever.
	looping
)

// lastSearchYear is where Quartz gives up searching.
const lastSearchYear = 2999

// maxSearchSteps bounds a search that neither finishes nor visibly repeats a
// state; legitimate searches take at most a few hundred thousand steps.
const maxSearchSteps = 2_000_000

// Next returns the first fire time strictly after the given instant,
// evaluated in UTC, as CronExpression.getNextValidTimeAfter does. Fire times
// are whole seconds. It reports false when the schedule never fires again
// (including the cases in which Quartz would throw an exception or search
// forever).
func (e *Expression) Next(after time.Time) (time.Time, bool) {
	return e.NextIn(after, time.UTC)
}

// NextIn is Next with the expression evaluated in the time zone loc, as
// Quartz does after CronExpression.setTimeZone, daylight saving behaviour
// included: a wall-clock time skipped when clocks go forward fires an hour
// later (or not at all, when the later hour is also selected), and one that
// occurs twice when clocks go back fires once. The result is in loc.
func (e *Expression) NextIn(after time.Time, loc *time.Location) (time.Time, bool) {
	times := e.NextNIn(after, 1, loc)
	if len(times) == 0 {
		return time.Time{}, false
	}
	return times[0], true
}

// NextN returns up to n successive fire times after the given instant, in
// UTC.
func (e *Expression) NextN(after time.Time, n int) []time.Time {
	return e.NextNIn(after, n, time.UTC)
}

// NextNIn is NextN evaluated in the time zone loc (see NextIn); the times
// are in loc.
func (e *Expression) NextNIn(after time.Time, n int, loc *time.Location) []time.Time {
	ms, ok := toMillis(after)
	if !ok || n <= 0 {
		return nil
	}
	if loc == nil {
		loc = time.UTC
	}
	z := newZone(loc)
	out := make([]time.Time, 0, min(n, 1024))
	for len(out) < n {
		t, res := e.timeAfterIn(ms, z)
		if res != fired {
			break
		}
		out = append(out, time.UnixMilli(t).In(loc))
		ms = t
	}
	return out
}

// toMillis converts t to Unix milliseconds (Java's Date), rejecting instants
// after Quartz's search horizon and clamping those before year 1.
func toMillis(t time.Time) (int64, bool) {
	if t.Year() > lastSearchYear+1 {
		return 0, false
	}
	if first := time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC); t.Before(first) {
		t = first.Add(-time.Second)
	}
	return t.UnixMilli(), true
}

// timeAfter is timeAfterIn for the UTC time zone.
func (e *Expression) timeAfter(afterMillis int64) (int64, outcome) {
	return e.timeAfterIn(afterMillis, nil)
}

// timeAfterIn is CronExpression.getTimeAfter for the time zone z (nil:
// UTC): it returns the first fire time, in Unix milliseconds, after
// afterMillis. It reproduces Quartz's search step by step, because its
// results (including its mistakes) depend on the exact sequence of calendar
// operations.
func (e *Expression) timeAfterIn(afterMillis int64, z *zone) (int64, outcome) {
	// Quartz moves one second ahead and drops the milliseconds, but keeps
	// the shifted instant, milliseconds included, for later comparisons.
	afterTime := afterMillis + 1000
	afterSec := floorDiv(afterTime, 1000)
	c := calendarAt(afterSec, z)
	// Quartz clears the milliseconds with Calendar.set, so the time is
	// computed again from the wall clock: in the repeated hour when clocks
	// go back, that is the later of the two instants.
	c.pending = z != nil

	// Quartz can cycle forever; detect a repeated state (Brent's method).
	var saved [6]int64
	power, lap := 1, 0
	for step := 0; ; step++ {
		if c.get(calYear) > lastSearchYear {
			return 0, exhausted
		}
		state := c.snapshot()
		if step > 0 && state == saved || step > maxSearchSteps {
			return 0, looping
		}
		if lap++; lap == power {
			saved, power, lap = state, power*2, 0
		}

		// Second.
		sec := c.get(calSecond)
		min := c.get(calMinute)
		if v, ok := e.ceil(fieldSecond, sec); ok {
			sec = v
		} else {
			first, ok := e.first(fieldSecond)
			if !ok {
				return 0, failed
			}
			sec = first
			min++
			c.set(calMinute, min)
		}
		c.set(calSecond, sec)

		// Minute.
		min = c.get(calMinute)
		hr := c.get(calHour)
		t := int32(-1)
		if v, ok := e.ceil(fieldMinute, min); ok {
			t, min = min, v
		} else {
			first, ok := e.first(fieldMinute)
			if !ok {
				return 0, failed
			}
			min = first
			hr++
		}
		if min != t {
			c.set(calSecond, 0)
			c.set(calMinute, min)
			c.setHour(hr)
			continue
		}
		c.set(calMinute, min)

		// Hour.
		hr = c.get(calHour)
		day := c.get(calDay)
		t = -1
		if v, ok := e.ceil(fieldHour, hr); ok {
			t, hr = hr, v
		} else {
			first, ok := e.first(fieldHour)
			if !ok {
				return 0, failed
			}
			hr = first
			day++
		}
		if hr != t {
			c.set(calSecond, 0)
			c.set(calMinute, 0)
			c.set(calDay, day)
			c.setHour(hr)
			continue
		}
		c.set(calHour, hr)

		// Day.
		day = c.get(calDay)
		domSpecified := !e.sets[fieldDayOfMonth].contains(noSpec)
		dowSpecified := !e.sets[fieldDayOfWeek].contains(noSpec)
		var next dayStep
		switch {
		case domSpecified && !dowSpecified:
			day, next = e.dayOfMonthStep(&c, day, sec, min, hr, afterSec)
		case dowSpecified && !domSpecified:
			day, next = e.dayOfWeekStep(&c, day)
		default:
			next = dayFailed
		}
		switch next {
		case dayFailed:
			return 0, failed
		case dayMoved:
			continue
		}
		c.set(calDay, day)

		// Month.
		mon := c.get(calMonth) + 1
		year := c.get(calYear)
		if int(year) > e.maxYear {
			return 0, exhausted
		}
		t = -1
		if v, ok := e.ceil(fieldMonth, mon); ok {
			t, mon = mon, v
		} else {
			first, ok := e.first(fieldMonth)
			if !ok {
				return 0, failed
			}
			mon = first
			year++
		}
		if mon != t {
			c.set(calSecond, 0)
			c.set(calMinute, 0)
			c.set(calHour, 0)
			c.set(calDay, 1)
			c.set(calMonth, mon-1)
			c.set(calYear, year)
			continue
		}
		c.set(calMonth, mon-1)

		// Year.
		year = c.get(calYear)
		v, ok := e.ceil(fieldYear, year)
		if !ok {
			return 0, exhausted
		}
		if v != year {
			c.set(calSecond, 0)
			c.set(calMinute, 0)
			c.set(calHour, 0)
			c.set(calDay, 1)
			c.set(calMonth, 0)
			c.set(calYear, v)
			continue
		}
		c.set(calYear, v)
		return c.unix() * 1000, fired
	}
}

// ceil returns the smallest value of field f that is at least v.
func (e *Expression) ceil(f field, v int32) (int32, bool) {
	x, ok := e.sets[f].ceil(int(v))
	return int32(x), ok
}

// first returns the smallest value of field f.
func (e *Expression) first(f field) (int32, bool) {
	x, ok := e.sets[f].first()
	return int32(x), ok
}
