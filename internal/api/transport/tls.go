package transport

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"strings"
)

// newTLSConfig returns the TLS settings of a Client: the system roots plus
// the certificates in caPEM, and TLS 1.2 at least.
func newTLSConfig(caPEM string, insecure bool) (*tls.Config, error) {
	cfg := &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: insecure, //nolint:gosec // opt-in, documented on Config
	}
	if strings.TrimSpace(caPEM) == "" {
		return cfg, nil
	}
	certs, err := parseCACerts(caPEM)
	if err != nil {
		return nil, err
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	for _, c := range certs {
		pool.AddCert(c)
	}
	cfg.RootCAs = pool
	return cfg, nil
}

// parseCACerts decodes every CERTIFICATE block of data. It fails when a
// block does not parse or when there is no certificate at all.
func parseCACerts(data string) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	rest := []byte(data)
	for n := 1; ; n++ {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("%w: PEM block %d: %w", ErrInvalidCACert, n, err)
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		return nil, fmt.Errorf("%w: no PEM-encoded CERTIFICATE block found", ErrInvalidCACert)
	}
	return certs, nil
}
