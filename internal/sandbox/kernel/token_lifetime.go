package kernel

import (
	"fmt"
	"time"
)

// MinTokenLifetime is the shortest accepted Options.TokenLifetime: the
// products state lifetimes in whole seconds.
const MinTokenLifetime = time.Second

// validTokenLifetime checks an Options.TokenLifetime.
func validTokenLifetime(d time.Duration) error {
	if d != 0 && d < MinTokenLifetime {
		return fmt.Errorf("token lifetime must be at least %s (or 0 for the products' real lifetimes), got %s", MinTokenLifetime, d)
	}
	return nil
}
