/** The tamper-evident audit trail of an envelope: hash-chained entries and their verification (pure Java). */
package org.investflow.signing.audit;
