package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/wiretest"
)

func TestStatePersistsAcrossRestarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")

	srv, ts := newTestServer(t, Options{StatePath: path})
	uid := createUser(t, ts, validUser("mia"))
	cid := createConnector(t, ts, oauthConnector("persisted"))
	deleted := createConnector(t, ts, basicConnector("deleted"))
	wiretest.WantStatus(t, wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodDelete, fmt.Sprintf("%s/%d", connectorsPath, deleted), nil), http.StatusNoContent)
	ts.Close()
	if err := srv.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	srv2, ts2 := newTestServer(t, Options{StatePath: path})
	if u := getUser(t, ts2, uid); u.Username != "mia" {
		t.Errorf("user after restart = %+v", u)
	}
	// The user's password survived: it still logs in.
	wiretest.WantStatus(t, wiretest.Call(t, ts2, wiretest.BasicAuth("mia", "pw-mia"), http.MethodGet, "/jama/rest/v1/users/current", nil), http.StatusOK)
	if _, secret, ok := srv2.InterchangeConnectorSecrets(cid); !ok || secret != "oauth-secret-persisted" {
		t.Errorf("connector secret after restart = %q, %v", secret, ok)
	}
	wiretest.WantStatus(t, wiretest.Call(t, ts2, wiretest.AsAdmin, http.MethodGet, fmt.Sprintf("%s/%d", connectorsPath, deleted), nil), http.StatusNotFound)
	// Id counters survived too: deleted ids are not reused.
	if id := createConnector(t, ts2, basicConnector("next")); id != deleted+1 {
		t.Errorf("next connector id = %d, want %d", id, deleted+1)
	}
	if id := createUser(t, ts2, validUser("noah")); id != uid+1 {
		t.Errorf("next user id = %d, want %d", id, uid+1)
	}
}

func TestStateFileLayout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	srv, ts := newTestServer(t, Options{StatePath: path})
	createConnector(t, ts, basicConnector("layout"))

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Format   int `json:"format"`
		Products map[string]struct {
			Connectors *struct {
				LastID int64                                `json:"last_id"`
				Items  map[string]struct{ Password string } `json:"items"`
			} `json:"connectors"`
		} `json:"products"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	if file.Format != 1 || len(file.Products) != len(srv.Products()) {
		t.Fatalf("state file = %s", raw)
	}
	conns := file.Products["interchange"].Connectors
	if conns == nil || conns.LastID != 1 || conns.Items["1"].Password != "basic-secret-layout" {
		t.Errorf("interchange state = %s", raw)
	}
}

func TestStateWriteIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	_, ts := newTestServer(t, Options{StatePath: path})
	createUser(t, ts, validUser("olga"))

	// A hard link keeps the first version's inode: an in-place write would
	// change it, a rename of a new file leaves it alone.
	old := filepath.Join(dir, "old.json")
	if err := os.Link(path, old); err != nil {
		t.Skipf("hard links unsupported: %v", err)
	}
	before, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	createUser(t, ts, validUser("pete"))

	after, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) || strings.Contains(string(after), "pete") {
		t.Error("the state file was rewritten in place")
	}
	current, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(current), "pete") {
		t.Error("the new state was not written")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "state.json" && e.Name() != "old.json" {
			t.Errorf("leftover file %s", e.Name())
		}
	}
}

func TestPersistenceFailureIsReported(t *testing.T) {
	dir := t.TempDir()
	srv, err := New(Options{StatePath: filepath.Join(dir, "sub", "state.json")})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	r := wiretest.Call(t, ts, wiretest.AsAdmin, http.MethodPost, "/jama/rest/v1/users", validUser("quin"))
	wiretest.WantJamaError(t, r, http.StatusInternalServerError, "save state")
	if err := srv.Close(); err == nil || !strings.Contains(err.Error(), "state.json") {
		t.Errorf("Close() = %v, want an error naming the file", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err == nil {
		t.Error("a second Close must return the first result")
	}
}

func TestCorruptStateFile(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"not JSON", "{nope", "corrupt"},
		{"empty", "", "corrupt"},
		{"wrong format", `{"format": 99, "products": {}}`, "format 99"},
		{"bad product section", `{"format": 1, "products": {"jama": {"users": {"last_id": "x"}}}}`, `product "jama"`},
		{"bad record id", `{"format": 1, "products": {"interchange": {"connectors": {"last_id": 1, "items": {"-4": {}}}}}}`, `product "interchange"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := New(Options{StatePath: path})
			if err == nil {
				t.Fatal("New accepted a corrupt state file")
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q must name %s and say %q", err, path, tc.want)
			}
		})
	}
	t.Run("unreadable", func(t *testing.T) {
		dir := t.TempDir() // a directory cannot be read as a file
		if _, err := New(Options{StatePath: dir}); err == nil || !strings.Contains(err.Error(), dir) {
			t.Errorf("New = %v, want an error naming %s", err, dir)
		}
	})
}

func TestMissingProductKeepsSeed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	content := `{"format": 1, "products": {"interchange": {"connectors": {"last_id": 7, "items": {}}}, "retired": {}}}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, Options{StatePath: path})
	if u := getUser(t, ts, 1); u.Username != "admin" {
		t.Errorf("jama not seeded: %+v", u)
	}
	if id := createConnector(t, ts, basicConnector("eighth")); id != 8 {
		t.Errorf("connector id = %d, want 8", id)
	}
}

func TestResetPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	srv, ts := newTestServer(t, Options{StatePath: path})
	createUser(t, ts, validUser("rita"))
	srv.Reset()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "rita") {
		t.Errorf("state file after reset still holds rita: %s", raw)
	}
}
