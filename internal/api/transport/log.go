package transport

import (
	"context"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Logging goes to this subsystem of the provider logger. Its level follows
// the provider level unless the environment variable
// TF_LOG_PROVIDER_ALMSYNC_HTTP sets it.
const (
	logSubsystem   = LogSubsystem
	logLevelEnvVar = "TF_LOG_PROVIDER_ALMSYNC"
)

// LogSubsystem is the name of the provider logger's subsystem that the
// HTTP requests are logged to.
const LogSubsystem = "http"

// Log field names.
const (
	fieldProduct         = "product"
	fieldOperation       = "operation"
	fieldMethod          = "http_method"
	fieldURL             = "url"
	fieldAttempt         = "attempt"
	fieldStatus          = "status_code"
	fieldDurationMS      = "duration_ms"
	fieldError           = "error"
	fieldWaitMS          = "wait_ms"
	fieldRequestHeaders  = "request_headers"
	fieldRequestBody     = "request_body"
	fieldResponseHeaders = "response_headers"
	fieldResponseBody    = "response_body"
)

// logContext returns ctx with the HTTP log subsystem and the fields that
// identify one request.
func logContext(ctx context.Context, product, operation, method, safeURL string) context.Context {
	ctx = tflog.NewSubsystem(ctx, logSubsystem, tflog.WithLevelFromEnv(logLevelEnvVar, logSubsystem))
	ctx = tflog.SubsystemSetField(ctx, logSubsystem, fieldProduct, product)
	ctx = tflog.SubsystemSetField(ctx, logSubsystem, fieldOperation, operation)
	ctx = tflog.SubsystemSetField(ctx, logSubsystem, fieldMethod, method)
	return tflog.SubsystemSetField(ctx, logSubsystem, fieldURL, safeURL)
}

// attemptLog is what is logged about one attempt.
type attemptLog struct {
	attempt         int
	duration        time.Duration
	status          int
	err             error
	requestHeader   http.Header
	requestBody     []byte
	responseHeader  http.Header
	responseBody    []byte
	responseStarted bool // an answer arrived, so responseHeader is meaningful
}

// logAttempt writes one entry for an attempt: at DEBUG level with the
// outcome, and when the subsystem logs at TRACE level, with the masked
// headers and bodies of request and answer.
func logAttempt(ctx context.Context, a attemptLog) {
	fields := map[string]any{
		fieldAttempt:    a.attempt,
		fieldDurationMS: a.duration.Milliseconds(),
	}
	if a.status != 0 {
		fields[fieldStatus] = a.status
	}
	if a.err != nil {
		fields[fieldError] = a.err.Error()
	}
	if !tflog.SubsystemIsTrace(ctx, logSubsystem) {
		tflog.SubsystemDebug(ctx, logSubsystem, "HTTP request attempt", fields)
		return
	}
	fields[fieldRequestHeaders] = MaskHeaders(a.requestHeader)
	fields[fieldRequestBody] = MaskBody(a.requestHeader.Get("Content-Type"), a.requestBody)
	if a.responseStarted {
		fields[fieldResponseHeaders] = MaskHeaders(a.responseHeader)
		fields[fieldResponseBody] = MaskBody(a.responseHeader.Get("Content-Type"), a.responseBody)
	}
	tflog.SubsystemTrace(ctx, logSubsystem, "HTTP request attempt", fields)
}

// logRetry records the decision to retry after wait.
func logRetry(ctx context.Context, attempt int, wait time.Duration) {
	tflog.SubsystemDebug(ctx, logSubsystem, "retrying HTTP request", map[string]any{
		fieldAttempt: attempt,
		fieldWaitMS:  wait.Milliseconds(),
	})
}
