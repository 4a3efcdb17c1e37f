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
// by default, so its commands take at least their requests ÷ 10 s: an
// apply sends two per resource (the create and a read), a plan or a
// destroy one.
const (
	estimatePacedRequest = time.Second / 10
	estimateApplyPaced   = 2 * estimatePacedRequest
)

// estimate returns the rough duration of a run: per size and kind, an
// init and a validate, an apply and a plan per round, and a destroy
// between rounds and after the last one.
func estimate(sizes []int, rounds int) time.Duration {
	total := estimateBuild
	r := time.Duration(rounds)
	for _, n := range sizes {
		res := time.Duration(n)
		for _, k := range allKinds {
			apply, plan, destroy := estimateApplyPerRes, estimatePlanPerRes, estimateDestroyPerRes
			if k == kindAlmsync {
				apply, plan, destroy = max(apply, estimateApplyPaced), max(plan, estimatePacedRequest), max(destroy, estimatePacedRequest)
			}
			total += 2*estimateFixed +
				r*(2*estimateFixed+res*(apply+plan)) +
				r*(estimateFixed+res*destroy)
		}
	}
	return total.Round(time.Second)
}
