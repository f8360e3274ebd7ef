/** The commission's digital seal: PAdES signatures on executed contracts, and their verification. */
package org.investflow.signing.seal;
