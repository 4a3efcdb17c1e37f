package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jama"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

// notesProduct is a minimal product: it shows what adding one takes.
type notesProduct struct {
	state *kernel.State[notesState]
}

type notesState struct {
	Notes kernel.Collection[record] `json:"notes"`
}

func (p *notesProduct) Name() string { return "notes" }

func (p *notesProduct) Register(env *kernel.Env) error {
	st, err := kernel.NewState(env, func() *notesState { return &notesState{} })
	if err != nil {
		return err
	}
	p.state = st
	env.Handle("POST /notes", func(w http.ResponseWriter, r *http.Request) {
		var created record
		err := p.state.Write(func(s *notesState) error {
			created = s.Notes.Insert(func(id int64) record { return record{ID: id, Name: r.URL.Query().Get("text")} })
			return nil
		})
		if err != nil {
			p.WriteError(w, r, http.StatusInternalServerError, err.Error())
			return
		}
		kernel.WriteJSON(w, http.StatusCreated, created)
	})
	return nil
}

func (p *notesProduct) WriteError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	kernel.WriteJSON(w, status, map[string]string{"problem": message})
}

func TestAddingAProduct(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	srv, err := kernel.NewServer(Options{StatePath: path}, jama.New(), &notesProduct{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	r := wiretest.Call(t, ts, wiretest.NoAuth, http.MethodPost, "/notes/notes?text=hello", nil)
	wiretest.WantStatus(t, r, http.StatusCreated)
	r = wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/notes/notes", nil)
	wiretest.WantStatus(t, r, http.StatusMethodNotAllowed)
	if !strings.Contains(string(r.Body), `"problem"`) || r.Header.Get("Allow") != "POST" {
		t.Errorf("405 must use the product's error format and list POST: %s %v", r.Body, r.Header)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.NoAuth, http.MethodGet, "/notes/other", nil), http.StatusNotFound)

	st := srv.Stats()
	if st.Products["notes"].Routes["POST /notes"] != 1 || st.Products["notes"].Routes["GET /{path...}"] != 2 {
		t.Errorf("stats = %+v", st)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Products map[string]json.RawMessage `json:"products"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(file.Products["notes"]), "hello") || file.Products["jama"] == nil {
		t.Errorf("state file = %s", raw)
	}
}

// brokenProduct fails in ways New must report.
type brokenProduct struct {
	productName string
	twice       bool
}

func (p *brokenProduct) Name() string { return p.productName }

func (p *brokenProduct) Register(env *kernel.Env) error {
	if _, err := kernel.NewState(env, func() *notesState { return &notesState{} }); err != nil {
		return err
	}
	if p.twice {
		_, err := kernel.NewState(env, func() *notesState { return &notesState{} })
		return err
	}
	return nil
}

func (p *brokenProduct) WriteError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	http.Error(w, message, status)
}

func TestNewRejectsBadProducts(t *testing.T) {
	tests := []struct {
		name     string
		products []kernel.Product
		want     string
	}{
		{"duplicate name", []kernel.Product{&brokenProduct{productName: "x"}, &brokenProduct{productName: "x"}}, `"x"`},
		{"reserved name", []kernel.Product{&brokenProduct{productName: "_sandbox"}}, "_sandbox"},
		{"empty name", []kernel.Product{&brokenProduct{}}, `""`},
		{"slash in name", []kernel.Product{&brokenProduct{productName: "a/b"}}, "a/b"},
		{"state registered twice", []kernel.Product{&brokenProduct{productName: "y", twice: true}}, "twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := kernel.NewServer(Options{}, tc.products...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("newServer = %v, want an error containing %s", err, tc.want)
			}
		})
	}
}

func TestUnknownPrefix(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, path := range []string{"/", "/confluence/rest/api/2/user", "/rest/v1/users"} {
		r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodGet, path, nil)
		wiretest.WantStatus(t, r, http.StatusNotFound)
		if !strings.Contains(string(r.Body), "/jama, /interchange") {
			t.Errorf("%s: body %s should list the products", path, r.Body)
		}
	}
}

// FuzzHandler feeds arbitrary requests to the handler: it must answer
// without panicking and never with a success for an unauthenticated write.
func FuzzHandler(f *testing.F) {
	seeds := []struct{ method, path, body string }{
		{"POST", "/jama/rest/v1/users", `{"username":"a"}`},
		{"PUT", "/jama/rest/v1/users/1", `{"username":5}`},
		{"PUT", "/jama/rest/v1/users/1/active", `null`},
		{"POST", "/interchange/almsync/interchange-connectors/v1/connectors", `{"authType":"oauth","url":"http://[::1"}`},
		{"PUT", "/interchange/almsync/interchange-connectors/v1/connectors/1", `[`},
		{"GET", "/jama/rest/v1/users?startAt=99999999999999999999&maxResults=-1", ""},
		{"POST", "/jama/rest/oauth/token", "grant_type=%zz"},
		{"POST", "/_sandbox/reset", ""},
	}
	for _, s := range seeds {
		f.Add(s.method, s.path, s.body, true)
	}
	srv, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	h := srv.Handler()
	f.Fuzz(func(t *testing.T, method, path, body string, authenticated bool) {
		if !strings.HasPrefix(path, "/") {
			return
		}
		req, err := http.NewRequest(method, "http://sandbox"+path, strings.NewReader(body))
		if err != nil || strings.Contains(req.URL.Path, "faults") {
			return // injected latency would stall the run
		}
		req.RemoteAddr = "127.0.0.1:9"
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if authenticated {
			req.SetBasicAuth(DefaultUsername, DefaultPassword)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if !authenticated && rec.Code < 300 && method != http.MethodGet && strings.Contains(path, "/rest/v1/") {
			t.Errorf("%s %s succeeded without credentials: %d", method, path, rec.Code)
		}
	})
}

// record is one note of notesProduct.
type record struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}
