# By project and name (compared without regard to case), or by id: id = "7".
import {
  to = almsync_jitterbit_jsm_connection.basic
  id = "1001/name=JSM Cloud"
}
