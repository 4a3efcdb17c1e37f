package interchange

import "fmt"

// Routes of the connector contract (contract.InterchangeConnectors,
// contracts/interchange-connectors.yaml), relative to the contract's prefix
// /almsync/interchange-connectors/v1 below contract_url.
const routeConnectors = "/connectors"

func routeConnector(id int64) string { return fmt.Sprintf("%s/%d", routeConnectors, id) }

func routeConnectorTest(id int64) string { return routeConnector(id) + "/test" }
