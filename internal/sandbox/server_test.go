package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notesProduct is a minimal product: it shows what adding one takes.
type notesProduct struct {
	state *productState[notesState]
}

type notesState struct {
	Notes collection[record] `json:"notes"`
}

func (p *notesProduct) name() string { return "notes" }

func (p *notesProduct) register(env *productEnv) error {
	st, err := newProductState(env, func() *notesState { return &notesState{} })
	if err != nil {
		return err
	}
	p.state = st
	env.handle("POST /notes", func(w http.ResponseWriter, r *http.Request) {
		var created record
		err := p.state.write(func(s *notesState) error {
			created = s.Notes.insert(func(id int64) record { return record{ID: id, Name: r.URL.Query().Get("text")} })
			return nil
		})
		if err != nil {
			p.writeError(w, r, http.StatusInternalServerError, err.Error())
			return
		}
		writeJSON(w, http.StatusCreated, created)
	})
	return nil
}

func (p *notesProduct) writeError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	writeJSON(w, status, map[string]string{"problem": message})
}

func TestAddingAProduct(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	srv, err := newServer(Options{StatePath: path}, newJamaProduct(), &notesProduct{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	r := call(t, ts, noAuth, http.MethodPost, "/notes/notes?text=hello", nil)
	wantStatus(t, r, http.StatusCreated)
	r = call(t, ts, noAuth, http.MethodGet, "/notes/notes", nil)
	wantStatus(t, r, http.StatusMethodNotAllowed)
	if !strings.Contains(string(r.body), `"problem"`) || r.header.Get("Allow") != "POST" {
		t.Errorf("405 must use the product's error format and list POST: %s %v", r.body, r.header)
	}
	wantStatus(t, call(t, ts, noAuth, http.MethodGet, "/notes/other", nil), http.StatusNotFound)

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
	var file stateFile
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

func (p *brokenProduct) name() string { return p.productName }

func (p *brokenProduct) register(env *productEnv) error {
	if _, err := newProductState(env, func() *notesState { return &notesState{} }); err != nil {
		return err
	}
	if p.twice {
		_, err := newProductState(env, func() *notesState { return &notesState{} })
		return err
	}
	return nil
}

func (p *brokenProduct) writeError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	http.Error(w, message, status)
}

func TestNewRejectsBadProducts(t *testing.T) {
	tests := []struct {
		name     string
		products []product
		want     string
	}{
		{"duplicate name", []product{&brokenProduct{productName: "x"}, &brokenProduct{productName: "x"}}, `"x"`},
		{"reserved name", []product{&brokenProduct{productName: "_sandbox"}}, "_sandbox"},
		{"empty name", []product{&brokenProduct{}}, `""`},
		{"slash in name", []product{&brokenProduct{productName: "a/b"}}, "a/b"},
		{"state registered twice", []product{&brokenProduct{productName: "y", twice: true}}, "twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := newServer(Options{}, tc.products...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("newServer = %v, want an error containing %s", err, tc.want)
			}
		})
	}
}

func TestUnknownPrefix(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, path := range []string{"/", "/confluence/rest/api/2/user", "/rest/v1/users"} {
		r := call(t, ts, asAdmin, http.MethodGet, path, nil)
		wantStatus(t, r, http.StatusNotFound)
		if !strings.Contains(string(r.body), "/jama, /interchange") {
			t.Errorf("%s: body %s should list the products", path, r.body)
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
		{"POST", "/interchange/rest/v1/connectors", `{"authType":"oauth","url":"http://[::1"}`},
		{"PUT", "/interchange/rest/v1/connectors/1", `[`},
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
