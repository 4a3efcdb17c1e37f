package conformance

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/contracts"
	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
	"github.com/getkin/kin-openapi/openapi3"
)

// maxBody is the most of an answer the suite reads.
const maxBody = 8 << 20

// operation is one operation of the document.
type operation struct {
	method string
	path   string // template, e.g. /almsync/x/v1/connections/{id}
}

// runner runs one scenario against one server.
type runner struct {
	cfg     Config
	product string // contracttest's product name, for the checker
	ops     map[string]operation
	checker *contracttest.Checker
	client  *http.Client
	report  *Report
	called  map[string]bool
	unique  string

	// auth is the authentication state, obtained on first use.
	authDone bool
	authErr  error
	token    string // bearer token or Harmony authToken
	org      string // Harmony organizationId

	// created holds the objects to delete at the end, newest last.
	created []*createdObject
}

// createdObject is one object the run created.
type createdObject struct {
	noun    string
	delete  string            // operationId of its delete
	params  map[string]string // path parameters of its delete
	deleted bool
}

// Run runs the scenario of cfg.Contract against cfg.URL and returns the
// report. It returns an error only when the run cannot start (a usage
// error, or the suite cannot load the document); what the server does
// wrong is in the report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	r, err := newRunner(cfg)
	if err != nil {
		return nil, err
	}
	r.run(ctx)
	return r.report, nil
}

func newRunner(cfg Config) (*runner, error) {
	if cfg.AuthURL == "" {
		cfg.AuthURL = cfg.URL
	}
	cfg.URL = strings.TrimRight(cfg.URL, "/")
	cfg.AuthURL = strings.TrimRight(cfg.AuthURL, "/")
	if cfg.TargetURL == "" {
		cfg.TargetURL = DefaultTargetURL
	}
	cfg.TargetURL = strings.TrimRight(cfg.TargetURL, "/")
	if cfg.JamaUser == "" {
		cfg.JamaUser = cfg.Username
	}
	if cfg.Out == nil {
		cfg.Out = io.Discard
	}
	client := cfg.HTTPClient
	if client == nil {
		client = &http.Client{}
	}
	data, err := contracts.Document(cfg.Contract)
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("conformance: parse the document of %s: %w", cfg.Contract, err)
	}
	checker, err := contracttest.New(contracttest.Options{})
	if err != nil {
		return nil, fmt.Errorf("conformance: load the contract checker: %w", err)
	}
	r := &runner{
		cfg:     cfg,
		product: checkerProduct(cfg.Contract),
		ops:     map[string]operation{},
		checker: checker,
		client:  client,
		report:  &Report{Contract: cfg.Contract, URL: cfg.URL},
		called:  map[string]bool{},
		unique:  cfg.RunID,
	}
	if cfg.Contract == ContractJitterbit {
		// organizationId is no credential: the discovery call sends it too
		// when it is known before the login.
		r.org = cfg.OrganizationID
	}
	if r.unique == "" {
		r.unique = newRunID()
	}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			if op := item.GetOperation(method); op != nil && op.OperationID != "" {
				r.ops[op.OperationID] = operation{method: method, path: path}
			}
		}
	}
	// The document's order: by path as written, then by method.
	for _, path := range orderedPaths(data) {
		item := doc.Paths.Value(path)
		if item == nil {
			continue
		}
		for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			if op := item.GetOperation(method); op != nil && op.OperationID != "" {
				r.report.Operations = append(r.report.Operations, op.OperationID)
			}
		}
	}
	// Whatever the scan missed still counts, so that coverage misses no
	// operation.
	var rest []string
	for id := range r.ops {
		if !slices.Contains(r.report.Operations, id) {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	r.report.Operations = append(r.report.Operations, rest...)
	return r, nil
}

// orderedPaths returns the document's paths in the order it writes them.
func orderedPaths(data []byte) []string {
	var out []string
	inPaths := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "paths:"):
			inPaths = true
		case inPaths && line != "" && line[0] != ' ':
			inPaths = false
		case inPaths && strings.HasPrefix(line, "  /"):
			out = append(out, strings.TrimSuffix(strings.TrimSpace(line), ":"))
		}
	}
	return out
}

// checkerProduct is the product name the checker's messages carry.
func checkerProduct(contract string) string {
	switch contract {
	case ContractJama:
		return contracttest.Jama
	case ContractInterchange:
		return contracttest.Interchange
	case ContractJitterbit:
		return contracttest.Jitterbit
	default:
		return contracttest.Aqua
	}
}

// newRunID is a unique, lower-case suffix for the run's names.
func newRunID() string {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return time.Now().UTC().Format("20060102t150405") + hex.EncodeToString(b)
}

func (r *runner) add(c Check) {
	r.report.Checks = append(r.report.Checks, c)
	fmt.Fprintln(r.cfg.Out, c.String())
}

// pass and fail record a check of a response.
func (r *runner) pass(res *response, what, format string, args ...any) {
	r.add(Check{Operation: res.op, Method: res.method, Path: res.path, Status: res.status, What: what, OK: true, Detail: fmt.Sprintf(format, args...)})
}

func (r *runner) fail(res *response, what, format string, args ...any) {
	r.add(Check{Operation: res.op, Method: res.method, Path: res.path, Status: res.status, What: what, Detail: fmt.Sprintf(format, args...)})
}

// verdict records a check that passes when problem is empty.
func (r *runner) verdict(res *response, what, passDetail, problem string) bool {
	if problem == "" {
		r.pass(res, what, "%s", passDetail)
		return true
	}
	r.fail(res, what, "%s", problem)
	return false
}

// request is one request of the scenario.
type request struct {
	op     string            // operationId
	params map[string]string // path parameters
	query  url.Values
	body   any // JSON-encoded when not nil
	// noAuth sends the request without credentials.
	noAuth bool
	// invalid marks a request that breaks the document on purpose: the
	// checker's findings about the request are expected, only the answer
	// is checked.
	invalid bool
}

// response is what the server answered.
type response struct {
	op     string
	method string
	path   string
	status int
	header http.Header
	body   []byte
	err    error // no answer
	// value is the decoded JSON body; nil when jsonErr is set or the body
	// is empty.
	value   any
	jsonErr error
}

// call sends req, records the exchange's checks against the document and
// returns the answer.
func (r *runner) call(ctx context.Context, req request) *response {
	op, known := r.ops[req.op]
	res := &response{op: req.op}
	if !known {
		res.err = fmt.Errorf("the document has no operation %s", req.op)
		r.add(Check{Operation: req.op, What: "suite", Detail: res.err.Error()})
		return res
	}
	r.called[req.op] = true
	path := op.path
	for name, value := range req.params {
		path = strings.ReplaceAll(path, "{"+name+"}", url.PathEscape(value))
	}
	res.method, res.path = op.method, path
	target := r.cfg.URL + path
	if len(req.query) > 0 {
		target += "?" + req.query.Encode()
	}
	var body []byte
	if req.body != nil {
		var err error
		if body, err = json.Marshal(req.body); err != nil {
			res.err = err
			r.fail(res, "request", "the suite cannot encode the body: %v", err)
			return res
		}
	}
	hreq, err := http.NewRequestWithContext(ctx, op.method, target, bytes.NewReader(body))
	if err != nil {
		res.err = err
		r.fail(res, "request", "the request cannot be built: %v", err)
		return res
	}
	if body == nil {
		hreq.Body, hreq.ContentLength = http.NoBody, 0
	} else {
		hreq.Header.Set("Content-Type", "application/json")
	}
	hreq.Header.Set("Accept", "application/json")
	if r.cfg.Contract == ContractJitterbit && r.org != "" {
		hreq.Header.Set("organizationId", r.org)
	}
	if !req.noAuth {
		if err := r.authenticate(ctx); err != nil {
			res.err = err
			r.fail(res, "authentication", "not sent: %v", err)
			return res
		}
		r.setAuth(hreq)
	}
	resp, err := r.client.Do(hreq)
	if err != nil {
		res.err = err
		r.fail(res, "answer", "no answer: %v", err)
		return res
	}
	res.status, res.header = resp.StatusCode, resp.Header
	res.body, err = io.ReadAll(io.LimitReader(resp.Body, maxBody))
	_ = resp.Body.Close()
	if err != nil {
		res.err = err
		r.fail(res, "answer", "the body cannot be read: %v", err)
		return res
	}
	if len(bytes.TrimSpace(res.body)) > 0 {
		if err := json.Unmarshal(res.body, &res.value); err != nil {
			res.value, res.jsonErr = nil, err
		}
	}
	r.validate(ctx, res, hreq, body, req.invalid)
	return res
}

// validate checks the exchange against the document with the checker the
// provider's tests use.
func (r *runner) validate(ctx context.Context, res *response, hreq *http.Request, body []byte, invalid bool) {
	ex := contracttest.Exchange{
		Product: r.product, Method: hreq.Method, Path: hreq.URL.Path, RawQuery: hreq.URL.RawQuery,
		RequestHeader: hreq.Header.Clone(), RequestBody: body,
		Status: res.status, ResponseHeader: res.header.Clone(), ResponseBody: res.body,
	}
	// Credentials are not the document's business here, nor to be kept.
	ex.RequestHeader.Del("Authorization")
	ex.RequestHeader.Del("authToken")
	checked, violations := r.checker.Check(ctx, ex)
	var problems []string
	for _, v := range violations {
		if invalid && v.Status == 0 {
			continue
		}
		problems = append(problems, v.Message)
	}
	switch {
	case !checked:
		r.fail(res, "document", "the checker does not check %s", hreq.URL.Path)
	case len(problems) > 0:
		for _, p := range problems {
			r.fail(res, "document", "%s%s", p, bodyHint(res))
		}
	default:
		r.pass(res, "document", "the exchange conforms to the document")
	}
}

// bodyHint adds the start of a body that is not JSON to a message.
func bodyHint(res *response) string {
	if res.jsonErr == nil {
		return ""
	}
	return fmt.Sprintf(" (the body is not JSON: %s)", excerpt(res.body))
}

// excerpt is the start of a body on one line.
func excerpt(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 120 {
		s = s[:120] + "..."
	}
	if s == "" {
		return "empty"
	}
	return fmt.Sprintf("%q", s)
}

// expectStatus records whether res has one of want.
func (r *runner) expectStatus(res *response, want ...int) bool {
	if res.err != nil {
		return false
	}
	for _, w := range want {
		if res.status == w {
			r.pass(res, "status", "%d as the document says", res.status)
			return true
		}
	}
	wants := make([]string, len(want))
	for i, w := range want {
		wants[i] = fmt.Sprint(w)
	}
	r.fail(res, "status", "status %d, want %s%s", res.status, strings.Join(wants, " or "), statusHint(res))
	return false
}

// statusHint quotes an unexpected answer's body.
func statusHint(res *response) string {
	return " (body " + excerpt(res.body) + ")"
}
