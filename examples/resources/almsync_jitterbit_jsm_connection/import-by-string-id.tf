# By environment, project GUID and name (compared without regard to case),
# or by id: id = "7".
import {
  to = almsync_jitterbit_jsm_connection.basic
  id = "201/9a87b6c5-a1b2-34c5-6d7e-123456a7b001/name=JSM Cloud"
}
