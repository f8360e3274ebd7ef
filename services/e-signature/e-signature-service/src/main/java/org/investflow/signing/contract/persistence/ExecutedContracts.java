package org.investflow.signing.contract.persistence;

import org.investflow.signing.contract.RenderedPdf;
import reactor.core.publisher.Mono;

/**
 * The sealed executed contracts, kept once byte for byte at execution: every download hands out these bytes,
 * whose SHA-256 is {@code ContractExecuted.documentHash}, whichever replica serves it and after any restart.
 */
public interface ExecutedContracts {

    /** Keeps {@code sealed} as the executed contract of envelope {@code envelopeId}, unless kept already; answers its SHA-256. */
    Mono<String> store(String envelopeId, String caseId, RenderedPdf sealed);

    /** The executed contract of {@code envelopeId} whose SHA-256 is {@code sha256}; empty when none was kept. */
    Mono<RenderedPdf> find(String envelopeId, String sha256);
}
