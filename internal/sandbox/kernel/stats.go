package kernel

import (
	"maps"
	"strings"
	"sync"
)

// Stats counts the product requests the server received, faulted ones
// included.
type Stats struct {
	Total    int64                   `json:"total"`
	Products map[string]ProductStats `json:"products"`
	// Faults counts the answers of injected faults over all products.
	Faults FaultStats `json:"faults"`
}

// FaultStats counts the requests fault injection answered: RateLimited
// with 429, Errors with 500/502/503, Dropped with a cut connection.
type FaultStats struct {
	RateLimited int64 `json:"rate_limited"`
	Errors      int64 `json:"errors"`
	Dropped     int64 `json:"dropped"`
}

// ProductStats counts one product's requests. Routes is keyed by
// "METHOD pattern", the pattern being the matched route below the product
// prefix, e.g. "GET /rest/v1/users/{id}".
type ProductStats struct {
	Total  int64            `json:"total"`
	Routes map[string]int64 `json:"routes"`
}

// statsCounter is the concurrency-safe counter behind Stats.
type statsCounter struct {
	mu       sync.Mutex
	names    []string
	total    int64
	products map[string]*ProductStats
	faults   FaultStats
}

func newStatsCounter(names []string) *statsCounter {
	c := &statsCounter{names: names}
	c.reset()
	return c
}

// routeKey is the stats key of a request matched by pattern, whose method
// part (if any) is replaced by the request's method.
func routeKey(method, pattern string) string {
	if pattern == "" {
		return method + " (unmatched)"
	}
	if _, path, ok := strings.Cut(pattern, " "); ok {
		pattern = path
	}
	return method + " " + pattern
}

func (c *statsCounter) count(productName, key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total++
	ps, ok := c.products[productName]
	if !ok {
		ps = &ProductStats{Routes: make(map[string]int64)}
		c.products[productName] = ps
	}
	ps.Total++
	ps.Routes[key]++
}

// countFault counts one request answered by fault injection.
func (c *statsCounter) countFault(plan faultPlan) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case plan.retryAfter > 0:
		c.faults.RateLimited++
	case plan.errorStatus != 0:
		c.faults.Errors++
	case plan.drop:
		c.faults.Dropped++
	}
}

func (c *statsCounter) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total = 0
	c.faults = FaultStats{}
	c.products = make(map[string]*ProductStats, len(c.names))
	for _, n := range c.names {
		c.products[n] = &ProductStats{Routes: make(map[string]int64)}
	}
}

// snapshot returns a deep copy of the counters.
func (c *statsCounter) snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := Stats{Total: c.total, Products: make(map[string]ProductStats, len(c.products)), Faults: c.faults}
	for name, ps := range c.products {
		out.Products[name] = ProductStats{Total: ps.Total, Routes: maps.Clone(ps.Routes)}
	}
	return out
}
