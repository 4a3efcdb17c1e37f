package aqua

import (
	"context"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// adoptFunc looks for the object a create was meant to make. It reports
// whether it exists and, if so, stores it where the create's answer would
// have gone.
type adoptFunc func(ctx context.Context) (found bool, err error)

// create posts body to path and decodes the answer into out (nil: ignore
// the answer). When the answer is lost (a transport failure or a 5xx, see
// api.IsAmbiguous) the create may have happened anyway; adopt then looks
// the object up, so that it is adopted rather than created twice, and the
// create is posted again only when the object is not there (api.CreateOnce).
func (c *Client) create(ctx context.Context, op, path string, body, out any, adopt adoptFunc) error {
	post := func(ctx context.Context) error { return c.call(ctx, op, http.MethodPost, path, nil, body, out) }
	var find func(context.Context) (bool, error)
	if adopt != nil {
		find = func(ctx context.Context) (bool, error) { return adopt(ctx) }
	}
	return api.CreateOnce(ctx, post, find)
}
