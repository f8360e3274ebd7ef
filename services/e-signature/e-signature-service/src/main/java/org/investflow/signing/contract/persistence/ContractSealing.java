package org.investflow.signing.contract.persistence;

import java.time.Instant;

import org.investflow.signing.envelope.Agreement;
import org.investflow.signing.envelope.ContractClauses;
import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.DraftContracts;
import org.investflow.signing.contract.EnvelopeContract;
import org.investflow.signing.contract.RenderedPdf;
import org.investflow.signing.envelope.persistence.ContractDocuments;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.ContractSealer;
import org.investflow.signing.seal.SignatureTimestamper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Renders an envelope's contracts: the draft (through {@link DraftContracts}, which keeps it for the signers' views),
 * and the executed contract sealed by the commission, which is kept in {@link ExecutedContracts} at execution and
 * handed out from there ever after.
 */
public class ContractSealing implements ContractDocuments {

    private final CommissionSeal seal;
    private final SignatureTimestamper timestamps;
    private final ExecutedContracts executed;
    private final ContractClauses clauses;
    private final DraftContracts drafts;

    public ContractSealing(CommissionSeal seal, SignatureTimestamper timestamps, ExecutedContracts executed, ContractClauses clauses,
                           DraftContracts drafts) {
        this.seal = seal;
        this.timestamps = timestamps;
        this.executed = executed;
        this.clauses = clauses;
        this.drafts = drafts;
    }

    @Override
    public String draftHashOf(Agreement agreement) {
        return drafts.draftOf(agreement).sha256();
    }

    @Override
    public Mono<String> seal(Envelope fullySigned, Instant executedAt) {
        return Mono.fromCallable(() -> sealed(fullySigned, executedAt)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(sealed -> executed.store(fullySigned.envelopeId(), fullySigned.caseId().value(), sealed));
    }

    @Override
    public ContractClauses clauses() {
        return clauses;
    }

    /**
     * The kept executed contract of the executed {@code envelope}: an envelope executes only once its sealed contract is
     * kept, so it is always there (a time-stamped seal cannot be made again byte for byte).
     */
    public Mono<RenderedPdf> executedContractOf(Envelope envelope) {
        return executed.find(envelope.envelopeId(), envelope.executedDocumentHash())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the executed contract of envelope " + envelope.envelopeId()
                        + " (" + envelope.executedDocumentHash() + ") is missing from the store")));
    }

    private RenderedPdf sealed(Envelope envelope, Instant executedAt) {
        RenderedPdf contract = ContractTemplate.executed(EnvelopeContract.executedParticularsOf(envelope), envelope.documentHash(),
                EnvelopeContract.signatureLinesOf(envelope));
        return new RenderedPdf(ContractSealer.seal(contract.bytes(), seal, executedAt, "Chongqing, CN", timestamps));
    }
}
