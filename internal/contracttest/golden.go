package contracttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"
	"strings"
)

// goldenDir is where the golden examples live, one folder per product.
const goldenDir = "testdata/golden"

// Golden is one example exchange of a documented operation, written from
// the vendor's documentation: testdata/golden/<product>/<operation>.json.
type Golden struct {
	// Product and Operation come from the file's path.
	Product   string `json:"-"`
	Operation string `json:"-"`
	// Source names the documentation the example was written from.
	Source   string         `json:"source"`
	Request  GoldenRequest  `json:"request"`
	Response GoldenResponse `json:"response"`
}

// GoldenRequest is the request of a golden example.
type GoldenRequest struct {
	Method string `json:"method"`
	// Path is below the product's prefix, as in Exchange.Path.
	Path string `json:"path"`
	// Query is the raw query string, without "?".
	Query   string            `json:"query"`
	Headers map[string]string `json:"headers"`
	// Body is the JSON body; for another Content-Type, a JSON string
	// holding the body as sent (e.g. a URL-encoded form).
	Body json.RawMessage `json:"body"`
}

// GoldenResponse is the answer of a golden example.
type GoldenResponse struct {
	Status int `json:"status"`
	// Headers default to Content-Type application/json when there is a
	// body.
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body"`
}

// Name is "<product>/<operation>".
func (g Golden) Name() string { return g.Product + "/" + g.Operation }

// Header returns the request headers.
func (r GoldenRequest) Header() http.Header { return toHeader(r.Headers) }

// BodyBytes returns the request body as sent.
func (r GoldenRequest) BodyBytes() ([]byte, error) {
	return bodyBytes(r.Body, r.Header().Get("Content-Type"))
}

// Header returns the response headers.
func (r GoldenResponse) Header() http.Header {
	h := toHeader(r.Headers)
	if h.Get("Content-Type") == "" && len(r.Body) > 0 && string(r.Body) != "null" {
		h.Set("Content-Type", "application/json")
	}
	return h
}

// BodyBytes returns the response body as sent.
func (r GoldenResponse) BodyBytes() ([]byte, error) {
	return bodyBytes(r.Body, r.Header().Get("Content-Type"))
}

// Exchange returns the example as an Exchange of its product.
func (g Golden) Exchange() (Exchange, error) {
	reqBody, err := g.Request.BodyBytes()
	if err != nil {
		return Exchange{}, fmt.Errorf("golden %s: request: %w", g.Name(), err)
	}
	respBody, err := g.Response.BodyBytes()
	if err != nil {
		return Exchange{}, fmt.Errorf("golden %s: response: %w", g.Name(), err)
	}
	return Exchange{
		Product:        g.Product,
		Method:         g.Request.Method,
		Path:           g.Request.Path,
		RawQuery:       g.Request.Query,
		RequestHeader:  g.Request.Header(),
		RequestBody:    reqBody,
		Status:         g.Response.Status,
		ResponseHeader: g.Response.Header(),
		ResponseBody:   respBody,
	}, nil
}

// Goldens returns every golden example, ordered by product and operation.
func Goldens() ([]Golden, error) {
	var out []Golden
	err := fs.WalkDir(testdata, goldenDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(name) != ".json" {
			return nil
		}
		g, err := readGolden(name)
		if err != nil {
			return err
		}
		out = append(out, g)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("contracttest: golden examples: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// LoadGolden returns the golden example of one product's operation.
func LoadGolden(product, operation string) (Golden, error) {
	return readGolden(path.Join(goldenDir, product, operation+".json"))
}

func readGolden(name string) (Golden, error) {
	data, err := testdata.ReadFile(name)
	if err != nil {
		return Golden{}, fmt.Errorf("contracttest: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var g Golden
	if err := dec.Decode(&g); err != nil {
		return Golden{}, fmt.Errorf("contracttest: decode %s: %w", name, err)
	}
	rel := strings.TrimPrefix(name, goldenDir+"/")
	g.Product, g.Operation = path.Dir(rel), strings.TrimSuffix(path.Base(rel), ".json")
	if g.Request.Method == "" || !strings.HasPrefix(g.Request.Path, "/") || g.Response.Status == 0 {
		return Golden{}, fmt.Errorf("contracttest: %s needs request.method, request.path (starting with /) and response.status", name)
	}
	return g, nil
}

func toHeader(m map[string]string) http.Header {
	h := make(http.Header, len(m))
	for k, v := range m {
		h.Set(k, v)
	}
	return h
}

// bodyBytes turns a golden body into the bytes sent: JSON as it is, any
// other media type from a JSON string.
func bodyBytes(raw json.RawMessage, contentType string) ([]byte, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if isJSON(contentType) {
		var buf bytes.Buffer
		if err := json.Compact(&buf, raw); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("a %s body must be given as a JSON string: %w", contentType, err)
	}
	return []byte(s), nil
}

// isJSON reports whether contentType is JSON; empty counts as JSON.
func isJSON(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}
