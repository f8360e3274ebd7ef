package org.investflow.signing.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RFC 3161 time-stamping authority seals are time-stamped by ({@code investflow.signing.timestamp.*}). Fail
 * closed: without a URL the service does not start, unless the seal's {@code development} setting allows a time-stamping
 * authority in process.
 *
 * @param url          the TSA's HTTP endpoint (production: a qualified / public TSA)
 * @param timeout      connect and answer timeout of one request
 * @param trustAnchors PEM file of the root certificates whose TSAs verification trusts; blank: the commission's root CA
 *                     and the JVM's default trusted roots (where public TSAs chain)
 */
@ConfigurationProperties("investflow.signing.timestamp")
record TimestampProperties(
        @DefaultValue("") String url,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("") String trustAnchors) {
}
