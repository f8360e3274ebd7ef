package org.investflow.signing.contract.persistence;

import java.time.Instant;

import org.investflow.signing.envelope.Agreement;
import org.investflow.signing.envelope.ContractClauses;
import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.EnvelopeContract;
import org.investflow.signing.contract.RenderedPdf;
import org.investflow.signing.envelope.persistence.ContractDocuments;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.ContractSealer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Renders an envelope's contracts: the draft, and the executed contract sealed by the commission, which is
 * kept in {@link ExecutedContracts} at execution and handed out from there ever after.
 */
public class ContractSealing implements ContractDocuments {

    private final CommissionSeal seal;
    private final ExecutedContracts executed;
    private final ContractClauses clauses;

    public ContractSealing(CommissionSeal seal, ExecutedContracts executed, ContractClauses clauses) {
        this.seal = seal;
        this.executed = executed;
        this.clauses = clauses;
    }

    @Override
    public String draftHashOf(Agreement agreement) {
        return ContractTemplate.draft(EnvelopeContract.particularsOf(agreement)).sha256();
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
     * The kept executed contract of the executed {@code envelope}. An envelope executed before contracts were kept
     * is sealed again (deterministically, at its execution time, as then) and kept from now on.
     */
    public Mono<RenderedPdf> executedContractOf(Envelope envelope) {
        return executed.find(envelope.envelopeId(), envelope.executedDocumentHash())
                .switchIfEmpty(Mono.defer(() -> Mono.fromCallable(() -> sealed(envelope, envelope.executedAt()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(sealed -> executed.store(envelope.envelopeId(), envelope.caseId().value(), sealed).thenReturn(sealed))));
    }

    private RenderedPdf sealed(Envelope envelope, Instant executedAt) {
        RenderedPdf contract = ContractTemplate.executed(EnvelopeContract.particularsOf(envelope), envelope.documentHash(),
                EnvelopeContract.signatureLinesOf(envelope));
        return new RenderedPdf(ContractSealer.seal(contract.bytes(), seal, executedAt, "Chongqing, CN"));
    }
}
