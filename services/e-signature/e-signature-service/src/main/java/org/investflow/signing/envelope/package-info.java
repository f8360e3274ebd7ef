/** Contract envelopes: drafted from an agreement, signed by ordered signers, executed. */
package org.investflow.signing.envelope;
