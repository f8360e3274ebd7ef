package org.investflow.signing.contract;

import java.time.Instant;

import org.investflow.signing.envelope.Agreement;
import org.investflow.signing.envelope.ContractDocuments;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.ContractSealer;

/**
 * Renders an envelope's contracts: the draft, and the executed contract sealed by the commission.
 * Deterministic (the seal's time is the execution time, RSA PKCS#1 v1.5 signs deterministically), so
 * the hash announced at execution is the hash of every later download. Blocking: call on a
 * bounded-elastic thread.
 */
public class ContractSealing implements ContractDocuments {

    private final CommissionSeal seal;

    public ContractSealing(CommissionSeal seal) {
        this.seal = seal;
    }

    @Override
    public String draftHashOf(Agreement agreement) {
        return ContractTemplate.draft(EnvelopeContract.particularsOf(agreement)).sha256();
    }

    @Override
    public String seal(Envelope fullySigned, Instant executedAt) {
        return sealed(fullySigned, executedAt).sha256();
    }

    /** The sealed executed contract of the executed {@code envelope}. */
    public RenderedPdf sealed(Envelope envelope) {
        return sealed(envelope, envelope.executedAt());
    }

    private RenderedPdf sealed(Envelope envelope, Instant executedAt) {
        RenderedPdf executed = ContractTemplate.executed(EnvelopeContract.particularsOf(envelope), envelope.documentHash(),
                EnvelopeContract.signatureLinesOf(envelope));
        return new RenderedPdf(ContractSealer.seal(executed.bytes(), seal, executedAt, "Chongqing, CN"));
    }
}
