/** MongoDB adapters of envelopes. */
package org.investflow.signing.envelope.persistence;
