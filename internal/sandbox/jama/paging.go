package jama

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Page is a requested window of a list, Jama style.
type Page struct {
	startAt    int
	maxResults int
}

// ParsePage reads startAt (default 0) and maxResults (default 20). As on
// Jama, a maxResults above 50 gets 50 results: the answer's
// pageInfo.resultCount tells the client how many came.
func ParsePage(q url.Values) (Page, error) {
	p := Page{startAt: 0, maxResults: defaultMaxResults}
	if v := q.Get("startAt"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return Page{}, kernel.NewAPIError(http.StatusBadRequest, "startAt must be an integer >= 0, got %q", v)
		}
		p.startAt = n
	}
	if v := q.Get("maxResults"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return Page{}, kernel.NewAPIError(http.StatusBadRequest, "maxResults must be a positive integer (at most %d results are returned), got %q", maxMaxResults, v)
		}
		p.maxResults = min(n, maxMaxResults)
	}
	return p, nil
}

// Paginate cuts the window p out of all and describes it.
func Paginate[T any](all []T, p Page) ([]T, *PageInfo) {
	start := min(p.startAt, len(all))
	end := min(start+p.maxResults, len(all))
	items := make([]T, end-start)
	copy(items, all[start:end])
	return items, &PageInfo{StartIndex: p.startAt, ResultCount: len(items), TotalResults: len(all)}
}
