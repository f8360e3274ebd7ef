package org.investflow.signing.audit;

/** What an audit entry records. */
public enum AuditAction {
    SENT, VIEWED, SIGNED, EXECUTED, DECLINED, EXPIRED, VOIDED, REMINDED, CODE_SENT
}
