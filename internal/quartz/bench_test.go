package quartz

import (
	"testing"
	"time"
)

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("0 0/5 8-18 ? * MON-FRI"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNext1000 computes 1,000 successive fire times per iteration; the
// ns/next metric is the cost of one step.
func BenchmarkNext1000(b *testing.B) {
	for _, expr := range []string{"0 0/5 8-18 ? * MON-FRI", "0 15 10 ? * 6L", "0 0 12 LW * ?"} {
		b.Run(expr, func(b *testing.B) {
			e, err := Parse(expr)
			if err != nil {
				b.Fatal(err)
			}
			start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			b.ReportAllocs()
			for b.Loop() {
				t := start
				for range 1000 {
					var ok bool
					if t, ok = e.Next(t); !ok {
						b.Fatal("schedule ended")
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/next")
		})
	}
}
