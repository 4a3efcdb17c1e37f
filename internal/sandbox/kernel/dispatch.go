package kernel

import (
	"net/http"
	"strconv"
	"time"
)

// serveProduct returns the handler of one product: it strips the prefix,
// counts the request under its matched route, injects faults and hands the
// request to the product's multiplexer.
func (s *Server) serveProduct(p Product, mux *http.ServeMux) http.Handler {
	name := p.Name()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		_, pattern := mux.Handler(r)
		s.stats.count(name, routeKey(r.Method, pattern))

		plan := s.faults.plan(s.now(), r.Method+" /"+name+r.URL.Path)
		s.stats.countFault(plan)
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
			p.WriteError(sw, r, http.StatusTooManyRequests, "rate limit exceeded: retry after "+strconv.FormatInt(plan.retryAfter, 10)+"s")
		case plan.errorStatus != 0:
			note = " (injected error)"
			p.WriteError(sw, r, plan.errorStatus, "injected fault: the sandbox failed this request on purpose (error_rate)")
		case plan.drop:
			reqBody := s.captureIfRecording(r)
			buf := newBufferedResponse()
			mux.ServeHTTP(buf, r)
			s.recordExchange(name, r, reqBody, buf.status, buf.header, buf.body.Bytes())
			s.logf("sandbox: %s %s%s -> %d applied, connection dropped (mode %d)", r.Method, "/"+name, r.URL.Path, buf.status, plan.dropMode)
			if err := dropConnection(w, buf, plan.dropMode); err != nil {
				s.logf("sandbox: drop connection: %v", err)
			}
			return
		case s.record != nil:
			reqBody := captureRequest(r)
			tw := &teeWriter{statusWriter: sw}
			mux.ServeHTTP(tw, r)
			s.recordExchange(name, r, reqBody, sw.status(), sw.Header(), tw.buf.Bytes())
		default:
			mux.ServeHTTP(sw, r)
		}
		s.logf("sandbox: %s %s%s -> %d%s in %s", r.Method, "/"+name, r.URL.Path, sw.status(), note, time.Since(start).Round(time.Millisecond))
	})
	return http.StripPrefix("/"+name, h)
}

// captureIfRecording captures the request body when exchanges are recorded.
func (s *Server) captureIfRecording(r *http.Request) []byte {
	if s.record == nil {
		return nil
	}
	return captureRequest(r)
}

// recordExchange hands one answered exchange to Options.Record, if set.
func (s *Server) recordExchange(product string, r *http.Request, reqBody []byte, status int, header http.Header, body []byte) {
	if s.record == nil {
		return
	}
	s.record(Exchange{
		Product:        product,
		Method:         r.Method,
		Path:           r.URL.Path,
		RawQuery:       r.URL.RawQuery,
		RequestHeader:  r.Header.Clone(),
		RequestBody:    reqBody,
		Status:         status,
		ResponseHeader: header.Clone(),
		ResponseBody:   append([]byte(nil), body...),
	})
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
