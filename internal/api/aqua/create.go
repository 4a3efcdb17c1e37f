package aqua

import (
	"context"
	"net/http"
	"net/url"
)

// poster returns a function that POSTs body to path and decodes the answer
// into out (nil: ignore the answer), for api.CreateOnce: when a create's
// answer is lost (a transport failure or a 5xx, see api.IsAmbiguous) the
// create may have happened anyway, so CreateOnce looks the object up
// before it posts again, and the object is adopted rather than created
// twice.
func (c *Client) poster(op, path string, query url.Values, body, out any) func(context.Context) error {
	return func(ctx context.Context) error { return c.call(ctx, op, http.MethodPost, path, query, body, out) }
}
