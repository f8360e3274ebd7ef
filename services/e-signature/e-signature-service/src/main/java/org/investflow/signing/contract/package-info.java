/** The contract as a PDF: a versioned bilingual template filled from the frozen terms, rendered byte for byte the same every time. */
package org.investflow.signing.contract;
