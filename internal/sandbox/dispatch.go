package sandbox

import (
	"net/http"
	"strconv"
	"time"
)

// serveProduct returns the handler of one product: it strips the prefix,
// counts the request under its matched route, injects faults and hands the
// request to the product's multiplexer.
func (s *Server) serveProduct(p product, mux *http.ServeMux) http.Handler {
	name := p.name()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		_, pattern := mux.Handler(r)
		s.stats.count(name, routeKey(r.Method, pattern))

		plan := s.faults.plan(s.clock())
		if plan.latency > 0 {
			t := time.NewTimer(plan.latency)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		sw := &statusWriter{ResponseWriter: w}
		note := ""
		switch {
		case plan.retryAfter > 0:
			note = " (rate limited)"
			sw.Header().Set("Retry-After", strconv.FormatInt(plan.retryAfter, 10))
			p.writeError(sw, r, http.StatusTooManyRequests, "rate limit exceeded: retry after "+strconv.FormatInt(plan.retryAfter, 10)+"s")
		case plan.errorStatus != 0:
			note = " (injected error)"
			p.writeError(sw, r, plan.errorStatus, "injected fault: the sandbox failed this request on purpose (error_rate)")
		case plan.drop:
			buf := newBufferedResponse()
			mux.ServeHTTP(buf, r)
			mode := randomDropMode()
			s.logf("sandbox: %s %s%s -> %d applied, connection dropped (mode %d)", r.Method, "/"+name, r.URL.Path, buf.status, mode)
			if err := dropConnection(w, buf, mode); err != nil {
				s.logf("sandbox: drop connection: %v", err)
			}
			return
		default:
			mux.ServeHTTP(sw, r)
		}
		s.logf("sandbox: %s %s%s -> %d%s in %s", r.Method, "/"+name, r.URL.Path, sw.status(), note, time.Since(start).Round(time.Millisecond))
	})
	return http.StripPrefix("/"+name, h)
}

// statusWriter remembers the status code written through it.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) status() int {
	if w.code == 0 {
		return http.StatusOK
	}
	return w.code
}
