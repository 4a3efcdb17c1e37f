# By the sync's id and the mapped field, or by <sync_id>/<mapping_id>:
# id = "1/4".
import {
  to = almsync_aqua_value_mapping.resolution
  id = "1/field=resolution"
}
