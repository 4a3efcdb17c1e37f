package kernel

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/netip"
)

// controlPrefix is where the control endpoints live.
const controlPrefix = "/_sandbox/"

// controlHandler serves the control endpoints, to loopback clients only:
//
//	GET  /_sandbox/stats   request counters (Stats), with injected faults by kind
//	POST /_sandbox/reset   seeded data back, stats cleared; 204
//	GET  /_sandbox/faults  faults in effect, with the seed in use
//	PUT  /_sandbox/faults  replace the faults (a Faults object; seed 0 or
//	                       none chooses one); 200 with the faults in
//	                       effect, or 400
func (s *Server) controlHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_sandbox/stats", func(w http.ResponseWriter, r *http.Request) {
		WriteJSON(w, http.StatusOK, s.Stats())
	})
	mux.HandleFunc("POST /_sandbox/reset", func(w http.ResponseWriter, r *http.Request) {
		if err := s.reset(); err != nil {
			writeControlError(w, http.StatusInternalServerError, err.Error())
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /_sandbox/faults", func(w http.ResponseWriter, r *http.Request) {
		WriteJSON(w, http.StatusOK, s.Faults())
	})
	mux.HandleFunc("PUT /_sandbox/faults", func(w http.ResponseWriter, r *http.Request) {
		var f Faults
		if err := DecodeJSON(w, r, &f, true); err != nil {
			writeControlError(w, http.StatusBadRequest, err.Error())
			return
		}
		if err := s.SetFaults(f); err != nil {
			writeControlError(w, http.StatusBadRequest, err.Error())
			return
		}
		WriteJSON(w, http.StatusOK, s.Faults())
	})
	return loopbackOnly(mux)
}

// loopbackOnly answers 403 to clients whose remote address is not loopback.
func loopbackOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isLoopback(r.RemoteAddr) {
			writeControlError(w, http.StatusForbidden, "control endpoints answer loopback clients only")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// isLoopback reports whether a remote address ("host:port" or bare host) is
// a loopback address.
func isLoopback(remoteAddr string) bool {
	host := remoteAddr
	if h, _, err := net.SplitHostPort(remoteAddr); err == nil {
		host = h
	}
	addr, err := netip.ParseAddr(host)
	return err == nil && addr.Unmap().IsLoopback()
}

// controlError is the body of control endpoint errors.
type controlError struct {
	Error string `json:"error"`
}

func writeControlError(w http.ResponseWriter, status int, message string) {
	WriteJSON(w, status, controlError{Error: message})
}

// writeJSON answers status with v encoded as JSON.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "encode response: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", fmt.Sprint(len(body)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
