package kernel

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

func TestRateLimiterBucket(t *testing.T) {
	var fi faultInjector
	start := time.Unix(1000, 0)
	if err := fi.set(Faults{RateLimitPerSecond: 2}, start); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		at         time.Duration
		retryAfter int64
	}{
		{0, 0}, {0, 0}, // burst of 2
		{0, 1},
		{400 * time.Millisecond, 1}, // 0.8 token
		{500 * time.Millisecond, 0}, // 1.0 token
		{500 * time.Millisecond, 1},
	}
	for i, s := range steps {
		if got := fi.plan(start.Add(s.at), "GET /p/x").retryAfter; got != s.retryAfter {
			t.Errorf("step %d at %v: retryAfter = %d, want %d", i, s.at, got, s.retryAfter)
		}
	}
	if err := fi.set(Faults{RateLimitPerSecond: 0.1}, start); err != nil {
		t.Fatal(err)
	}
	fi.plan(start, "GET /p/x")
	if got := fi.plan(start, "GET /p/x").retryAfter; got != 10 {
		t.Errorf("retryAfter at 0.1/s = %d, want 10", got)
	}
}

// faultTrace is what fault injection decided for each request of a run, in
// the order the requests arrived.
type faultTrace []faultPlan

// runFaults sets f and plans one request to each key in turn.
func runFaults(t *testing.T, f Faults, keys []string) (Faults, faultTrace) {
	t.Helper()
	var fi faultInjector
	now := time.Unix(1000, 0)
	if err := fi.set(f, now); err != nil {
		t.Fatal(err)
	}
	trace := make(faultTrace, len(keys))
	for i, k := range keys {
		trace[i] = fi.plan(now, k)
	}
	return fi.Get(), trace
}

// replayKeys is a run of requests: creates to one collection, reads and
// deletes of several objects.
func replayKeys() []string {
	var keys []string
	for i := range 40 {
		keys = append(keys,
			"POST /interchange/connectors",
			fmt.Sprintf("GET /interchange/connectors/%d", i%7),
			fmt.Sprintf("DELETE /interchange/connectors/%d", i%5))
	}
	return keys
}

var replayFaults = Faults{ErrorRate: 0.3, DropRate: 0.3}

func TestFaultSeedReplays(t *testing.T) {
	keys := replayKeys()
	f := replayFaults
	f.Seed = 20261202
	_, first := runFaults(t, f, keys)
	_, again := runFaults(t, f, keys)
	if !reflect.DeepEqual(first, again) {
		t.Errorf("seed %d gave different faults on replay:\n%v\n%v", f.Seed, first, again)
	}
	// The run must exercise every decision, or the comparison proves little.
	kinds := map[string]bool{}
	for _, p := range first {
		switch {
		case p.errorStatus != 0:
			kinds[fmt.Sprint("status ", p.errorStatus)] = true
		case p.drop:
			kinds[fmt.Sprint("drop mode ", p.dropMode)] = true
		default:
			kinds["clean"] = true
		}
	}
	if len(kinds) != 7 {
		t.Errorf("decisions met in %d requests: %v, want all 3 statuses, 3 drop modes and clean requests", len(keys), kinds)
	}

	// Setting the same faults again on one injector starts the run over.
	var fi faultInjector
	now := time.Unix(1000, 0)
	for round := range 2 {
		if err := fi.set(f, now); err != nil {
			t.Fatal(err)
		}
		for i, k := range keys {
			if got := fi.plan(now, k); got != first[i] {
				t.Fatalf("round %d request %d (%s): %+v, want %+v", round, i, k, got, first[i])
			}
		}
	}
}

func TestFaultSeedsDiffer(t *testing.T) {
	keys := replayKeys()
	f := replayFaults
	f.Seed = 1
	_, one := runFaults(t, f, keys)
	f.Seed = 2
	_, two := runFaults(t, f, keys)
	if reflect.DeepEqual(one, two) {
		t.Errorf("seeds 1 and 2 gave the same %d faults", len(keys))
	}
}

func TestFaultSeedZeroChoosesOne(t *testing.T) {
	keys := replayKeys()
	got, first := runFaults(t, replayFaults, keys)
	if got.Seed == 0 || got.Seed >= maxRandomSeed {
		t.Fatalf("seed in effect = %d, want one in [1, 2^53)", got.Seed)
	}
	again, replayed := runFaults(t, got, keys)
	if again.Seed != got.Seed || !reflect.DeepEqual(first, replayed) {
		t.Errorf("replaying the chosen seed %d gave other faults", got.Seed)
	}
	other, _ := runFaults(t, replayFaults, keys)
	if other.Seed == got.Seed {
		t.Errorf("two runs without a seed both chose %d", got.Seed)
	}
}

// TestFaultsOfOnePathIgnoreOtherPaths: the decisions of one path do not move
// when requests to other paths come between them in another order, as they
// do when a client works on several objects at once.
func TestFaultsOfOnePathIgnoreOtherPaths(t *testing.T) {
	f := replayFaults
	f.Seed = 7
	keys := replayKeys()
	reordered := append([]string(nil), keys...)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(reordered), func(i, j int) {
		reordered[i], reordered[j] = reordered[j], reordered[i]
	})
	perPath := func(keys []string, trace faultTrace) map[string][]faultPlan {
		m := map[string][]faultPlan{}
		for i, k := range keys {
			m[k] = append(m[k], trace[i])
		}
		return m
	}
	_, a := runFaults(t, f, keys)
	_, b := runFaults(t, f, reordered)
	if !reflect.DeepEqual(perPath(keys, a), perPath(reordered, b)) {
		t.Error("reordering requests across paths changed the faults of a path")
	}
}

// TestRateLimitedRequestsDoNotShiftFaults: a 429 answer does not consume a
// decision, so the faults of a path do not depend on the client's timing.
func TestRateLimitedRequestsDoNotShiftFaults(t *testing.T) {
	key := "PUT /jama/rest/v1/users/2"
	f := Faults{Seed: 99, ErrorRate: 0.5, DropRate: 0.5}
	_, want := runFaults(t, f, []string{key, key, key, key})
	f.RateLimitPerSecond = 1
	var fi faultInjector
	start := time.Unix(1000, 0)
	if err := fi.set(f, start); err != nil {
		t.Fatal(err)
	}
	var got faultTrace
	for i := range 4 {
		at := start.Add(time.Duration(i) * time.Second)
		p := fi.plan(at, key)
		if p.retryAfter != 0 {
			t.Fatalf("request at %v was rate limited", at)
		}
		got = append(got, p)
		if p := fi.plan(at, key); p.retryAfter == 0 {
			t.Fatalf("second request at %v was not rate limited", at)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with 429s between them the faults are %v, want %v", got, want)
	}
}
