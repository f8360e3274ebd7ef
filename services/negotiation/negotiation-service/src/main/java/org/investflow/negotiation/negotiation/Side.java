package org.investflow.negotiation.negotiation;

/** The two parties at the table: the commission (its case officer) and the investor. */
public enum Side {
    COMMISSION, INVESTOR;

    /** The side a user acting in {@code role} negotiates for. */
    static Side of(String role) {
        return "INVESTOR".equals(role) ? INVESTOR : COMMISSION;
    }
}
