// Package api holds what every product client shares: the typed error that
// carries a product's answer to a failed call, and the sentinel errors that
// callers test with errors.Is.
//
// Each product lives in its own sub-package (jama, interchange, ...) and
// sends all its HTTP through the one stack in package transport.
package api
