package tfbench

import (
	"fmt"
	"strings"
)

// targetRatio is the target: almsync at most this many times the
// no-op floor at the largest N.
const targetRatio = 1.5

// targets prints the targets beside the figures.
func (r report) targets(p *printer) {
	if len(r.results) == 0 {
		return
	}
	last := r.results[len(r.results)-1]
	p.line("")
	p.line("Targets (reported, never enforced)")
	for _, m := range []struct {
		name        string
		apply, plan metric
	}{{"wall", applyTime, planTime}, {"CPU ", applyCPU, planCPU}} {
		planRatio, applyRatio := last.ratio(kindAlmsync, m.plan), last.ratio(kindAlmsync, m.apply)
		p.line("  almsync / noop at N=%d, %s time: plan %.2fx, apply %.2fx (target <= %.1fx): %s",
			last.n, m.name, planRatio, applyRatio, targetRatio, verdict(planRatio <= targetRatio && applyRatio <= targetRatio))
	}
	getsExact, validateZero := true, true
	for _, res := range r.results {
		for _, s := range res.samples[kindAlmsync] {
			getsExact = getsExact && s.planReq.getByID == int64(res.n) && s.planReq.discovery <= 1 &&
				s.planReq.total == int64(res.n)+s.planReq.discovery
		}
		validateZero = validateZero && res.validate[kindAlmsync].total == 0
	}
	p.line("  plan requests: exactly one GET per resource, one contract discovery per run and nothing else, every N and round: %s", verdict(getsExact))
	p.line("  terraform validate requests: none, every N: %s", verdict(validateZero))
	if len(r.results) < 2 {
		return
	}
	p.line("  linear growth, almsync wall time: ms/res per N; marginal ms/res, first → last interval (x1.00 = linear)")
	for _, m := range []struct {
		name string
		f    metric
	}{{"apply", applyTime}, {"plan", planTime}} {
		var perRes []string
		for _, res := range r.results {
			perRes = append(perRes, fmt.Sprintf("N=%d %.2f", res.n, res.medianMS(kindAlmsync, m.f)/float64(res.n)))
		}
		first := marginalMS(r.results[0], r.results[1], kindAlmsync, m.f)
		if len(r.results) == 2 {
			p.line("    %-5s %s; marginal %.2f (one interval)", m.name, strings.Join(perRes, ", "), first)
			continue
		}
		lastM := marginalMS(r.results[len(r.results)-2], last, kindAlmsync, m.f)
		p.line("    %-5s %s; marginal %.2f → %.2f (x%.2f)", m.name, strings.Join(perRes, ", "), first, lastM, safeDiv(lastM, first))
	}
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
