package aqua

import (
	"context"
	"fmt"
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
// the object up, so that it is adopted rather than created twice. When it
// is not found, the original error is returned.
func (c *Client) create(ctx context.Context, op, path string, body, out any, adopt adoptFunc) error {
	err := c.call(ctx, op, http.MethodPost, path, nil, body, out)
	if err == nil || adopt == nil || !api.IsAmbiguous(err) {
		return err
	}
	found, lookupErr := adopt(ctx)
	switch {
	case lookupErr != nil:
		// Only the create's error is wrapped: callers test what the create
		// got, not what the lookup got.
		return fmt.Errorf("%w (looking for the object afterwards failed too: %v)", err, lookupErr) //nolint:errorlint // lookupErr is context only
	case !found:
		return err
	}
	return nil
}
