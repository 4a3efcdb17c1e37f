package tfbench

import (
	"slices"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/bench/rsslog"
)

// sample is one round of one kind at one size.
// plan refreshes and plans N existing objects; planNR is the same plan
// with -refresh=false. Neither has anything to change.
type sample struct {
	planNR, plan       time.Duration // wall time
	planNRCPU, planCPU time.Duration // CPU time of terraform and its providers
	planNRReq, planReq requests
}

// sizeResult is everything measured at one resource count.
type sizeResult struct {
	n int
	// samples holds, per kind, one sample per round in round order, so
	// index r of two kinds belongs to the same round.
	samples [numKinds][]sample
	// validate counts the sandbox requests of terraform validate.
	validate [numKinds]requests
	// rss holds the providers' peak RSS per provider and command.
	rss map[rssKey]rssStat
}

// rssKey names a provider ("almsync", "noop") and a command ("plan").
type rssKey struct{ provider, phase string }

// rssStat is the largest peak RSS of the processes of one provider during
// one kind of command, and how many processes there were.
type rssStat struct {
	peak      uint64
	processes int
}

// aggregateRSS reduces the wrapper's records to one rssStat per provider
// and command.
func aggregateRSS(records []rsslog.Record) map[rssKey]rssStat {
	out := make(map[rssKey]rssStat)
	for _, r := range records {
		key := rssKey{r.Provider, r.Phase}
		st := out[key]
		st.peak = max(st.peak, r.PeakBytes)
		st.processes++
		out[key] = st
	}
	return out
}

// metric picks one duration of a sample.
type metric func(sample) time.Duration

func planNRTime(s sample) time.Duration { return s.planNR }
func planTime(s sample) time.Duration   { return s.plan }
func planNRCPU(s sample) time.Duration  { return s.planNRCPU }
func planCPU(s sample) time.Duration    { return s.planCPU }

// medianMS is the median of metric m over the kind's rounds, in ms.
func (r sizeResult) medianMS(k kind, m metric) float64 {
	vals := make([]float64, len(r.samples[k]))
	for i, s := range r.samples[k] {
		vals[i] = ms(m(s))
	}
	return median(vals)
}

// ratio is the median over rounds of kind k's metric divided by the
// no-op provider's in the same round.
func (r sizeResult) ratio(k kind, m metric) float64 {
	vals := make([]float64, 0, len(r.samples[k]))
	for i, s := range r.samples[k] {
		floor := m(r.samples[kindNoop][i])
		if floor > 0 {
			vals = append(vals, float64(m(s))/float64(floor))
		}
	}
	return median(vals)
}

// perResource returns, for every round of kind k, f of that round
// divided by the size.
func (r sizeResult) perResource(k kind, f func(sample) int64) []float64 {
	vals := make([]float64, len(r.samples[k]))
	for i, s := range r.samples[k] {
		vals[i] = float64(f(s)) / float64(r.n)
	}
	return vals
}

// ms converts d to milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// median returns the median of vals, 0 when there are none.
func median(vals []float64) float64 {
	if len(vals) == 0 {
		return 0
	}
	sorted := slices.Clone(vals)
	slices.Sort(sorted)
	mid := len(sorted) / 2
	if len(sorted)%2 == 1 {
		return sorted[mid]
	}
	return (sorted[mid-1] + sorted[mid]) / 2
}

// marginalMS is the added wall time per added resource between two sizes:
// (t(b) - t(a)) / (b.n - a.n). It is constant across sizes when the cost
// grows linearly, whatever the fixed cost of a command.
func marginalMS(a, b sizeResult, k kind, m metric) float64 {
	return (b.medianMS(k, m) - a.medianMS(k, m)) / float64(b.n-a.n)
}
