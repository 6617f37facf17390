#!/bin/sh
# HAProxy external check for one Galera node (clustercheck-style): healthy only while the node is Synced and ready.
# A node that is joining, donating a state transfer (Donor/Desynced) or cut off from the primary component is taken
# out of the pool, so the app never writes where its commit would be refused or lost.
# HAProxy runs it as: galera-check <proxy_addr> <proxy_port> <server_addr> <server_port> (and sets HAPROXY_SERVER_*).
# The account needs no privilege: CREATE USER 'clustercheck'@'%' IDENTIFIED BY '...';
addr="${HAPROXY_SERVER_ADDR:-$3}"
port="${HAPROXY_SERVER_PORT:-$4}"
state=$(mariadb --connect-timeout=2 --skip-ssl -h "$addr" -P "$port" -u "${CLUSTERCHECK_USER:-clustercheck}" \
  -p"${CLUSTERCHECK_PASSWORD:?set CLUSTERCHECK_PASSWORD}" -N -B \
  -e "SELECT MAX(IF(VARIABLE_NAME='WSREP_LOCAL_STATE_COMMENT', VARIABLE_VALUE, NULL)),
             MAX(IF(VARIABLE_NAME='WSREP_READY', VARIABLE_VALUE, NULL))
      FROM information_schema.GLOBAL_STATUS
      WHERE VARIABLE_NAME IN ('WSREP_LOCAL_STATE_COMMENT', 'WSREP_READY')" 2>/dev/null) || exit 1
[ "$state" = "$(printf 'Synced\tON')" ]
