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
	q := maps.Clone(query)
	if q == nil {
		q = url.Values{}
	}
	q.Set("pageSize", strconv.Itoa(listPageSize))
	var all []T
	for page := 1; ; page++ {
		q.Set("page", strconv.Itoa(page))
		var p listPage[T]
		if err := c.contractCall(ctx, op, http.MethodGet, path, q, nil, &p); err != nil {
			return nil, err
		}
		all = append(all, p.Items...)
		if len(p.Items) == 0 || len(all) >= p.Total {
			return all, nil
		}
	}
}
