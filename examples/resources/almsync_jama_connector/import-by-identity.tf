# Terraform 1.12 and later: by the resource identity, the object's id.
import {
  to = almsync_jama_connector.production
  identity = {
    id = "12"
  }
}
