#!/usr/bin/env bash
# Starts compose's single-node KRaft broker with SASL/SCRAM authentication (docker-compose.yml, service kafka).
#
# The apache/kafka image formats its storage without SCRAM credentials, and a KRaft broker keeps its
# SCRAM users in the metadata log: they can only be bootstrapped when the storage is formatted. So this
# script does what the image's entrypoint does, plus the users:
#   1. every KAFKA_* variable becomes a server property, as the image maps them
#      (KAFKA_SASL_ENABLED_MECHANISMS -> sasl.enabled.mechanisms; "___" -> "-", "__" -> "_");
#   2. every SASL listener gets a SCRAM login context; the broker's own login (inter-broker, on INTERNAL) is
#      the "admin" SCRAM user;
#   3. on an empty data directory, kafka-storage.sh format --add-scram creates one SCRAM-SHA-512 user per
#      SCRAM_PASSWORD_<USER> variable (SCRAM_PASSWORD_E_SIGNATURE -> user "e-signature");
#   4. kafka-server-start.sh.
# Users are created once: to change a password later, use kafka-configs.sh --alter --add-config
# 'SCRAM-SHA-512=[password=...]' --entity-type users --entity-name <user> as admin. Passwords must not
# contain '"', ',' or ']' (generate them with `openssl rand -hex 24`).
set -euo pipefail

# KAFKA_HOME is the image's /opt/kafka; platform/deployment-tests points it at a Kafka on the test classpath
home=${KAFKA_HOME:-/opt/kafka}
config=$home/config/investflow-server.properties
client=$home/config/admin-client.properties
: "${SCRAM_PASSWORD_ADMIN:?SCRAM_PASSWORD_ADMIN is required: the broker and kafka-init log in as admin}"
: "${CLUSTER_ID:?CLUSTER_ID is required}"

umask 077
: > "$config"
for variable in $(compgen -e | grep '^KAFKA_' | sort); do
  case "$variable" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_LOG4J_OPTS|KAFKA_JMX_OPTS|KAFKA_VERSION|KAFKA_HOME)
      continue ;;
  esac
  key=${variable#KAFKA_}
  key=${key,,}
  key=${key//___/-}
  key=${key//__/@}
  key=${key//_/.}
  key=${key//@/_}
  printf '%s=%s\n' "$key" "${!variable}" >> "$config"
done

login="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${SCRAM_PASSWORD_ADMIN}\";"
for entry in ${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP//,/ }; do
  if [[ ${entry#*:} == SASL_* ]]; then
    listener=${entry%%:*}
    printf 'listener.name.%s.scram-sha-512.sasl.jaas.config=%s\n' "${listener,,}" "$login" >> "$config"
  fi
done
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=%s\n' "$login" > "$client"

users=()
for variable in $(compgen -e | grep '^SCRAM_PASSWORD_' | sort); do
  user=${variable#SCRAM_PASSWORD_}
  user=${user,,}
  user=${user//_/-}
  users+=(--add-scram "SCRAM-SHA-512=[name=${user},password=${!variable}]")
done

"$home/bin/kafka-storage.sh" format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$config" "${users[@]}"

exec "$home/bin/kafka-server-start.sh" "$config"
