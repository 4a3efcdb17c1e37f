package quartz

import "math/bits"

// valueSet is the set of values of one field, the counterpart of the
// TreeSet<Integer> Quartz keeps per field. Quartz does not always keep values
// inside the field's natural range (the markers 98 and 99, years, and some
// unvalidated ranges end up in the sets), so the set holds any non-negative
// int: values below 64 in a bit mask, larger ones as arithmetic progressions.
// Progressions keep huge ranges such as "99-2000000000" cheap.
type valueSet struct {
	small uint64
	large []progression
}

// progression is the values from, from+step, ... up to and including to.
// Every value is at least 64 and to is the last value actually reached.
type progression struct {
	from, to, step int
}

// add inserts a single value.
func (s *valueSet) add(v int) {
	s.addRange(v, v, 1)
}

// addRange inserts start, start+step, ... while the value is at most stop.
func (s *valueSet) addRange(start, stop, step int) {
	if step <= 0 || start > stop {
		return
	}
	if start < 0 {
		// Values are never negative; skip to the first non-negative one.
		start += (-start + step - 1) / step * step
	}
	v := start
	for ; v <= stop && v < 64; v += step {
		s.small |= 1 << uint(v)
	}
	if v > stop {
		return
	}
	last := v + (stop-v)/step*step
	for _, p := range s.large {
		if p == (progression{v, last, step}) {
			return
		}
	}
	s.large = append(s.large, progression{v, last, step})
}

// contains reports whether v is in the set.
func (s *valueSet) contains(v int) bool {
	if v < 0 {
		return false
	}
	if v < 64 {
		return s.small&(1<<uint(v)) != 0
	}
	for _, p := range s.large {
		if v >= p.from && v <= p.to && (v-p.from)%p.step == 0 {
			return true
		}
	}
	return false
}

// ceil returns the smallest value that is at least v, like
// TreeSet.tailSet(v).first().
func (s *valueSet) ceil(v int) (int, bool) {
	if v < 0 {
		v = 0
	}
	if v < 64 {
		if m := s.small >> uint(v) << uint(v); m != 0 {
			return bits.TrailingZeros64(m), true
		}
	}
	best, found := 0, false
	for _, p := range s.large {
		c := p.from
		if v > c {
			c += (v - c + p.step - 1) / p.step * p.step
			if c > p.to {
				continue
			}
		}
		if !found || c < best {
			best, found = c, true
		}
	}
	return best, found
}

// first returns the smallest value, like TreeSet.first().
func (s *valueSet) first() (int, bool) {
	return s.ceil(0)
}

// last returns the largest value, like TreeSet.last().
func (s *valueSet) last() (int, bool) {
	best, found := 0, false
	for _, p := range s.large {
		if !found || p.to > best {
			best, found = p.to, true
		}
	}
	if found {
		return best, true
	}
	if s.small == 0 {
		return 0, false
	}
	return 63 - bits.LeadingZeros64(s.small), true
}

// upTo returns, in ascending order, the values that are at most limit.
func (s *valueSet) upTo(limit int) []int {
	var out []int
	for v, ok := s.first(); ok && v <= limit; v, ok = s.ceil(v + 1) {
		out = append(out, v)
	}
	return out
}
