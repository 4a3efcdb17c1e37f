# Terraform 1.12 and later: by the resource identity, the mapping's own id
# within its sync and the sync's id.
import {
  to = almsync_aqua_value_mapping.resolution
  identity = {
    sync_id = "1"
    id      = "12"
  }
}
