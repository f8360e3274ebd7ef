package org.investflow.signing.envelope;

import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.RenderedPdf;
import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.ContractSealer;

/**
 * The executed contract of an envelope, sealed by the commission. Deterministic (the seal's time is
 * the execution time, RSA PKCS#1 v1.5 signs deterministically), so the hash announced at execution is
 * the hash of every later download. Blocking: call on a bounded-elastic thread.
 */
public class ContractSealing {

    private final CommissionSeal seal;

    public ContractSealing(CommissionSeal seal) {
        this.seal = seal;
    }

    public RenderedPdf sealed(Envelope envelope) {
        RenderedPdf executed = ContractTemplate.executed(envelope.particulars(), envelope.documentHash(), envelope.signatureLines());
        return new RenderedPdf(ContractSealer.seal(executed.bytes(), seal, envelope.executedAt(), "Chongqing, CN"));
    }
}
