// Package interchange emulates Jama Connect Interchange connectors, the
// provider's own contract (Interchange has no public API), in Jama's
// envelope, paging and authentication (package jama). Its wire shapes
// (wire.go) are spelled from the published contract, not taken from the
// provider's client.
package interchange
