package kernel

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
)

// bufferedResponse collects a handler's answer so that it can be discarded
// or cut short.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newBufferedResponse() *bufferedResponse {
	return &bufferedResponse{header: make(http.Header)}
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// Drop modes: how much of the answer reaches the client before the close.
const (
	dropNothing    = iota // close without writing a byte
	dropStatusLine        // a cut status line
	dropPartBody          // status line, headers, then part of the body
	dropModes
)

// dropConnection hijacks the connection behind w, writes part of the
// buffered answer according to mode and closes it. When the connection
// cannot be hijacked (HTTP/2), it aborts the response the way net/http
// provides for that, by panicking with http.ErrAbortHandler, which the
// server recovers.
func dropConnection(w http.ResponseWriter, resp *bufferedResponse, mode int) error {
	conn, rw, err := http.NewResponseController(w).Hijack()
	if errors.Is(err, http.ErrNotSupported) {
		panic(http.ErrAbortHandler)
	}
	if err != nil {
		return fmt.Errorf("hijack connection: %w", err)
	}
	defer conn.Close()
	status := resp.status
	if status == 0 {
		status = http.StatusOK
	}
	statusLine := fmt.Sprintf("HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	if mode == dropPartBody && resp.body.Len() < 2 {
		mode = dropStatusLine
	}
	switch mode {
	case dropStatusLine:
		_, _ = rw.WriteString(statusLine[:len(statusLine)/2])
	case dropPartBody:
		h := resp.header.Clone()
		h.Set("Content-Length", fmt.Sprint(resp.body.Len()))
		h.Set("Connection", "close")
		_, _ = rw.WriteString(statusLine)
		_ = h.Write(rw)
		_, _ = rw.WriteString("\r\n")
		_, _ = rw.Write(resp.body.Bytes()[:resp.body.Len()/2])
	}
	return rw.Flush()
}
