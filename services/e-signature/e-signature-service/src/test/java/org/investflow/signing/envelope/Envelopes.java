package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.investflow.platform.events.Actor;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.events.SigningEvent;

/** Object mother of envelopes, and the signing step as the application service takes it. */
final class Envelopes {

    static final String ENVELOPE = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    static final String DOCUMENT = "d".repeat(64);
    /** The hash the tests' seal gives every executed contract. */
    static final String SEALED = "5".repeat(64);
    static final Instant NOW = Instant.parse("2026-04-10T09:00:00Z");

    private Envelopes() {
    }

    /** The default agreement's envelope, sent {@link #NOW} with {@code desk}'s signing order. */
    static Envelope sent(SigningDesk desk) {
        return Envelope.send(ENVELOPE, Agreements.agreement(), DOCUMENT, NOW, desk).envelope();
    }

    /** {@code signer} signs; once every signer signed, the contract is sealed as {@link #SEALED} and executed at once. */
    static List<SigningEvent> sign(Envelope envelope, Actor signer, String typedName, Instant now, Origin origin, SigningDesk desk) {
        List<SigningEvent> events = new ArrayList<>(envelope.sign(signer, typedName, now, origin, desk));
        if (envelope.status() == EnvelopeStatus.SEALING) {
            events.addAll(envelope.execute(SEALED, now));
        }
        return events;
    }
}
