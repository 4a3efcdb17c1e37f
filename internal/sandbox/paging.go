package sandbox

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// page is a requested window of a list, Jama style.
type page struct {
	startAt    int
	maxResults int
}

// parsePage reads startAt (default 0) and maxResults (default
// jama.DefaultMaxResults). A maxResults above jama.MaxMaxResults is
// rejected with 400 rather than clamped, so a client asking for more than
// it can get learns it at once.
func parsePage(q url.Values) (page, error) {
	p := page{startAt: 0, maxResults: jama.DefaultMaxResults}
	if v := q.Get("startAt"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return page{}, newAPIError(http.StatusBadRequest, "startAt must be an integer >= 0, got %q", v)
		}
		p.startAt = n
	}
	if v := q.Get("maxResults"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > jama.MaxMaxResults {
			return page{}, newAPIError(http.StatusBadRequest, "maxResults must be an integer between 1 and %d, got %q", jama.MaxMaxResults, v)
		}
		p.maxResults = n
	}
	return p, nil
}

// paginate cuts the window p out of all and describes it.
func paginate[T any](all []T, p page) ([]T, *jama.PageInfo) {
	start := min(p.startAt, len(all))
	end := min(start+p.maxResults, len(all))
	items := make([]T, end-start)
	copy(items, all[start:end])
	return items, &jama.PageInfo{StartIndex: p.startAt, ResultCount: len(items), TotalResults: len(all)}
}
