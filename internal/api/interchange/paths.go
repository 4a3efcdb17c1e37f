package interchange

import "fmt"

// Endpoint paths of the connector contract, relative to /rest/v1.
const pathConnectors = "/connectors"

func pathConnector(id int64) string { return fmt.Sprintf("/connectors/%d", id) }

func pathConnectorTest(id int64) string { return pathConnector(id) + "/test" }
