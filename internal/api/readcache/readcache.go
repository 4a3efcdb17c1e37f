// Package readcache serves the reads of one object type of one API client
// from the type's list operation when many objects of the type are read in
// a row, as when Terraform refreshes them: one request per page of the list
// instead of one request per object.
//
// A Cache belongs to one client and one type; the client creates it with
// itself (in the provider's Configure, so for one Terraform walk) and puts
// it behind its Get function. Nothing is shared between clients.
//
// # Policy
//
// A Get goes to the list only when a plain GET would cost more:
//
//   - The first Get of the type is a plain GET. A list is taken once as many
//     plain GETs have been sent since the previous list (or since the cache
//     was made) as the previous list took pages (one before any list): the
//     second Get of a refresh lists the type, and a list never costs more
//     requests than the GETs sent since the last one, however sparse the
//     reads are.
//   - A list is the whole type, unfiltered, every page. Concurrent Gets wait
//     for the one list in flight instead of starting their own.
//   - Each listed object is served at most once, and only for MaxAge
//     (default 30 s) after its list ended. A second read of the same object
//     is a plain GET, as is the read of an id the list did not hold (an
//     object deleted, or created after the list: a deleted one still reads
//     as not found). So no object is served older than MaxAge, and an
//     object read twice in one process sees the changes made between the
//     two reads, as it would without the cache.
//   - Forget marks an object written: the client calls it before it sends
//     an update or a delete, and after a create with the new id. A written
//     object is never served from a list again, whether the list was taken
//     before, during or after the write: its reads, the read-back after the
//     write included, are plain GETs. So nothing is ever served older than
//     a write the same client made.
//   - A list that fails sends every waiting Get to a plain GET; the cache
//     then stays on plain GETs for the client's life, unless the failure
//     was the cancellation of the Get that asked for the list.
//
// The client decodes list elements into the same type as its GET, and its
// tests hold the two to be equal field for field, so what a Read returns,
// and what a plan shows, does not depend on where it came from.
package readcache

import (
	"context"
	"sync"
	"time"
)

// DefaultMaxAge is how long a list serves its objects when Options leave
// MaxAge out.
const DefaultMaxAge = 30 * time.Second

// Options configure a Cache.
type Options[K comparable, V any] struct {
	// List returns every object of the type, all pages.
	List func(ctx context.Context) ([]V, error)
	// Key returns an object's id, as Get is asked for it.
	Key func(V) K
	// PageSize is the most objects one page of the list holds, to count
	// the pages a list took; 0 means the list is not paged (one request).
	PageSize int
	// MaxAge bounds how long after its end a list serves its objects;
	// 0 means DefaultMaxAge.
	MaxAge time.Duration
	// Now is the clock MaxAge is measured with; nil means time.Now.
	Now func() time.Time
}

// Cache is the read cache of one object type of one client. It is safe for
// concurrent use. The zero value is not usable; call New.
type Cache[K comparable, V any] struct {
	list     func(ctx context.Context) ([]V, error)
	key      func(V) K
	pageSize int
	maxAge   time.Duration
	now      func() time.Time

	mu sync.Mutex
	// entries are the objects of the last list not served yet; listedAt
	// is when that list ended, listed whether there is one.
	entries  map[K]V
	listedAt time.Time
	listed   bool
	// gets counts the plain GETs sent since the last list; pages is the
	// number of pages, at least one, the last list took (one before any).
	gets  int
	pages int
	// written holds the ids written through the client.
	written map[K]struct{}
	// flight is the list in progress, if any.
	flight *flight
	// off is set once a list failed: every Get is then a plain GET.
	off bool

	stats Stats
}

// flight is a list in progress; done is closed when it ended, err then
// says whether it failed.
type flight struct {
	done chan struct{}
	err  error
}

// Stats counts what a Cache did.
type Stats struct {
	// Served is the number of Gets answered from a list.
	Served int
	// Fetched is the number of Gets answered by a plain GET.
	Fetched int
	// Lists is the number of lists taken, failed ones included.
	Lists int
}

// New returns a cache of the type opts.List lists.
func New[K comparable, V any](opts Options[K, V]) *Cache[K, V] {
	c := &Cache[K, V]{
		list:     opts.List,
		key:      opts.Key,
		pageSize: opts.PageSize,
		maxAge:   opts.MaxAge,
		now:      opts.Now,
		pages:    1,
		written:  map[K]struct{}{},
	}
	if c.maxAge <= 0 {
		c.maxAge = DefaultMaxAge
	}
	if c.now == nil {
		c.now = time.Now
	}
	return c
}

// Get returns the object id: from the current list when it holds the
// object and may serve it, else by get (the client's plain GET), possibly
// after listing the type first (see the package documentation).
func (c *Cache[K, V]) Get(ctx context.Context, id K, get func(context.Context) (V, error)) (V, error) {
	if v, ok := c.serve(ctx, id); ok {
		return v, nil
	}
	c.mu.Lock()
	c.stats.Fetched++
	c.mu.Unlock()
	return get(ctx)
}

// serve answers id from a list, listing first when the policy says so; ok
// is false when the caller must send a plain GET.
func (c *Cache[K, V]) serve(ctx context.Context, id K) (v V, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		if c.off || c.isWritten(id) {
			return v, false
		}
		fresh := c.listed && c.now().Sub(c.listedAt) <= c.maxAge
		if fresh {
			if v, ok = c.entries[id]; ok {
				delete(c.entries, id)
				c.stats.Served++
				return v, true
			}
			// Not listed, or served already: a plain GET says how it is now.
			return v, false
		}
		if c.flight != nil {
			f := c.flight
			c.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				c.mu.Lock()
				return v, false
			}
			c.mu.Lock()
			if f.err != nil {
				return v, false
			}
			continue
		}
		if c.gets < c.pages {
			c.gets++
			c.entries = nil // expired: serve nothing more of it
			return v, false
		}
		if !c.fetchList(ctx) {
			return v, false
		}
	}
}

// fetchList takes one list, the lock held on entry and on return but not
// while the list is fetched; it reports whether the list succeeded.
func (c *Cache[K, V]) fetchList(ctx context.Context) bool {
	f := &flight{done: make(chan struct{})}
	c.flight = f
	c.stats.Lists++
	c.mu.Unlock()
	vals, err := c.list(ctx)
	c.mu.Lock()
	c.flight = nil
	f.err = err
	close(f.done)
	c.gets = 0
	if err != nil {
		c.entries = nil
		c.listed = false
		// A list refused or broken stays so; one cancelled with its Get
		// says nothing about the next.
		if ctx.Err() == nil {
			c.off = true
		}
		return false
	}
	c.entries = make(map[K]V, len(vals))
	for _, v := range vals {
		k := c.key(v)
		if !c.isWritten(k) {
			c.entries[k] = v
		}
	}
	c.pages = 1
	if c.pageSize > 0 && len(vals) > c.pageSize {
		c.pages = (len(vals) + c.pageSize - 1) / c.pageSize
	}
	c.listedAt, c.listed = c.now(), true
	return true
}

func (c *Cache[K, V]) isWritten(id K) bool {
	_, ok := c.written[id]
	return ok
}

// Forget marks the object id written: it is never served from a list
// again. Clients call it before an update or a delete is sent, and after a
// create with the new id.
func (c *Cache[K, V]) Forget(id K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.written[id] = struct{}{}
	delete(c.entries, id)
}

// Stats returns what the cache did so far.
func (c *Cache[K, V]) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}
