package api

import (
	"context"
	"errors"
	"fmt"
)

// CreateOnce makes sure a create is applied exactly once although answers
// may be lost. post sends the create; find looks for the object it makes
// (by its unique name) and, when found, records it as post would have.
//
// When post fails ambiguously (IsAmbiguous: a transport failure or a 5xx
// answer), the create may or may not have happened: find decides. Found,
// the object is adopted. Not found, the create was not applied, so posting
// again cannot duplicate it. A conflict on a repeated post means an earlier
// attempt did land after all: the object is looked up and adopted.
//
// A create whose answer was lost is posted again at most retries times,
// the budget the transport gives any one request (the provider's
// max_retries): each repeat is as safe as a retry of an idempotent request,
// since find has shown the earlier one was not applied.
func CreateOnce(ctx context.Context, retries int, post func(context.Context) error, find func(context.Context) (bool, error)) error {
	for attempt := 1; ; attempt++ {
		err := post(ctx)
		ambiguous := IsAmbiguous(err) || (attempt > 1 && errors.Is(err, ErrConflict))
		if err == nil || find == nil || !ambiguous {
			return err
		}
		found, findErr := find(ctx)
		switch {
		case findErr != nil:
			// Only the create's error is wrapped: callers test what the
			// create got; the lookup's failure is context.
			return fmt.Errorf("%w (looking for the object afterwards failed too: %v)", err, findErr) //nolint:errorlint // context only
		case found:
			return nil
		case attempt > retries || ctx.Err() != nil:
			return err
		}
	}
}
