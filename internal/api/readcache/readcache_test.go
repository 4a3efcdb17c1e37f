package readcache_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/readcache"
)

type object struct {
	ID      int
	Version int
}

// backend is a store of objects read by a plain GET or a list, counting
// both.
type backend struct {
	mu      sync.Mutex
	objects map[int]object
	gets    int
	lists   int
	listErr error
	// during, when set, runs inside the next list, after the objects are
	// read and before the list returns.
	during func()
	// block, when set, holds the list until it is closed.
	block chan struct{}
}

func newBackend(n int) *backend {
	b := &backend{objects: map[int]object{}}
	for i := 1; i <= n; i++ {
		b.objects[i] = object{ID: i, Version: 1}
	}
	return b
}

var errNotFound = errors.New("not found")

func (b *backend) get(id int) func(context.Context) (object, error) {
	return func(context.Context) (object, error) {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.gets++
		o, ok := b.objects[id]
		if !ok {
			return object{}, errNotFound
		}
		return o, nil
	}
}

func (b *backend) list(ctx context.Context) ([]object, error) {
	if b.block != nil {
		select {
		case <-b.block:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	b.mu.Lock()
	b.lists++
	if b.listErr != nil {
		b.mu.Unlock()
		return nil, b.listErr
	}
	out := make([]object, 0, len(b.objects))
	for _, o := range b.objects {
		out = append(out, o)
	}
	during := b.during
	b.during = nil
	b.mu.Unlock()
	if during != nil {
		during()
	}
	return out, nil
}

func (b *backend) set(o object) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.objects[o.ID] = o
}

func (b *backend) counts() (gets, lists int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.gets, b.lists
}

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func newCache(b *backend, clk *clock, pageSize int) *readcache.Cache[int, object] {
	return readcache.New(readcache.Options[int, object]{
		List:     b.list,
		Key:      func(o object) int { return o.ID },
		PageSize: pageSize,
		Now:      clk.now,
	})
}

func read(t *testing.T, c *readcache.Cache[int, object], b *backend, id int) object {
	t.Helper()
	o, err := c.Get(context.Background(), id, b.get(id))
	if err != nil {
		t.Fatalf("get %d: %v", id, err)
	}
	if o.ID != id {
		t.Fatalf("get %d returned object %d", id, o.ID)
	}
	return o
}

func wantCounts(t *testing.T, b *backend, gets, lists int) {
	t.Helper()
	if g, l := b.counts(); g != gets || l != lists {
		t.Errorf("%d GETs and %d lists, want %d and %d", g, l, gets, lists)
	}
}

// A refresh of many objects: the first read is a GET, the second lists,
// every other is served from the list.
func TestRefreshOfManyIsOneGetAndOneList(t *testing.T) {
	t.Parallel()
	b, clk := newBackend(200), &clock{}
	c := newCache(b, clk, 50)
	for id := 1; id <= 200; id++ {
		read(t, c, b, id)
	}
	wantCounts(t, b, 1, 1)
	if st := c.Stats(); st != (readcache.Stats{Served: 199, Fetched: 1, Lists: 1}) {
		t.Errorf("stats %+v", st)
	}
}

// A single read is a plain GET, never a list.
func TestOneReadIsAPlainGet(t *testing.T) {
	t.Parallel()
	b := newBackend(3)
	read(t, newCache(b, &clock{}, 0), b, 2)
	wantCounts(t, b, 1, 0)
}

// An object listed is served once; read again, it is a GET that sees
// the change made since the list.
func TestEachListedObjectIsServedOnce(t *testing.T) {
	t.Parallel()
	b, clk := newBackend(5), &clock{}
	c := newCache(b, clk, 0)
	read(t, c, b, 1)
	read(t, c, b, 2) // lists
	b.set(object{ID: 3, Version: 2})
	if o := read(t, c, b, 3); o.Version != 1 {
		t.Fatalf("first read of 3 after the list: version %d, want the listed 1", o.Version)
	}
	if o := read(t, c, b, 3); o.Version != 2 {
		t.Errorf("second read of 3: version %d, want the current 2", o.Version)
	}
	wantCounts(t, b, 2, 1)
}

// An id the list does not hold is a GET: a deleted object still reads as
// not found, one created after the list is read as it is.
func TestIDNotListedIsAGet(t *testing.T) {
	t.Parallel()
	b, clk := newBackend(3), &clock{}
	c := newCache(b, clk, 0)
	read(t, c, b, 1)
	read(t, c, b, 2)
	if _, err := c.Get(context.Background(), 9, b.get(9)); !errors.Is(err, errNotFound) {
		t.Errorf("get of an id not listed: %v, want not found", err)
	}
	b.set(object{ID: 10, Version: 1})
	read(t, c, b, 10)
	wantCounts(t, b, 3, 1)
}

// A written object is never served from a list, whether the list was
// taken before, during or after the write.
func TestWrittenObjectIsNeverServed(t *testing.T) {
	t.Parallel()
	for _, when := range []string{"before", "during", "after"} {
		t.Run(when, func(t *testing.T) {
			t.Parallel()
			b, clk := newBackend(4), &clock{}
			c := newCache(b, clk, 0)
			write := func() { c.Forget(3); b.set(object{ID: 3, Version: 2}) }
			read(t, c, b, 1)
			switch when {
			case "before":
				read(t, c, b, 2) // lists
				write()
			case "during":
				b.during = write
				read(t, c, b, 2)
			case "after":
				write()
				read(t, c, b, 2)
			}
			if o := read(t, c, b, 3); o.Version != 2 {
				t.Errorf("read of the written object: version %d, want 2", o.Version)
			}
			wantCounts(t, b, 2, 1)
		})
	}
}

// A list is older than MaxAge: nothing more is served from it; the next
// list comes after as many GETs as the last one had pages.
func TestExpiredListServesNothing(t *testing.T) {
	t.Parallel()
	b, clk := newBackend(200), &clock{}
	c := newCache(b, clk, 50)
	read(t, c, b, 1)
	read(t, c, b, 2)
	wantCounts(t, b, 1, 1)
	clk.add(readcache.DefaultMaxAge + time.Second)
	b.set(object{ID: 3, Version: 2})
	for id := 3; id <= 6; id++ {
		if o := read(t, c, b, id); o.Version != b.objects[id].Version {
			t.Errorf("read %d after expiry: version %d", id, o.Version)
		}
	}
	wantCounts(t, b, 5, 1) // four pages: four GETs before the next list
	read(t, c, b, 7)
	wantCounts(t, b, 5, 2)
	read(t, c, b, 8)
	wantCounts(t, b, 5, 2)
}

// Reads spread out more than MaxAge apart never cost more requests than
// twice the plain GETs: a list waits for as many GETs as it has pages.
func TestSparseReadsCostAtMostTwiceTheGets(t *testing.T) {
	t.Parallel()
	b, clk := newBackend(200), &clock{}
	c := newCache(b, clk, 50)
	const reads = 40
	for i := 1; i <= reads; i++ {
		read(t, c, b, i)
		clk.add(readcache.DefaultMaxAge + time.Second)
	}
	gets, lists := b.counts()
	requests := gets + 4*lists
	t.Logf("%d reads: %d GETs, %d lists (%d requests)", reads, gets, lists, requests)
	if requests > 2*reads {
		t.Errorf("%d requests for %d sparse reads, want at most %d", requests, reads, 2*reads)
	}
}

// Concurrent reads wait for the one list in flight.
func TestConcurrentReadsShareOneList(t *testing.T) {
	t.Parallel()
	b, clk := newBackend(100), &clock{}
	c := newCache(b, clk, 50)
	read(t, c, b, 1)
	b.block = make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 99)
	for id := 2; id <= 100; id++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o, err := c.Get(context.Background(), id, b.get(id))
			if err == nil && o.ID != id {
				err = fmt.Errorf("get %d returned %d", id, o.ID)
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	close(b.block)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	wantCounts(t, b, 1, 1)
}

// A failed list sends the reads to GET, and the cache stays on GETs.
func TestFailedListFallsBackToGet(t *testing.T) {
	t.Parallel()
	b, clk := newBackend(10), &clock{}
	b.listErr = errors.New("403 forbidden")
	c := newCache(b, clk, 0)
	for id := 1; id <= 10; id++ {
		read(t, c, b, id)
	}
	wantCounts(t, b, 10, 1)
}

// A list cancelled with the read that asked for it does not turn the
// cache off: a later read lists again.
func TestCancelledListIsTakenAgain(t *testing.T) {
	t.Parallel()
	b, clk := newBackend(10), &clock{}
	c := newCache(b, clk, 0)
	read(t, c, b, 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b.block = make(chan struct{}) // never closed: the list ends by the cancellation
	if _, err := c.Get(ctx, 2, func(ctx context.Context) (object, error) { return object{}, ctx.Err() }); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled read: %v", err)
	}
	b.block = nil
	read(t, c, b, 3) // a GET: one since the failed list
	read(t, c, b, 4) // lists
	read(t, c, b, 5)
	wantCounts(t, b, 2, 1)
}
