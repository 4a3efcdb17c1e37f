package kernel

import "net/http"

// HandlerFunc is a product handler that returns its failure instead of
// writing it. A handler that has written an answer returns nil.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Errors adapts h to net/http: an error h returns is answered in p's own
// error format, with an APIError's status and message (500 for any other
// error), so every handler of every product fails the same way.
func Errors(p Product, h HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			status, message := StatusOf(err)
			p.WriteError(w, r, status, message)
		}
	}
}
