package tfbench

import (
	"fmt"
	"strings"
	"time"
)

// Targets of the issue, reported and never enforced: a steady-state plan
// at most targetRatio times the floor's at every N, and a refresh of at
// most N/targetListPage + targetRefreshExtra requests per resource type.
const (
	targetRatio        = 1.2
	targetListPage     = 20
	targetRefreshExtra = 5
)

// defaultPace is the provider's default requests_per_second for
// Interchange: Jama's documented 10 requests/s per environment. The
// measured plans use the provider's defaults, so their requests are
// paced at it.
const defaultPace = 10

// refreshBudget is the most refresh requests the target allows for n
// objects of one type.
func refreshBudget(n int) int64 { return int64(n/targetListPage + targetRefreshExtra) }

// pacingFloor is the shortest time k requests take at the provider's
// default pace: the first leaves at once, each next one 1/defaultPace
// later. The no-I/O floor never spends it.
func pacingFloor(k int64) time.Duration {
	if k <= 1 {
		return 0
	}
	return time.Duration(k-1) * time.Second / defaultPace
}

// pacedRatio is the median over rounds of almsync's plan with refresh
// divided by the no-op plan of the same round plus the pacing floor of
// almsync's Interchange requests in that round.
func (r sizeResult) pacedRatio() float64 {
	vals := make([]float64, 0, len(r.samples[kindAlmsync]))
	for i, s := range r.samples[kindAlmsync] {
		if i >= len(r.samples[kindNoop]) {
			break
		}
		floor := r.samples[kindNoop][i].plan + pacingFloor(s.planReq.interchange)
		if floor > 0 {
			vals = append(vals, float64(s.plan)/float64(floor))
		}
	}
	return median(vals)
}

// mostRefreshRequests is the most Interchange requests of one almsync
// plan with refresh over the rounds.
func (r sizeResult) mostRefreshRequests() int64 {
	var most int64
	for _, s := range r.samples[kindAlmsync] {
		most = max(most, s.planReq.interchange)
	}
	return most
}

// targets prints the targets beside the figures.
func (r report) targets(p *printer) {
	if len(r.results) == 0 {
		return
	}
	p.line("")
	p.line("Targets (reported, never enforced; timings vary with the machine's load)")
	for _, res := range r.results {
		for _, m := range []struct {
			name         string
			planNR, plan metric
		}{{"wall", planNRTime, planTime}, {"CPU ", planNRCPU, planCPU}} {
			nr, pl := res.ratio(kindAlmsync, m.planNR), res.ratio(kindAlmsync, m.plan)
			p.line("  almsync / noop at N=%d, %s time: plan -refresh=false %.2fx, plan with refresh %.2fx (target <= %.1fx): %s",
				res.n, m.name, nr, pl, targetRatio, verdict(nr > 0 && pl > 0 && nr <= targetRatio && pl <= targetRatio))
		}
	}
	p.line("  the wall time of a plan with refresh includes the pacing of its requests at the provider's default %d/s, Jama's", defaultPace)
	p.line("  documented limit: k requests take at least (k-1)/%d s, which the no-I/O floor never spends; the same plan with", defaultPace)
	p.line("  the pacing floor added to noop's time in each round shows what is left to the provider:")
	for _, res := range r.results {
		most := res.mostRefreshRequests()
		pr := res.pacedRatio()
		p.line("  almsync / (noop + pacing floor) at N=%d, wall time: plan with refresh %.2fx, pacing floor %s of at most %d requests (target <= %.1fx): %s",
			res.n, pr, seconds(pacingFloor(most)), most, targetRatio, verdict(pr > 0 && pr <= targetRatio))
	}
	for _, res := range r.results {
		most := res.mostRefreshRequests()
		p.line("  refresh requests of almsync_jama_connector at N=%d: at most %d per plan (target <= N/%d + %d = %d): %s",
			res.n, most, targetListPage, targetRefreshExtra, refreshBudget(res.n), verdict(most <= refreshBudget(res.n)))
	}
	noRefreshZero, validateZero := true, true
	for _, res := range r.results {
		for _, s := range res.samples[kindAlmsync] {
			noRefreshZero = noRefreshZero && s.planNRReq.total-s.planNRReq.discovery == 0
		}
		validateZero = validateZero && res.validate[kindAlmsync].total == 0
	}
	p.line("  plan -refresh=false requests: none but the contract's discovery, every N and round: %s", verdict(noRefreshZero))
	p.line("  terraform validate requests: none, every N: %s", verdict(validateZero))
}

// verdict words a target check.
func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

// spread formats the value of vals when they are all equal, else their
// range.
func spread(vals []float64, format string) string {
	if len(vals) == 0 {
		return "-"
	}
	lo, hi := vals[0], vals[0]
	for _, v := range vals {
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo == hi {
		return fmt.Sprintf(format, lo)
	}
	return fmt.Sprintf(format+"-"+format, lo, hi)
}

// mib formats a byte count in MiB, "-" when unknown.
func mib(bytes uint64) string {
	if bytes == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", float64(bytes)/(1<<20))
}

// trimFloat formats f with one decimal, without a trailing ".0".
func trimFloat(f float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0")
}

// safeDiv returns a/b, 0 when b is 0.
func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
