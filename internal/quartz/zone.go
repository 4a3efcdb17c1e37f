package quartz

import "time"

// zone is a time zone as java.util.GregorianCalendar uses it. A nil *zone is
// UTC.
type zone struct {
	loc *time.Location
}

// newZone returns the zone of loc, or nil for UTC and a nil loc.
func newZone(loc *time.Location) *zone {
	if loc == nil || loc == time.UTC {
		return nil
	}
	return &zone{loc: loc}
}

// javaLastTransitionYear is the last year for which Java's ZoneInfo keeps a
// table of transitions; later wall-clock times are resolved with the
// zone's last rule (sun.util.calendar.ZoneInfoFile).
const javaLastTransitionYear = 2037

// maxZoneOffset bounds the distance between a wall-clock time and UTC.
const maxZoneOffset = 15 * 3600

// offsetAt returns the zone's offset from UTC, in seconds, at the Unix
// second u.
func (z *zone) offsetAt(u int64) int64 {
	if z == nil {
		return 0
	}
	_, off := time.Unix(u, 0).In(z.loc).Zone()
	return int64(off)
}

// instantOf returns the Unix second a wall-clock time local stands for, as
// lenient GregorianCalendar.computeTime resolves it (ZoneInfo.getOffsetsByWall):
// the offset is the one that follows the last transition whose wall-clock
// time, in the offset after it, is not after local. So a time that occurs
// twice, when clocks go back, is the later instant, and a time skipped when
// clocks go forward moves forward by the gap (02:30 becomes 03:30).
func (z *zone) instantOf(local int64) int64 {
	if z == nil {
		return local
	}
	if y, _, _ := civilFromDays(floorDiv(local, 86400)); y > javaLastTransitionYear {
		// Java's last rule reads the wall-clock time as standard time, and
		// keeps standard time for a wall-clock time that clocks skip.
		raw := z.standardOffset(local)
		msec := local - raw
		off := z.offsetAt(msec)
		if dst := off - raw; dst > 0 && z.offsetAt(msec-dst) == raw {
			off = raw
		}
		return local - off
	}
	t := time.Unix(local-maxZoneOffset, 0).In(z.loc)
	_, off := t.Zone()
	for {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.Unix() > local+maxZoneOffset {
			break
		}
		next := end.In(z.loc)
		_, nextOff := next.Zone()
		if end.Unix()+int64(nextOff) > local {
			break
		}
		t, off = next, nextOff
	}
	return local - int64(off)
}

// standardOffset returns the zone's standard (not daylight saving) offset
// around the wall-clock time local.
func (z *zone) standardOffset(local int64) int64 {
	t := time.Unix(local, 0).In(z.loc)
	for range 3 {
		if !t.IsDST() {
			break
		}
		start, _ := t.ZoneBounds()
		if start.IsZero() {
			break
		}
		t = start.Add(-time.Second).In(z.loc)
	}
	_, off := t.Zone()
	return int64(off)
}
