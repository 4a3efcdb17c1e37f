package conntest

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Limits of one connection test.
const (
	connTestTimeout = 5 * time.Second // one request, body included; one dial; one handshake
	connTestMaxBody = 1 << 20         // bytes of an answer read
)

// connProbe is the HTTP client of one test: fresh, with no proxy and no
// connections shared with other tests, trusting the tester's roots. It
// records how its latest connection attempt went, so that a failed request
// can be told apart: no TCP connection (reachability), a refused
// certificate (tls), or no HTTP answer on an established connection.
type connProbe struct {
	client    *http.Client
	transport *http.Transport
	verify    bool // certificates are verified

	mu   sync.Mutex
	last connDial
}

// connDial is how one connection attempt went.
type connDial struct {
	addr     string // host:port dialled
	tcpErr   error  // the TCP connection failed
	tlsTried bool   // a TLS handshake was made
	tlsErr   error  // the handshake failed
	tlsState tls.ConnectionState
}

// connAnswer is an HTTP answer, its body read.
type connAnswer struct {
	status     int
	retryAfter string // the Retry-After header, if any
	body       []byte
}

// newProbe returns the client of one test. With verify false, server
// certificates are not verified.
func (t Tester) newProbe(verify bool) *connProbe {
	p := &connProbe{verify: verify}
	dialer := &net.Dialer{Timeout: connTestTimeout}
	cfg := t.tlsConfig(verify)
	p.transport = &http.Transport{
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			p.record(connDial{addr: addr, tcpErr: err})
			return conn, err
		},
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return p.dialTLS(ctx, dialer, cfg, network, addr)
		},
		ResponseHeaderTimeout: connTestTimeout,
		MaxIdleConnsPerHost:   1,
	}
	p.client = &http.Client{Transport: p.transport, Timeout: connTestTimeout}
	return p
}

// dialTLS connects and makes the TLS handshake, recording each step.
func (p *connProbe) dialTLS(ctx context.Context, dialer *net.Dialer, cfg *tls.Config, network, addr string) (net.Conn, error) {
	raw, err := dialer.DialContext(ctx, network, addr)
	if err != nil {
		p.record(connDial{addr: addr, tcpErr: err})
		return nil, err
	}
	cfg = cfg.Clone()
	if host, _, splitErr := net.SplitHostPort(addr); splitErr == nil {
		cfg.ServerName = host
	}
	conn := tls.Client(raw, cfg)
	hsCtx, cancel := context.WithTimeout(ctx, connTestTimeout)
	defer cancel()
	if err := conn.HandshakeContext(hsCtx); err != nil {
		_ = raw.Close()
		p.record(connDial{addr: addr, tlsTried: true, tlsErr: err})
		return nil, err
	}
	p.record(connDial{addr: addr, tlsTried: true, tlsState: conn.ConnectionState()})
	return conn, nil
}

// record keeps d as the latest connection attempt.
func (p *connProbe) record(d connDial) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = d
}

// lastDial returns the latest connection attempt; the zero value when none
// was made.
func (p *connProbe) lastDial() connDial {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

// close releases the probe's idle connections.
func (p *connProbe) close() { p.transport.CloseIdleConnections() }

// get sends GET target with creds.
func (p *connProbe) get(ctx context.Context, target string, creds Credentials) (connAnswer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return connAnswer{}, err
	}
	return p.send(req, creds)
}

// postForm sends POST target with form as its body and creds.
func (p *connProbe) postForm(ctx context.Context, target string, form url.Values, creds Credentials) (connAnswer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, strings.NewReader(form.Encode()))
	if err != nil {
		return connAnswer{}, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.send(req, creds)
}

// send sends req with creds and reads the answer.
func (p *connProbe) send(req *http.Request, creds Credentials) (connAnswer, error) {
	req.Header.Set("Accept", "application/json")
	creds.apply(req)
	resp, err := p.client.Do(req)
	if err != nil {
		return connAnswer{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, connTestMaxBody))
	if err != nil {
		return connAnswer{}, err
	}
	return connAnswer{status: resp.StatusCode, retryAfter: resp.Header.Get("Retry-After"), body: body}, nil
}

// reach makes the first request of a test, GET target without
// credentials, and records the reachability check and, when a TLS
// handshake was made, the tls check. A refused certificate comes after a
// TCP connection that succeeded, so it is reported as reachability
// succeeded and tls failed. reach reports whether the target answered.
func (r *connTestRun) reach(ctx context.Context, p *connProbe, target string) (connAnswer, bool) {
	answer, err := p.get(ctx, target, Credentials{})
	dial := p.lastDial()
	switch {
	case err == nil:
		r.pass(CheckReachability, describeHTTPAnswer(answer.status, target))
		if dial.tlsTried {
			r.pass(CheckTLS, describeTLSSuccess(dial.tlsState, p.verify))
		}
		return answer, true
	case dial.tcpErr != nil:
		r.fail(CheckReachability, dial.tcpErr.Error())
	case dial.tlsErr != nil:
		r.pass(CheckReachability, "TCP connection established to "+dial.addr)
		r.fail(CheckTLS, describeTLSFailure(dial.tlsErr))
	default:
		r.fail(CheckReachability, describeRequestFailure(err))
	}
	return connAnswer{}, false
}

// describeHTTPAnswer is the detail of a reachability check that got an
// answer.
func describeHTTPAnswer(status int, target string) string {
	path := target
	if u, err := url.Parse(target); err == nil {
		path = u.Path
	}
	return fmt.Sprintf("HTTP %d from GET %s", status, path)
}

// describeRequestFailure is the detail of a request that got no HTTP
// answer, without the *url.Error layer that repeats the URL.
func describeRequestFailure(err error) string {
	var urlErr *url.Error
	if errors.As(err, &urlErr) && urlErr.Err != nil {
		err = urlErr.Err
	}
	return "no HTTP answer: " + err.Error()
}
