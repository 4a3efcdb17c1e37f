package transport

import (
	"errors"
	"fmt"
	"time"
)

// Defaults applied by [New] to zero fields of [Config]. DefaultMaxRetries is
// the value the provider uses; a zero Config.MaxRetries means no retry.
const (
	DefaultMaxRetries     = 5
	DefaultRequestTimeout = 30 * time.Second
	DefaultRetryWaitMin   = 1 * time.Second
	DefaultRetryWaitMax   = 30 * time.Second
	DefaultMaxBodyBytes   = 16 << 20
)

// Config configures one Client (one per product).
type Config struct {
	// Product is the product name used in logs and errors, e.g. "Jama".
	Product string
	// Version is the provider version; the User-Agent is
	// "terraform-provider-almsync/<Version>" ("dev" when empty).
	Version string
	// CACertPEM holds optional extra trusted CA certificates (PEM), added
	// to the system roots.
	CACertPEM string
	// InsecureSkipVerify disables verification of server certificates.
	// Rarely appropriate; default false.
	InsecureSkipVerify bool
	// MaxRetries is the number of retries of one request (0 = no retry).
	MaxRetries int
	// RequestTimeout limits one attempt, response body included; 0 = 30s.
	RequestTimeout time.Duration
	// RetryWaitMin is the first back-off step when the server gives no
	// hint; 0 = 1s. It is lowered to RetryWaitMax when larger.
	RetryWaitMin time.Duration
	// RetryWaitMax caps one back-off wait, server hints included; 0 = 30s.
	RetryWaitMax time.Duration
	// MaxBodyBytes caps the size of a response body; 0 = 16 MiB.
	MaxBodyBytes int64
}

// withDefaults checks cfg and returns it with zero fields set to defaults.
func (cfg Config) withDefaults() (Config, error) {
	var errs []error
	if cfg.MaxRetries < 0 {
		errs = append(errs, fmt.Errorf("MaxRetries must not be negative, got %d", cfg.MaxRetries))
	}
	if cfg.RequestTimeout < 0 {
		errs = append(errs, fmt.Errorf("RequestTimeout must not be negative, got %s", cfg.RequestTimeout))
	}
	if cfg.RetryWaitMin < 0 {
		errs = append(errs, fmt.Errorf("RetryWaitMin must not be negative, got %s", cfg.RetryWaitMin))
	}
	if cfg.RetryWaitMax < 0 {
		errs = append(errs, fmt.Errorf("RetryWaitMax must not be negative, got %s", cfg.RetryWaitMax))
	}
	if cfg.MaxBodyBytes < 0 {
		errs = append(errs, fmt.Errorf("MaxBodyBytes must not be negative, got %d", cfg.MaxBodyBytes))
	}
	if err := errors.Join(errs...); err != nil {
		return cfg, err
	}

	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	if cfg.RequestTimeout == 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.RetryWaitMin == 0 {
		cfg.RetryWaitMin = DefaultRetryWaitMin
	}
	if cfg.RetryWaitMax == 0 {
		cfg.RetryWaitMax = DefaultRetryWaitMax
	}
	if cfg.RetryWaitMin > cfg.RetryWaitMax {
		cfg.RetryWaitMin = cfg.RetryWaitMax
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	return cfg, nil
}

// userAgent returns the User-Agent header value for cfg.
func (cfg Config) userAgent() string {
	return "terraform-provider-almsync/" + cfg.Version
}
