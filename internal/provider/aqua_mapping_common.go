package provider

import (
	"fmt"
	"strconv"
	"strings"
)

// mappingID is the id of an aqua mapping: its sync and its own id, written
// `<sync_id>/<mapping_id>` since mappings live under their sync.
type mappingID struct{ sync, mapping int64 }

func (m mappingID) String() string { return fmt.Sprintf("%d/%d", m.sync, m.mapping) }

// parseMappingID parses `<sync_id>/<mapping_id>`.
func parseMappingID(raw string) (mappingID, error) {
	syncPart, mappingPart, ok := strings.Cut(strings.TrimSpace(raw), "/")
	s, err1 := strconv.ParseInt(syncPart, 10, 64)
	m, err2 := strconv.ParseInt(mappingPart, 10, 64)
	if !ok || err1 != nil || err2 != nil || s <= 0 || m <= 0 {
		return mappingID{}, fmt.Errorf("%q is not `<sync_id>/<mapping_id>`, e.g. `3/12`", raw)
	}
	return mappingID{sync: s, mapping: m}, nil
}
