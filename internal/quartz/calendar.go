package quartz

// calendar mimics the java.util.GregorianCalendar that Quartz uses to search
// for fire times, in lenient mode, in UTC or in a time zone (see zone.go).
// Fields may be set to
// values outside their normal range; like Java, the calendar rolls them over
// the next time a field is read, and only then. Quartz relies on this: for
// example setting day 32 and then reading the month moves to the next month.
//
// Only the fields Quartz touches are modelled. Dates use the proleptic
// Gregorian calendar (Java switches to the Julian calendar before 1582,
// which Quartz never reaches for instants from 1970 on).
type calendar struct {
	year, month, day, hour, minute, second int64 // month is 0-based, as in Java
	pending                                bool  // set since the last normalisation
	// zone is the time zone; nil means UTC.
	zone *zone
	// instant is the Unix second of the fields; kept only with a zone,
	// where a wall-clock time may stand for two instants.
	instant int64
}

// calField names a calendar field.
type calField int

const (
	calYear calField = iota
	calMonth
	calDay
	calHour
	calMinute
	calSecond
)

// calendarAt returns the calendar positioned at the given Unix second, in
// zone z (nil: UTC).
func calendarAt(unix int64, z *zone) calendar {
	c := calendar{zone: z}
	c.setLocal(unix + z.offsetAt(unix))
	c.instant = unix
	return c
}

// setLocal sets the fields to the wall-clock time local, in seconds since
// 1970-01-01T00:00:00 on the wall clock.
func (c *calendar) setLocal(local int64) {
	days, secs := floorDiv(local, 86400), floorMod(local, 86400)
	y, m, d := civilFromDays(days)
	c.year, c.month, c.day = y, m-1, d
	c.hour, c.minute, c.second = secs/3600, secs/60%60, secs%60
}

// get normalises the calendar and returns field f, like Calendar.get.
func (c *calendar) get(f calField) int32 {
	c.normalize()
	switch f {
	case calYear:
		return int32(c.year)
	case calMonth:
		return int32(c.month)
	case calDay:
		return int32(c.day)
	case calHour:
		return int32(c.hour)
	case calMinute:
		return int32(c.minute)
	default:
		return int32(c.second)
	}
}

// set stores v in field f without normalising, like Calendar.set.
func (c *calendar) set(f calField, v int32) {
	x := int64(v)
	switch f {
	case calYear:
		c.year = x
	case calMonth:
		c.month = x
	case calDay:
		c.day = x
	case calHour:
		c.hour = x
	case calMinute:
		c.minute = x
	case calSecond:
		c.second = x
	}
	c.pending = true
}

// setHour is CronExpression.setCalendarHour: it sets the hour and, if reading
// it back gives a different hour (in a daylight saving gap, or for hours past
// 23), sets hour+1 instead, unless the hour was 24.
func (c *calendar) setHour(h int32) {
	c.set(calHour, h)
	if c.get(calHour) != h && h != 24 {
		c.set(calHour, h+1)
	}
}

// addYear is Calendar.add(YEAR, n): it normalises, moves the year and keeps
// the day within the month.
func (c *calendar) addYear(n int32) {
	c.normalize()
	c.year += int64(n)
	if last := int64(daysIn(c.year, c.month+1)); c.day > last {
		c.day = last
	}
	c.pending = c.zone != nil // the time is computed again from the fields
}

// dayOfWeek returns the day of the week, 1 (Sunday) to 7 (Saturday), like
// Calendar.get(DAY_OF_WEEK).
func (c *calendar) dayOfWeek() int32 {
	c.normalize()
	days := daysFromCivil(c.year, c.month+1, c.day)
	return int32(floorMod(days+4, 7)) + 1 // 1970-01-01 was a Thursday (5)
}

// unix normalises the calendar and returns it as a Unix second.
func (c *calendar) unix() int64 {
	c.normalize()
	if c.zone != nil {
		return c.instant
	}
	return daysFromCivil(c.year, c.month+1, c.day)*86400 + c.hour*3600 + c.minute*60 + c.second
}

// snapshot returns the normalised fields, for comparing states.
func (c *calendar) snapshot() [6]int64 {
	c.normalize()
	return [6]int64{c.year, c.month, c.day, c.hour, c.minute, c.second}
}

// normalize rolls out-of-range fields over into the larger ones, the way
// GregorianCalendar.computeTime followed by computeFields does.
func (c *calendar) normalize() {
	if !c.pending {
		return
	}
	c.pending = false
	if c.zone != nil {
		c.normalizeInZone()
		return
	}
	if c.month >= 0 && c.month < 12 && c.day >= 1 && c.day <= 28 &&
		c.hour >= 0 && c.hour < 24 && c.minute >= 0 && c.minute < 60 && c.second >= 0 && c.second < 60 {
		return
	}
	secs := c.hour*3600 + c.minute*60 + c.second
	y := c.year + floorDiv(c.month, 12)
	m := floorMod(c.month, 12) + 1
	days := daysFromCivil(y, m, 1) + c.day - 1 + floorDiv(secs, 86400)
	secs = floorMod(secs, 86400)
	y, m, d := civilFromDays(days)
	c.year, c.month, c.day = y, m-1, d
	c.hour, c.minute, c.second = secs/3600, secs/60%60, secs%60
}

// normalizeInZone computes the instant the fields stand for, as lenient
// GregorianCalendar.computeTime does in a time zone, and the fields back from
// that instant.
func (c *calendar) normalizeInZone() {
	y := c.year + floorDiv(c.month, 12)
	m := floorMod(c.month, 12) + 1
	local := (daysFromCivil(y, m, 1)+c.day-1)*86400 + c.hour*3600 + c.minute*60 + c.second
	c.instant = c.zone.instantOf(local)
	c.setLocal(c.instant + c.zone.offsetAt(c.instant))
}

// daysFromCivil returns the number of days from 1970-01-01 to the given
// proleptic Gregorian date (month 1-12).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

// isLeap applies the Gregorian leap year rule.
func isLeap(y int64) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// daysIn returns the length of month m (1-12) of year y.
func daysIn(y, m int64) int32 {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	return a - floorDiv(a, b)*b
}
