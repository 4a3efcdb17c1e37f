package jama

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/lease"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// Credentials authenticate a client: Username and Password for HTTP Basic,
// or ClientID and ClientSecret for OAuth client credentials.
type Credentials struct {
	Username     string
	Password     string
	ClientID     string
	ClientSecret string
}

// OAuth reports whether the credentials are OAuth client credentials.
func (c Credentials) OAuth() bool { return c.ClientID != "" }

// REST sends calls in Jama's envelope style with Jama's authentication:
// the product's own API below {instance}/rest/v1 (Call, List, Create) and,
// when the client speaks one of the provider's contracts (WithContract),
// that contract's routes below {contract_url}{Spec.Prefix()}
// (ContractCall, ContractList, ContractCreate), each preceded by the
// contract's discovery. Product names the API in errors, e.g. "Jama" or
// "Interchange".
type REST struct {
	product string
	base    string // instance URL, no trailing slash
	creds   Credentials
	http    *transport.Client
	// tokens caches the OAuth access token (nil with Basic credentials);
	// now is the clock its lifetime is measured with.
	tokens *lease.Cache[string]
	now    func() time.Time

	// The contract, when the client speaks one: contractBase is the
	// contract_url (the instance URL unless WithContractURL says
	// otherwise), without a trailing slash.
	spec         *contract.Spec
	contractBase string
	discovery    *contract.Discovery
}

// Option configures a REST client (and the clients built on one).
type Option func(*restOptions)

type restOptions struct {
	spec        *contract.Spec
	contractURL string
}

// WithContract makes the client speak the provider's contract spec.
func WithContract(spec contract.Spec) Option {
	return func(o *restOptions) { o.spec = &spec }
}

// WithContractURL sets where the client's contract is served (a bridge,
// possibly on another host). Empty keeps the default: the instance URL.
func WithContractURL(contractURL string) Option {
	return func(o *restOptions) { o.contractURL = contractURL }
}

// NewREST returns a REST client for the instance at instanceURL.
func NewREST(product, instanceURL string, creds Credentials, tc *transport.Client, opts ...Option) (*REST, error) {
	base, err := baseURL(instanceURL)
	if err != nil {
		return nil, fmt.Errorf("%s URL %q must be an absolute http(s) URL", product, instanceURL)
	}
	if tc == nil {
		return nil, errors.New("jama: nil transport client")
	}
	var o restOptions
	for _, opt := range opts {
		opt(&o)
	}
	r := &REST{product: product, base: base, creds: creds, http: tc, contractBase: base, now: time.Now}
	if o.contractURL != "" {
		if r.contractBase, err = baseURL(o.contractURL); err != nil {
			return nil, fmt.Errorf("%s contract URL %q must be an absolute http(s) URL", product, o.contractURL)
		}
	}
	if o.spec != nil {
		r.spec = o.spec
		r.discovery = contract.NewDiscovery(*o.spec, r.contractBase+o.spec.DiscoveryPath(), r.probe)
	}
	if creds.OAuth() {
		r.tokens = r.newTokenCache()
	}
	return r, nil
}

// baseURL checks an absolute http(s) URL and drops its trailing slashes.
func baseURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "", errors.New("not an absolute http(s) URL")
	}
	return u.String(), nil
}

// Product returns the product name used in errors.
func (r *REST) Product() string { return r.product }

// Call sends one request to path below /rest/v1. A non-nil body is sent as
// JSON; when out is non-nil the envelope's data is decoded into it. It
// returns the envelope's meta (for meta.id after a create).
func (r *REST) Call(ctx context.Context, op, method, path string, query url.Values, body, out any) (Meta, error) {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return Meta{}, fmt.Errorf("%s %s: encoding request: %w", r.product, op, err)
		}
	}
	return r.call(ctx, op, method, r.base, pathREST+path, query, payload, out)
}

// call sends one authenticated request to base+path and decodes the answer.
func (r *REST) call(ctx context.Context, op, method, base, path string, query url.Values, payload []byte, out any) (Meta, error) {
	full := base + path
	if len(query) > 0 {
		full += "?" + query.Encode()
	}
	resp, err := r.send(ctx, op, method, full, payload)
	if err != nil {
		return Meta{}, err
	}
	return r.decode(op, method, path, resp, out)
}

// send sends with authentication. An OAuth token about to expire is
// renewed first; when Jama refuses the token anyway (401), a new one is
// fetched once and the request repeated: a refused request changed
// nothing. A second 401 is the caller's error.
func (r *REST) send(ctx context.Context, op, method, full string, payload []byte) (*transport.Response, error) {
	for attempt := 0; ; attempt++ {
		auth, gen, err := r.authorization(ctx)
		if err != nil {
			return nil, err
		}
		req := &transport.Request{
			Method:    method,
			URL:       full,
			Header:    http.Header{"Authorization": {auth}, "Accept": {"application/json"}},
			Body:      payload,
			Operation: op,
		}
		if payload != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := r.http.Do(ctx, req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusUnauthorized && r.tokens != nil && attempt == 0 {
			r.tokens.Refused(gen)
			continue
		}
		return resp, nil
	}
}

// authorization is the Authorization header of a request and, with OAuth,
// the generation of the token it carries.
func (r *REST) authorization(ctx context.Context) (string, lease.Generation, error) {
	if r.tokens == nil {
		return basicAuth(r.creds.Username, r.creds.Password), 0, nil
	}
	token, gen, err := r.tokens.Get(ctx)
	if err != nil {
		return "", 0, err
	}
	return "Bearer " + token, gen, nil
}

func (r *REST) decode(op, method, path string, resp *transport.Response, out any) (Meta, error) {
	var env Envelope[json.RawMessage]
	ct := resp.Header.Get("Content-Type")
	decodeErr := func(err error) error {
		return &api.DecodeError{Product: r.product, Operation: op, StatusCode: resp.StatusCode,
			ContentType: ct, Excerpt: api.Excerpt([]byte(transport.MaskBody(ct, resp.Body)), 120), Err: err}
	}
	if resp.StatusCode >= 400 {
		apiErr := &api.Error{Product: r.product, Operation: op, Method: method, Path: path, StatusCode: resp.StatusCode}
		if json.Unmarshal(resp.Body, &env) == nil {
			apiErr.Message = env.Meta.Message
		} else if len(resp.Body) > 0 {
			apiErr.Message = "answer is not JSON: " + api.Excerpt([]byte(transport.MaskBody(ct, resp.Body)), 120)
		}
		return Meta{}, classify(apiErr)
	}
	if resp.StatusCode == http.StatusNoContent || (out == nil && len(bytes.TrimSpace(resp.Body)) == 0) {
		return Meta{}, nil
	}
	if err := json.Unmarshal(resp.Body, &env); err != nil {
		return Meta{}, decodeErr(err)
	}
	if out == nil {
		return env.Meta, nil
	}
	if len(env.Data) == 0 || string(env.Data) == "null" {
		return Meta{}, decodeErr(errors.New("the envelope has no data"))
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return Meta{}, decodeErr(err)
	}
	return env.Meta, nil
}

// List fetches every page of a list endpoint below /rest/v1.
func List[T any](ctx context.Context, r *REST, op, path string, query url.Values) ([]T, error) {
	return listPages[T](ctx, op, path, query, r.Call)
}

// caller is REST.Call or REST.ContractCall.
type caller func(ctx context.Context, op, method, path string, query url.Values, body, out any) (Meta, error)

// listPages fetches every page of a list with call.
func listPages[T any](ctx context.Context, op, path string, query url.Values, call caller) ([]T, error) {
	var all []T
	err := eachPage(ctx, op, path, query, call, func(item T) bool {
		all = append(all, item)
		return true
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// eachPage hands every item of a list to yield, fetching one page of
// MaxMaxResults at a time, and asks for no further page once yield returns
// false.
func eachPage[T any](ctx context.Context, op, path string, query url.Values, call caller, yield func(T) bool) error {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	q.Set("maxResults", strconv.Itoa(MaxMaxResults))
	for start := 0; ; {
		q.Set("startAt", strconv.Itoa(start))
		var page []T
		meta, err := call(ctx, op, http.MethodGet, path, q, nil, &page)
		if err != nil {
			return err
		}
		for _, item := range page {
			if !yield(item) {
				return nil
			}
		}
		if meta.PageInfo == nil || len(page) == 0 || start+len(page) >= meta.PageInfo.TotalResults {
			return nil
		}
		start += len(page)
	}
}

// Create posts body to path and returns the new object's id from meta.id.
// A create whose answer is lost is not repeated blindly: find looks the
// object up first (see api.CreateOnce), so nothing is created twice.
func (r *REST) Create(ctx context.Context, op, path string, body any, find func(context.Context) (int64, bool, error)) (int64, error) {
	return r.create(ctx, op, path, body, find, r.Call)
}

func (r *REST) create(ctx context.Context, op, path string, body any, find func(context.Context) (int64, bool, error), call caller) (int64, error) {
	var id int64
	post := func(ctx context.Context) error {
		meta, err := call(ctx, op, http.MethodPost, path, nil, body, nil)
		if err != nil {
			return err
		}
		if meta.ID == 0 {
			return &api.DecodeError{Product: r.product, Operation: op, StatusCode: http.StatusCreated,
				Err: errors.New("meta.id is missing from the answer")}
		}
		id = meta.ID
		return nil
	}
	var lookup func(context.Context) (bool, error)
	if find != nil {
		lookup = func(ctx context.Context) (bool, error) {
			foundID, found, err := find(ctx)
			if found {
				id = foundID
			}
			return found, err
		}
	}
	err := api.CreateOnce(ctx, r.http.MaxRetries(), post, lookup)
	return id, err
}

func basicAuth(user, password string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
}
