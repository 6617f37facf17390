#!/bin/bash
# Runs once, on the node that bootstraps the cluster (galera1), with the server up; the other nodes receive the
# account with the state transfer. The account may only connect: SHOW STATUS needs no privilege.
mariadb -uroot -p"${MARIADB_ROOT_PASSWORD}" <<SQL
CREATE USER IF NOT EXISTS 'clustercheck'@'%' IDENTIFIED BY '${CLUSTERCHECK_PASSWORD}';
ALTER DATABASE forumpass CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SQL
