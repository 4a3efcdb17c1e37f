package jama

import (
	"net/http"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// timestampLayout is how Jama writes meta.timestamp, e.g.
// 2025-03-04T10:15:30.000+0000.
const timestampLayout = "2006-01-02T15:04:05.000-0700"

// Responder writes answers in Jama's envelope. Products speaking Jama's
// dialect (jama, interchange) embed it.
type Responder struct {
	Now    func() time.Time
	Prefix string // the product's path prefix, for locations
}

// Meta is the meta member of an answer with status.
func (j Responder) Meta(status int) Meta {
	return Meta{
		Status:    http.StatusText(status),
		Timestamp: j.Now().UTC().Format(timestampLayout),
	}
}

// Send answers status with an envelope around data (nil: no data member).
func (j Responder) Send(w http.ResponseWriter, status int, meta Meta, data any) {
	kernel.WriteJSON(w, status, Envelope{Meta: meta, Links: map[string]any{}, Linked: map[string]any{}, Data: data})
}

// OK answers 200 with data.
func (j Responder) OK(w http.ResponseWriter, data any) {
	j.Send(w, http.StatusOK, j.Meta(http.StatusOK), data)
}

// List answers 200 with one page of a list.
func (j Responder) List(w http.ResponseWriter, data any, info *PageInfo) {
	meta := j.Meta(http.StatusOK)
	meta.PageInfo = info
	j.Send(w, http.StatusOK, meta, data)
}

// Created answers 201 with the new object's id and location and, like Jama,
// no data. path is the object's path below the product prefix.
func (j Responder) Created(w http.ResponseWriter, r *http.Request, id int64, path string) {
	location := kernel.AbsoluteURL(r, j.Prefix+path)
	meta := j.Meta(http.StatusCreated)
	meta.ID = id
	meta.Location = location
	w.Header().Set("Location", location)
	j.Send(w, http.StatusCreated, meta, nil)
}

// Error answers status with message in the envelope.
func (j Responder) Error(w http.ResponseWriter, status int, message string) {
	meta := j.Meta(status)
	meta.Message = message
	j.Send(w, status, meta, nil)
}

// Fail answers err: a kernel.APIError with its status, anything else with 500.
func (j Responder) Fail(w http.ResponseWriter, err error) {
	status, message := kernel.StatusOf(err)
	j.Error(w, status, message)
}

// WriteError implements kernel.Product's WriteError for Jama-style products.
func (j Responder) WriteError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	j.Error(w, status, message)
}

// contractInfo is the data of a contract's discovery answer.
type contractInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// ContractHandler serves the discovery operation of one of the provider's
// contracts in Jama's dialect: 200 with {name, version} in the envelope's
// data. It needs no credentials, as the contracts define it.
func (j Responder) ContractHandler(name, version string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		j.OK(w, contractInfo{Name: name, Version: version})
	}
}
