package org.investflow.signing.envelope;

/** Why a signer declines, in a word the metrics can count; the reason itself is free text. */
public enum DeclineCategory {
    /** The terms in the contract are not what the signer agreed to. */
    TERMS,
    /** The signer is not the right person to sign. */
    SIGNATORY,
    /** Not now: the signer needs more time or internal approval. */
    TIMING,
    OTHER
}
