package transport

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func TestDoLogsAttemptsWithSecretsMasked(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Set-Cookie", "session=cookie-secret-1")
		_, _ = w.Write([]byte(`{"user":"alice","access_token":"response-token-1"}`))
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, func(cfg *Config) { cfg.Product = "Jama" })

	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	_, err := c.Do(ctx, &Request{
		Method: http.MethodPost,
		URL:    srv.URL + "/rest/oauth/token?client_secret=query-secret-1",
		Header: http.Header{
			"Authorization": {"Basic YWxpY2U6aHVudGVyMg=="},
			"Content-Type":  {"application/json"},
		},
		Body:      []byte(`{"username":"alice","password":"hunter2-body","nested":{"clientSecret":"nested-secret-1"}}`),
		Operation: "get token",
	})
	if err != nil {
		t.Fatalf("Do: %v", err)
	}

	out := buf.String()
	for _, secret := range []string{"YWxpY2U6aHVudGVyMg==", "hunter2-body", "nested-secret-1", "response-token-1", "cookie-secret-1", "query-secret-1"} {
		if strings.Contains(out, secret) {
			t.Errorf("log contains the secret %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, "***") {
		t.Errorf("log lacks masked values:\n%s", out)
	}

	entries, err := tflogtest.MultilineJSONDecode(&buf)
	if err != nil {
		t.Fatalf("decode log: %v", err)
	}
	var attempt map[string]any
	for _, e := range entries {
		if e["@message"] == "HTTP request attempt" {
			attempt = e
		}
	}
	if attempt == nil {
		t.Fatalf("no attempt entry in log:\n%s", out)
	}
	want := map[string]any{
		"@level":      "trace",
		"product":     "Jama",
		"operation":   "get token",
		"http_method": "POST",
		"attempt":     float64(1),
		"status_code": float64(200),
		"url":         srv.URL + "/rest/oauth/token?client_secret=***",
	}
	for k, v := range want {
		if attempt[k] != v {
			t.Errorf("entry[%q] = %v, want %v", k, attempt[k], v)
		}
	}
	for _, k := range []string{"duration_ms", "request_headers", "request_body", "response_headers", "response_body"} {
		if _, ok := attempt[k]; !ok {
			t.Errorf("entry lacks %q: %v", k, attempt)
		}
	}
	if body, _ := attempt["request_body"].(string); !strings.Contains(body, `"password":"***"`) || !strings.Contains(body, `"username":"alice"`) {
		t.Errorf("request_body = %q", body)
	}
}

func TestDoLogsEveryAttempt(t *testing.T) {
	srv, _ := scriptedServer(t, http.StatusServiceUnavailable, http.StatusServiceUnavailable, http.StatusOK)
	c := newTestClient(t, nil)

	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	if _, err := c.Do(ctx, &Request{URL: srv.URL}); err != nil {
		t.Fatalf("Do: %v", err)
	}
	entries, err := tflogtest.MultilineJSONDecode(&buf)
	if err != nil {
		t.Fatalf("decode log: %v", err)
	}
	var attempts, retries []float64
	for _, e := range entries {
		switch e["@message"] {
		case "HTTP request attempt":
			attempts = append(attempts, e["attempt"].(float64))
		case "retrying HTTP request":
			retries = append(retries, e["attempt"].(float64))
		}
	}
	if len(attempts) != 3 || attempts[0] != 1 || attempts[2] != 3 || len(retries) != 2 {
		t.Errorf("attempts logged = %v, retries logged = %v", attempts, retries)
	}
}
