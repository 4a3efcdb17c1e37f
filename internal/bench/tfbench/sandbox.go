package tfbench

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// Route keys of the sandbox stats the report uses.
const (
	routeGetConnector    = "GET /almsync/interchange-connectors/v1/connectors/{id}"
	routeDeleteConnector = "DELETE /almsync/interchange-connectors/v1/connectors/{id}"
	// routeListConnectors lists the connectors, page by page: what a
	// list-backed refresh asks instead of one GET per connector.
	routeListConnectors = "GET /almsync/interchange-connectors/v1/connectors"
	// routeDiscovery is the contract's discovery, asked once per run
	// before the first contract call.
	routeDiscovery = "GET /almsync/interchange-connectors/v1/contract"
)

// sandboxServer is the sandbox served in-process on a loopback port.
type sandboxServer struct {
	server *sandbox.Server
	http   *http.Server
	url    string
	served chan error
}

// startSandbox serves a fresh in-memory sandbox on 127.0.0.1.
func startSandbox() (*sandboxServer, error) {
	sb, err := sandbox.New(sandbox.Options{})
	if err != nil {
		return nil, fmt.Errorf("create sandbox: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen for the sandbox: %w", err)
	}
	s := &sandboxServer{
		server: sb,
		http:   &http.Server{Handler: sb.Handler(), ReadHeaderTimeout: 10 * time.Second},
		url:    "http://" + ln.Addr().String(),
		served: make(chan error, 1),
	}
	go func() { s.served <- s.http.Serve(ln) }()
	return s, nil
}

// requests counts the sandbox requests, of every product.
type requests struct {
	total       int64 // all product requests, those answered by fault injection included
	interchange int64 // Interchange requests: those of almsync_jama_connector, the only almsync type measured
	list        int64 // GET of the connector list
	getByID     int64 // GET of one Interchange connector: the refresh of one resource
	deleteByID  int64 // DELETE of one Interchange connector
	rateLimited int64 // answered 429 by the sandbox's rate limit
	discovery   int64 // GET of the contract's discovery document
}

// sub returns r minus an earlier count.
func (r requests) sub(before requests) requests {
	return requests{
		total:       r.total - before.total,
		interchange: r.interchange - before.interchange,
		list:        r.list - before.list,
		getByID:     r.getByID - before.getByID,
		deleteByID:  r.deleteByID - before.deleteByID,
		rateLimited: r.rateLimited - before.rateLimited,
		discovery:   r.discovery - before.discovery,
	}
}

// counts returns the request counters so far; counts are compared
// before and after a command rather than reset, because a reset would
// also drop the sandbox's data.
func (s *sandboxServer) counts() requests {
	st := s.server.Stats()
	ic := st.Products["interchange"]
	return requests{
		total:       st.Total,
		interchange: ic.Total,
		list:        ic.Routes[routeListConnectors],
		getByID:     ic.Routes[routeGetConnector],
		discovery:   ic.Routes[routeDiscovery],
		deleteByID:  ic.Routes[routeDeleteConnector],
		rateLimited: st.Faults.RateLimited,
	}
}

// setFaults replaces the sandbox's faults (the zero value turns them off).
func (s *sandboxServer) setFaults(f sandbox.Faults) error {
	if err := s.server.SetFaults(f); err != nil {
		return fmt.Errorf("set sandbox faults: %w", err)
	}
	return nil
}

// close stops serving and releases the sandbox.
func (s *sandboxServer) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.http.Shutdown(ctx)
	if serveErr := <-s.served; !errors.Is(serveErr, http.ErrServerClosed) {
		err = errors.Join(err, serveErr)
	}
	err = errors.Join(err, s.server.Close())
	if err != nil {
		return fmt.Errorf("stop sandbox: %w", err)
	}
	return nil
}
