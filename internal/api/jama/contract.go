package jama

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// errNoContract is the error of a contract call on a client that speaks no
// contract: a programming error, never a server's answer.
var errNoContract = errors.New("this client speaks none of the provider's contracts")

// Contract returns the contract the client speaks, if any.
func (r *REST) Contract() (contract.Spec, bool) {
	if r.spec == nil {
		return contract.Spec{}, false
	}
	return *r.spec, true
}

// ContractURL returns the contract's full URL of route, e.g.
// "https://bridge.example.com/almsync/jama-jira-connector/v1/connections"
// for "/connections"; "" when the client speaks no contract.
func (r *REST) ContractURL(route string) string {
	if r.spec == nil {
		return ""
	}
	return r.contractBase + r.spec.Prefix() + route
}

// CheckContract runs the contract's discovery, once per client: nil when
// the contract is served at a version the client implements, a
// *contract.AbsentError or *contract.VersionError when it is not, or the
// failure of the request (asked again next time).
func (r *REST) CheckContract(ctx context.Context) error {
	if r.discovery == nil {
		return fmt.Errorf("%s: %w", r.product, errNoContract)
	}
	return r.discovery.Ensure(ctx)
}

// probe sends the discovery request, without credentials: the contract
// defines it as public, so that a server serving nothing here answers
// before any login could fail.
func (r *REST) probe(ctx context.Context) (contract.Info, error) {
	const op = "discover contract"
	path := r.spec.DiscoveryPath()
	resp, err := r.http.Do(ctx, &transport.Request{
		Method:    http.MethodGet,
		URL:       r.contractBase + path,
		Header:    http.Header{"Accept": {"application/json"}},
		Operation: op,
	})
	if err != nil {
		return contract.Info{}, err
	}
	var info contract.Info
	if _, err := r.decode(op, http.MethodGet, path, resp, &info); err != nil {
		return contract.Info{}, err
	}
	return info, nil
}

// ContractCall is Call for a route of the client's contract, below
// {contract_url}{Spec.Prefix()}, with the same authentication. The
// contract's discovery runs first; its failure is the call's.
func (r *REST) ContractCall(ctx context.Context, op, method, route string, query url.Values, body, out any) (Meta, error) {
	if err := r.CheckContract(ctx); err != nil {
		return Meta{}, err
	}
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return Meta{}, fmt.Errorf("%s %s: encoding request: %w", r.product, op, err)
		}
	}
	return r.call(ctx, op, method, r.contractBase, r.spec.Prefix()+route, query, payload, out)
}

// ContractList fetches every page of a list route of the client's contract.
func ContractList[T any](ctx context.Context, r *REST, op, route string, query url.Values) ([]T, error) {
	return listPages[T](ctx, op, route, query, r.ContractCall)
}

// ContractEach hands every item of a list route of the client's contract
// to yield, one page at a time, and stops fetching once yield returns false.
func ContractEach[T any](ctx context.Context, r *REST, op, route string, query url.Values, yield func(T) bool) error {
	return eachPage(ctx, op, route, query, r.ContractCall, yield)
}

// ContractCreate is Create for a route of the client's contract.
func (r *REST) ContractCreate(ctx context.Context, op, route string, body any, find func(context.Context) (int64, bool, error)) (int64, error) {
	if err := r.CheckContract(ctx); err != nil {
		return 0, err
	}
	return r.create(ctx, op, route, body, find, r.ContractCall)
}
