package sandbox

import (
	"fmt"
	"net/http"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// jamaResponder writes answers in Jama's envelope. Products speaking Jama's
// dialect (jama, interchange) embed it.
type jamaResponder struct {
	now    func() time.Time
	prefix string // the product's path prefix, for locations
}

func (j jamaResponder) meta(status int) jama.Meta {
	return jama.Meta{
		Status:    http.StatusText(status),
		Timestamp: j.now().UTC().Format(time.RFC3339),
	}
}

// send answers status with an envelope around data (nil: no data member).
func (j jamaResponder) send(w http.ResponseWriter, status int, meta jama.Meta, data any) {
	writeJSON(w, status, jama.Envelope[any]{Meta: meta, Links: map[string]any{}, Linked: map[string]any{}, Data: data})
}

// ok answers 200 with data.
func (j jamaResponder) ok(w http.ResponseWriter, data any) {
	j.send(w, http.StatusOK, j.meta(http.StatusOK), data)
}

// list answers 200 with one page of a list.
func (j jamaResponder) list(w http.ResponseWriter, data any, info *jama.PageInfo) {
	meta := j.meta(http.StatusOK)
	meta.PageInfo = info
	j.send(w, http.StatusOK, meta, data)
}

// created answers 201 with the new object's id and location and, like Jama,
// no data. path is the object's path below the product prefix.
func (j jamaResponder) created(w http.ResponseWriter, r *http.Request, id int64, path string) {
	location := absoluteURL(r, j.prefix+path)
	meta := j.meta(http.StatusCreated)
	meta.ID = id
	meta.Location = location
	w.Header().Set("Location", location)
	j.send(w, http.StatusCreated, meta, nil)
}

// error answers status with message in the envelope.
func (j jamaResponder) error(w http.ResponseWriter, status int, message string) {
	meta := j.meta(status)
	meta.Message = message
	j.send(w, status, meta, nil)
}

// fail answers err: an apiError with its status, anything else with 500.
func (j jamaResponder) fail(w http.ResponseWriter, err error) {
	status, message := statusOf(err)
	j.error(w, status, message)
}

// writeError implements product.writeError for Jama-style products.
func (j jamaResponder) writeError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	j.error(w, status, message)
}

// absoluteURL turns a server path into a URL using the request's host.
func absoluteURL(r *http.Request, path string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return fmt.Sprintf("%s://%s%s", scheme, r.Host, path)
}
