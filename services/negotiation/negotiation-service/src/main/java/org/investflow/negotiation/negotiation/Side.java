package org.investflow.negotiation.negotiation;

import org.investflow.platform.events.Actor;

/** The two parties at the table: the commission (its case officer) and the investor. */
public enum Side {
    COMMISSION, INVESTOR;

    /** The side {@code party} negotiates for. */
    static Side of(Actor party) {
        return party.actsAsInvestor() ? INVESTOR : COMMISSION;
    }
}
