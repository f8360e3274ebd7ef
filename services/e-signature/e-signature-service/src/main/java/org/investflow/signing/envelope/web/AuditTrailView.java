package org.investflow.signing.envelope.web;

import java.util.List;

import org.investflow.signing.audit.AuditChain;
import org.investflow.signing.audit.AuditEntry;
import org.investflow.signing.envelope.Envelope;

/**
 * An envelope's audit trail as served: the entries oldest first, whether the chain is intact and,
 * if not, the first broken entry and why.
 */
record AuditTrailView(String caseId, String envelopeId, boolean intact, Integer brokenEntry, String reason, String head,
                      List<AuditEntry> entries) {

    static AuditTrailView of(Envelope envelope) {
        List<AuditEntry> entries = envelope.auditTrail();
        AuditChain.Verification verification = envelope.verifyAuditTrail();
        return new AuditTrailView(envelope.caseId().value(), envelope.envelopeId(), verification.intact(), verification.brokenEntry(),
                verification.reason(), AuditChain.head(entries), entries);
    }
}
