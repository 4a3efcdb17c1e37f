package transport

import (
	"context"
	"crypto/tls"
	"encoding/pem"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// tlsServer starts an HTTPS server with its own self-signed certificate.
func tlsServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	hits := new(atomic.Int32)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(_ http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // handshake failures are expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv, hits
}

func certPEM(srv *httptest.Server) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}))
}

func TestCACertPEM(t *testing.T) {
	srv, hits := tlsServer(t)

	t.Run("unknown CA fails without retry", func(t *testing.T) {
		c := newTestClient(t, nil)
		_, err := c.Do(context.Background(), &Request{URL: srv.URL})
		if err == nil {
			t.Fatal("Do succeeded against an untrusted certificate")
		}
		if !IsCertificateError(err) {
			t.Errorf("error = %v, want a certificate verification error", err)
		}
		if reqErr := asRequestError(t, err); reqErr.Attempts != 1 || reqErr.Exhausted {
			t.Errorf("Attempts = %d, Exhausted = %v; want 1, false", reqErr.Attempts, reqErr.Exhausted)
		}
		if got := hits.Load(); got != 0 {
			t.Errorf("server hits = %d, want 0", got)
		}
	})

	t.Run("trusted with CACertPEM", func(t *testing.T) {
		c := newTestClient(t, func(cfg *Config) { cfg.CACertPEM = "leading text\n" + certPEM(srv) })
		resp, err := c.Do(context.Background(), &Request{URL: srv.URL})
		if err != nil {
			t.Fatalf("Do: %v", err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Errorf("status = %d, want 200", resp.StatusCode)
		}
		hresp, err := c.HTTPClient().Get(srv.URL)
		if err != nil {
			t.Fatalf("HTTPClient().Get: %v", err)
		}
		_ = hresp.Body.Close()
	})
}

func TestInvalidCACertPEM(t *testing.T) {
	for name, pemText := range map[string]string{
		"not PEM":         "hello",
		"no certificate":  "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
		"bad certificate": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := New(Config{Product: "Jama", CACertPEM: pemText})
			if !errors.Is(err, ErrInvalidCACert) {
				t.Fatalf("error = %v, want ErrInvalidCACert", err)
			}
			if want := "Jama: CA certificates: invalid CA certificate PEM"; len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
				t.Errorf("error = %q, want prefix %q", err, want)
			}
		})
	}
}

func TestTLSConfigMinimumVersion(t *testing.T) {
	cfg, err := newTLSConfig("", false)
	if err != nil {
		t.Fatalf("newTLSConfig: %v", err)
	}
	if cfg.MinVersion != tls.VersionTLS12 {
		t.Errorf("MinVersion = %x, want TLS 1.2", cfg.MinVersion)
	}
	if cfg.InsecureSkipVerify {
		t.Error("InsecureSkipVerify set by default")
	}
}
