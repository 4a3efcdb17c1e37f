# Terraform 1.12 and later: by the resource identity, the connection's id
# in its project; environment_id defaults to the provider's.
import {
  to = almsync_jitterbit_jsm_connection.basic
  identity = {
    id             = "c0ffee00-0000-4000-8000-000000000001"
    environment_id = "201"
    project_guid   = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
  }
}
