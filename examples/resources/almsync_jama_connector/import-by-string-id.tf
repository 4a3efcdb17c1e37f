# By name (compared without regard to case), or by id: id = "42".
import {
  to = almsync_jama_connector.production
  id = "name=Production Jama"
}
