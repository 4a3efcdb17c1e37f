package contracttest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"sync"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
)

// replay is an HTTP server that answers each golden example's request
// (matched by method and path) with its golden answer, after checking the
// request's body against the golden one. Requests no example matches go to
// other, or fail the test.
type replay struct {
	t       *testing.T
	goldens []contracttest.Golden
	other   http.HandlerFunc

	mu       sync.Mutex
	requests []*http.Request
}

// serveGoldens starts a replay of goldens, closed when the test ends.
func serveGoldens(t *testing.T, other http.HandlerFunc, goldens ...contracttest.Golden) (*httptest.Server, *replay) {
	t.Helper()
	r := &replay{t: t, goldens: goldens, other: other}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv, r
}

func (r *replay) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		r.t.Errorf("reading %s %s: %v", req.Method, req.URL.Path, err)
		return
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.requests = append(r.requests, req.Clone(req.Context()))
	r.mu.Unlock()
	for _, g := range r.goldens {
		if g.Request.Method != req.Method || g.Request.Path != req.URL.Path {
			continue
		}
		want, err := g.Request.BodyBytes()
		if err != nil {
			r.t.Errorf("golden %s: %v", g.Name(), err)
		}
		if !sameBody(want, body, req.Header.Get("Content-Type")) {
			r.t.Errorf("%s: the client sent body %s, the documentation's example is %s", g.Name(), body, want)
		}
		respBody, err := g.Response.BodyBytes()
		if err != nil {
			r.t.Errorf("golden %s: %v", g.Name(), err)
		}
		for k, v := range g.Response.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(g.Response.Status)
		_, _ = w.Write(respBody)
		return
	}
	if r.other != nil {
		r.other(w, req)
		return
	}
	r.t.Errorf("the client sent %s %s, which no golden example answers", req.Method, req.URL.Path)
	http.Error(w, "no golden example", http.StatusNotFound)
}

// requestsTo returns the requests received for path.
func (r *replay) requestsTo(path string) []*http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []*http.Request
	for _, req := range r.requests {
		if req.URL.Path == path {
			out = append(out, req)
		}
	}
	return out
}

// sameBody compares two bodies by meaning: JSON as values, forms as
// values, anything else byte for byte.
func sameBody(want, got []byte, contentType string) bool {
	if len(want) == 0 || len(got) == 0 {
		return len(want) == len(got)
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/json":
		var a, b any
		return json.Unmarshal(want, &a) == nil && json.Unmarshal(got, &b) == nil && reflect.DeepEqual(a, b)
	case "application/x-www-form-urlencoded":
		a, errA := url.ParseQuery(string(want))
		b, errB := url.ParseQuery(string(got))
		return errA == nil && errB == nil && reflect.DeepEqual(a, b)
	default:
		return bytes.Equal(want, got)
	}
}

// transportFor returns a transport client without retries.
func transportFor(t *testing.T, product string) *transport.Client {
	t.Helper()
	tc, err := transport.New(transport.Config{Product: product})
	if err != nil {
		t.Fatal(err)
	}
	return tc
}

// responseData decodes a golden answer's body (at the dot-separated path)
// into a generic value, the documentation's view of it.
func responseData(t *testing.T, g contracttest.Golden, path ...string) map[string]any {
	t.Helper()
	var v any
	if err := json.Unmarshal(g.Response.Body, &v); err != nil {
		t.Fatalf("golden %s: %v", g.Name(), err)
	}
	for _, key := range path {
		obj, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("golden %s: no object at %q", g.Name(), key)
		}
		v = obj[key]
	}
	obj, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("golden %s: %v is not an object", g.Name(), path)
	}
	return obj
}

// mustGolden loads a golden example.
func mustGolden(t *testing.T, product, operation string) contracttest.Golden {
	t.Helper()
	g, err := contracttest.LoadGolden(product, operation)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// str and num read documented members of a generic object.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func num(m map[string]any, key string) int64 {
	f, _ := m[key].(float64)
	return int64(f)
}
