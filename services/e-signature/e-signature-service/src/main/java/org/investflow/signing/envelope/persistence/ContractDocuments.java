package org.investflow.signing.envelope.persistence;

import java.time.Instant;

import org.investflow.signing.envelope.Agreement;
import org.investflow.signing.envelope.ContractClauses;
import org.investflow.signing.envelope.Envelope;
import reactor.core.publisher.Mono;

/**
 * The contract PDFs the envelope's use cases fingerprint: the draft its signers sign, and the
 * executed contract the commission seals once every signer signed. Rendering and sealing are
 * blocking: call on a bounded-elastic thread.
 */
public interface ContractDocuments {

    /** SHA-256 (hex) of the contract drafted from {@code agreement}: the envelope's {@code documentHash}. */
    String draftHashOf(Agreement agreement);

    /**
     * Seals the executed contract of {@code fullySigned} as of {@code executedAt} and stores the sealed bytes under the
     * envelope, before the envelope is saved executed; answers their SHA-256 (hex), which every download returns.
     */
    Mono<String> seal(Envelope fullySigned, Instant executedAt);

    /** The governing-law and dispute-resolution clauses in force for contracts drafted now. */
    ContractClauses clauses();
}
