/** HTTP API of envelopes. */
package org.investflow.signing.envelope.web;
