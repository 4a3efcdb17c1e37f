package conntest

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// connTestRoots returns the system roots plus the certificates of
// trustedPEM, or nil (the system roots alone) when trustedPEM is blank. It
// fails when a CERTIFICATE block does not parse or there is none.
func connTestRoots(trustedPEM string) (*x509.CertPool, error) {
	if strings.TrimSpace(trustedPEM) == "" {
		return nil, nil
	}
	var certs []*x509.Certificate
	rest := []byte(trustedPEM)
	for n := 1; ; n++ {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("PEM block %d is not a valid certificate: %w", n, err)
		}
		certs = append(certs, cert)
	}
	if len(certs) == 0 {
		return nil, errors.New("no PEM-encoded CERTIFICATE block found")
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	for _, c := range certs {
		pool.AddCert(c)
	}
	return pool, nil
}

// tlsConfig is the TLS configuration of a test: TLS 1.2 at least,
// the tester's roots, and verification unless verify is false.
func (t Tester) tlsConfig(verify bool) *tls.Config {
	return &tls.Config{
		MinVersion:         tls.VersionTLS12,
		RootCAs:            t.roots,
		InsecureSkipVerify: !verify, //nolint:gosec // only for a connector saved with verifySsl=false
	}
}

// describeTLSFailure is the detail of a failed tls check: the certificate
// error itself, with what to do about an unknown authority.
func describeTLSFailure(err error) string {
	msg := err.Error()
	var verifyErr *tls.CertificateVerificationError
	if errors.As(err, &verifyErr) && verifyErr.Err != nil {
		msg = verifyErr.Err.Error()
	}
	var unknown x509.UnknownAuthorityError
	if errors.As(err, &unknown) {
		msg += "; if the server uses a private CA, trust it with the provider's ca_cert_pem"
	}
	return msg
}

// describeTLSSuccess is the detail of a tls check that succeeded.
func describeTLSSuccess(state tls.ConnectionState, verified bool) string {
	if !verified {
		return "verification disabled (verify_ssl = false)"
	}
	detail := "certificate verified, " + tls.VersionName(state.Version)
	if len(state.PeerCertificates) > 0 {
		leaf := state.PeerCertificates[0]
		detail += fmt.Sprintf(" (subject %q, issuer %q)", leaf.Subject.String(), leaf.Issuer.String())
	}
	return detail
}
