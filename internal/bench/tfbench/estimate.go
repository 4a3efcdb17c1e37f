package tfbench

import "time"

// Rough costs of one terraform command on a small (2-core) machine, used
// only for the duration printed before a run: a fixed part (Terraform and
// provider start-up) and a part per resource, averaged over the three
// kinds near N = 500. Terraform's apply and destroy grow faster than
// linearly, so the estimate is high for small N.
const (
	estimateFixed         = 500 * time.Millisecond
	estimateApplyPerRes   = 25 * time.Millisecond
	estimatePlanPerRes    = 6 * time.Millisecond
	estimateDestroyPerRes = 28 * time.Millisecond
	estimateBuild         = 10 * time.Second
)

// The almsync provider paces its requests to Interchange at 10 per second
// by default, so a plan that refreshes N connectors takes up to N ÷ 10 s
// (one GET per connector; fewer with list-backed reads). The setup applies
// and destroys are unpaced (see renderConfig).
const estimatePacedRequest = time.Second / 10

// estimate returns the rough duration of a run: per size and kind, an
// init, a setup apply, a validate and a destroy, and per round a plan with
// refresh and one without.
func estimate(sizes []int, rounds int) time.Duration {
	total := estimateBuild
	r := time.Duration(rounds)
	for _, n := range sizes {
		res := time.Duration(n)
		for _, k := range allKinds {
			refresh := estimatePlanPerRes
			if k == kindAlmsync {
				refresh = max(refresh, estimatePacedRequest)
			}
			total += 4*estimateFixed + res*(estimateApplyPerRes+estimateDestroyPerRes) +
				r*(2*estimateFixed+res*(refresh+estimatePlanPerRes))
		}
	}
	return total.Round(time.Second)
}
