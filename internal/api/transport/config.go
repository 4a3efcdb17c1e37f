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
	// DefaultRateLimitWait bounds the time one request waits for 429
	// answers to pass.
	DefaultRateLimitWait = 5 * time.Minute
)

// JamaBackoff is the back-off schedule Jama documents for its REST API
// when an answer carries no Retry-After: about 3, 5, 8 and 13 seconds, the
// last repeated.
var JamaBackoff = []time.Duration{3 * time.Second, 5 * time.Second, 8 * time.Second, 13 * time.Second}

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
	// MaxRetries is the number of retries of one request after 5xx answers
	// and transport failures (0 = no retry). Waits for 429 answers do not
	// count against it.
	MaxRetries int
	// RateLimitWait bounds the total time one request waits for 429
	// answers (Retry-After) before it fails; 0 = 5 minutes.
	RateLimitWait time.Duration
	// Backoff, when set, is the schedule of waits before the retries of a
	// failure without a server hint (the last step repeats); otherwise
	// waits grow exponentially from RetryWaitMin to RetryWaitMax.
	Backoff []time.Duration
	// Pacer, when set, spaces the requests; share one Pacer between the
	// Clients of one product endpoint.
	Pacer *Pacer
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
	if cfg.RateLimitWait < 0 {
		errs = append(errs, fmt.Errorf("RateLimitWait must not be negative, got %s", cfg.RateLimitWait))
	}
	for _, d := range cfg.Backoff {
		if d <= 0 {
			errs = append(errs, fmt.Errorf("every step of the back-off schedule must be positive, got %s", d))
			break
		}
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
	if cfg.RateLimitWait == 0 {
		cfg.RateLimitWait = DefaultRateLimitWait
	}
	return cfg, nil
}

// userAgent returns the User-Agent header value for cfg.
func (cfg Config) userAgent() string {
	return "terraform-provider-almsync/" + cfg.Version
}
