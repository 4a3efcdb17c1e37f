package kernel

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// collection holds the records of one kind, keyed by sequential ids that
// start at 1 and are never reused. The zero value is an empty collection
// ready to use. A collection is not safe for concurrent use: the store's lock
// guards it.
type Collection[T any] struct {
	lastID int64
	items  map[int64]T
	order  []int64 // ids of items, ascending
}

// collectionJSON is the persisted form of a collection.
type collectionJSON[T any] struct {
	LastID int64       `json:"last_id"`
	Items  map[int64]T `json:"items"`
}

// insert assigns the next id, builds the record for it and stores it.
func (c *Collection[T]) Insert(build func(id int64) T) T {
	if c.items == nil {
		c.items = make(map[int64]T)
	}
	c.lastID++
	v := build(c.lastID)
	c.items[c.lastID] = v
	c.order = append(c.order, c.lastID)
	return v
}

// get returns the record with the given id.
func (c *Collection[T]) Get(id int64) (T, bool) {
	v, ok := c.items[id]
	return v, ok
}

// replace overwrites an existing record; it reports false when id is unknown.
func (c *Collection[T]) Replace(id int64, v T) bool {
	if _, ok := c.items[id]; !ok {
		return false
	}
	c.items[id] = v
	return true
}

// remove deletes a record; it reports false when id is unknown.
func (c *Collection[T]) Remove(id int64) bool {
	if _, ok := c.items[id]; !ok {
		return false
	}
	delete(c.items, id)
	if i, found := slices.BinarySearch(c.order, id); found {
		c.order = slices.Delete(c.order, i, i+1)
	}
	return true
}

// list returns every record in id order.
func (c *Collection[T]) List() []T {
	out := make([]T, 0, len(c.items))
	for _, id := range c.order {
		out = append(out, c.items[id])
	}
	return out
}

// find returns the id and record of the first record, in id order, that
// match accepts.
func (c *Collection[T]) Find(match func(id int64, v T) bool) (int64, T, bool) {
	for _, id := range c.order {
		if v := c.items[id]; match(id, v) {
			return id, v, true
		}
	}
	var zero T
	return 0, zero, false
}

// MarshalJSON writes the collection with its id counter.
func (c Collection[T]) MarshalJSON() ([]byte, error) {
	items := c.items
	if items == nil {
		items = map[int64]T{}
	}
	return json.Marshal(collectionJSON[T]{LastID: c.lastID, Items: items})
}

// UnmarshalJSON replaces the whole collection (it never merges with the
// records already present).
func (c *Collection[T]) UnmarshalJSON(b []byte) error {
	var in collectionJSON[T]
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	last := in.LastID
	for id := range in.Items {
		if id <= 0 {
			return fmt.Errorf("invalid record id %d", id)
		}
		last = max(last, id)
	}
	if in.Items == nil {
		in.Items = make(map[int64]T)
	}
	c.lastID, c.items, c.order = last, in.Items, slices.Sorted(maps.Keys(in.Items))
	return nil
}
