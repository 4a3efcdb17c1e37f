package jitterbit

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"strconv"
)

// listPageSize is the page size the client asks for.
const listPageSize = 100

// listAll fetches every page of a list of the provider's contract.
func listAll[T any](ctx context.Context, c *Client, op, path string, query url.Values) ([]T, error) {
	var all []T
	err := eachOf(ctx, c, op, path, query, func(item T) bool {
		all = append(all, item)
		return true
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// eachOf hands every item of a list of the provider's contract to yield,
// fetching one page of listPageSize at a time, and asks for no further
// page once yield returns false.
func eachOf[T any](ctx context.Context, c *Client, op, path string, query url.Values, yield func(T) bool) error {
	q := maps.Clone(query)
	if q == nil {
		q = url.Values{}
	}
	q.Set("pageSize", strconv.Itoa(listPageSize))
	seen := 0
	for page := 1; ; page++ {
		q.Set("page", strconv.Itoa(page))
		var p listPage[T]
		if err := c.contractCall(ctx, op, http.MethodGet, path, q, nil, &p); err != nil {
			return err
		}
		for _, item := range p.Items {
			if !yield(item) {
				return nil
			}
		}
		seen += len(p.Items)
		if len(p.Items) == 0 || seen >= p.Total {
			return nil
		}
	}
}
