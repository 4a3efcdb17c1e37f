package quartz

// dayStep says how a day rule left the search.
type dayStep int

const (
	dayKept   dayStep = iota // the current day matches; go on with the month
	dayMoved                 // the calendar moved; restart the search loop
	dayFailed                // Quartz throws an exception
)

// dayOfMonthStep applies the day-of-month rule to the calendar, whose
// current day is day. sec, min and hr are the values the search has
// settled on so far.
func (e *Expression) dayOfMonthStep(c *calendar, day, sec, min, hr int32, afterSec int64) (int32, dayStep) {
	mon := c.get(calMonth) + 1
	year := c.get(calYear)
	tmon := mon
	t := int32(-1)
	switch {
	case e.lastDayOfMonth && !e.nearestWeekday:
		t = day
		day = daysIn(int64(year), int64(mon)) - int32(e.lastDayOffset)
		if t > day {
			mon++
			if mon > 12 {
				mon = 1
				tmon = -1 // forces the restart below
				c.addYear(1)
			}
			day = 1
		}
	case e.lastDayOfMonth:
		t = day
		day = daysIn(int64(year), int64(mon)) - int32(e.lastDayOffset)
		var before bool
		day, before = nearestWeekday(c.zone, year, mon, day, sec, min, hr, afterSec)
		if before {
			day = 1
			mon++
		}
	case e.nearestWeekday:
		t = day
		first, ok := e.first(fieldDayOfMonth)
		if !ok {
			return 0, dayFailed
		}
		var before bool
		day, before = nearestWeekday(c.zone, year, mon, first, sec, min, hr, afterSec)
		if before {
			day = first
			mon++
		}
	default:
		if v, ok := e.ceil(fieldDayOfMonth, day); ok {
			t, day = day, v
			if day > daysIn(int64(year), int64(mon)) {
				day, _ = e.first(fieldDayOfMonth)
				mon++
			}
		} else {
			first, ok := e.first(fieldDayOfMonth)
			if !ok {
				return 0, dayFailed
			}
			day = first
			mon++
		}
	}
	if day != t || mon != tmon {
		c.set(calSecond, 0)
		c.set(calMinute, 0)
		c.set(calHour, 0)
		c.set(calDay, day)
		c.set(calMonth, mon-1)
		return day, dayMoved
	}
	return day, dayKept
}

// nearestWeekday moves day of month mon of year to the nearest weekday
// without leaving the month, exactly as Quartz does it (on a second
// calendar, so out-of-range days roll over the same way). It also reports
// whether that day, at the time hr:min:sec, is before the search's start
// second afterSec.
//
// Quartz compares with the start instant including its milliseconds, and its
// second calendar carries the milliseconds of the wall clock, so within the
// start second itself its answer is random; this implementation treats that
// second as not before.
func nearestWeekday(z *zone, year, mon, day, sec, min, hr int32, afterSec int64) (int32, bool) {
	tc := calendar{year: int64(year), month: int64(mon - 1), day: int64(day), pending: true, zone: z}
	ldom := daysIn(int64(year), int64(mon))
	switch dow := tc.dayOfWeek(); {
	case dow == 7 && day == 1:
		day += 2
	case dow == 7:
		day--
	case dow == 1 && day == ldom:
		day -= 2
	case dow == 1:
		day++
	}
	tc.set(calSecond, sec)
	tc.set(calMinute, min)
	tc.set(calHour, hr)
	tc.set(calDay, day)
	tc.set(calMonth, mon-1)
	return day, tc.unix() < afterSec
}

// dayOfWeekStep applies the day-of-week rule to the calendar, whose current
// day is day.
func (e *Expression) dayOfWeekStep(c *calendar, day int32) (int32, dayStep) {
	mon := c.get(calMonth) + 1
	ldom := daysIn(int64(c.get(calYear)), int64(mon))
	switch {
	case e.lastDayOfWeek:
		want, ok := e.first(fieldDayOfWeek)
		if !ok {
			return 0, dayFailed
		}
		add := daysUntil(c.dayOfWeek(), want)
		if day+add > ldom {
			startOfMonth(c, mon)
			return day, dayMoved
		}
		for day+add+7 <= ldom {
			add += 7
		}
		day += add
		if add > 0 {
			startOfDay(c, day, mon)
			return day, dayMoved
		}
	case e.nthDayOfWeek != 0:
		want, ok := e.first(fieldDayOfWeek)
		if !ok {
			return 0, dayFailed
		}
		add := daysUntil(c.dayOfWeek(), want)
		shifted := add > 0
		day += add
		week := day / 7
		if day%7 > 0 {
			week++
		}
		add = (int32(e.nthDayOfWeek) - week) * 7
		day += add
		if add < 0 || day > ldom {
			startOfMonth(c, mon)
			return day, dayMoved
		}
		if add > 0 || shifted {
			startOfDay(c, day, mon)
			return day, dayMoved
		}
	default:
		cur := c.dayOfWeek()
		want, ok := e.first(fieldDayOfWeek)
		if !ok {
			return 0, dayFailed
		}
		if v, ok := e.ceil(fieldDayOfWeek, cur); ok {
			want = v
		}
		add := daysUntil(cur, want)
		if day+add > ldom {
			startOfMonth(c, mon)
			return day, dayMoved
		}
		if add > 0 {
			startOfDay(c, day+add, mon)
			return day, dayMoved
		}
	}
	return day, dayKept
}

// daysUntil returns how many days from weekday cur to weekday want, as
// Quartz computes it (want may lie outside 1-7).
func daysUntil(cur, want int32) int32 {
	switch {
	case cur < want:
		return want - cur
	case cur > want:
		return want + (7 - cur)
	}
	return 0
}

// startOfMonth moves the calendar to midnight on the first of the month after
// month mon (1-12).
func startOfMonth(c *calendar, mon int32) {
	c.set(calSecond, 0)
	c.set(calMinute, 0)
	c.set(calHour, 0)
	c.set(calDay, 1)
	c.set(calMonth, mon)
}

// startOfDay moves the calendar to midnight on the given day of month mon
// (1-12).
func startOfDay(c *calendar, day, mon int32) {
	c.set(calSecond, 0)
	c.set(calMinute, 0)
	c.set(calHour, 0)
	c.set(calDay, day)
	c.set(calMonth, mon-1)
}
