package kernel

import (
	"bytes"
	"io"
	"net/http"
)

// Exchange is one request a product answered and its answer, as the wire
// carried them. Path is below the product's prefix.
type Exchange struct {
	Product        string
	Method         string
	Path           string
	RawQuery       string
	RequestHeader  http.Header
	RequestBody    []byte
	Status         int
	ResponseHeader http.Header
	ResponseBody   []byte
}

// captureRequest reads the request body (at most MaxBodyBytes and one byte
// more, so an oversized body still fails in the product) and puts a copy
// back for the product to read.
func captureRequest(r *http.Request) []byte {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	if err != nil {
		data = nil
	}
	rest := r.Body
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(data), rest), rest}
	return data
}

// teeWriter keeps a copy of what a product writes.
type teeWriter struct {
	*statusWriter
	buf bytes.Buffer
}

func (w *teeWriter) Write(p []byte) (int, error) {
	if w.buf.Len() < MaxBodyBytes {
		w.buf.Write(p)
	}
	return w.statusWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *teeWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
