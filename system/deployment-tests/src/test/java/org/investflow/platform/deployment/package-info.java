/**
 * Checks the deployment descriptors (docker-compose.yml, k8s/, deploy/) against the Compose
 * specification and against each service's own Spring configuration, without a Docker engine.
 */
package org.investflow.platform.deployment;
