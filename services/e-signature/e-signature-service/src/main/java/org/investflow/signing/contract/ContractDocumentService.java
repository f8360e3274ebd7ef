package org.investflow.signing.contract;

import java.util.List;

import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.events.Actor;
import org.investflow.signing.audit.AuditChain;
import org.investflow.signing.audit.AuditEntry;
import org.investflow.signing.contract.persistence.ContractSealing;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.EnvelopeService;
import org.investflow.signing.envelope.EnvelopeStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The PDFs of an envelope, for those who may read it. The contract and the certificate of completion are
 * rendered deterministically from the envelope (the contract once, then kept in {@link DraftContracts}); the executed
 * contract is the sealed file kept at execution, handed out byte for byte.
 */
@Service
public class ContractDocumentService {

    private final EnvelopeService envelopes;
    private final ContractSealing sealing;
    private final DraftContracts drafts;

    public ContractDocumentService(EnvelopeService envelopes, ContractSealing sealing, DraftContracts drafts) {
        this.envelopes = envelopes;
        this.sealing = sealing;
        this.drafts = drafts;
    }

    /** The contract the signers sign; its SHA-256 is the envelope's {@code documentHash}. */
    public Mono<RenderedPdf> contract(String caseId, Actor viewer) {
        return envelopes.view(caseId, viewer).flatMap(this::contractOf);
    }

    /** The contract of {@code envelope} (already authorised), rendered, when it is not kept, off the event loop. */
    public Mono<RenderedPdf> contractOf(Envelope envelope) {
        return Mono.fromCallable(() -> drafts.draftOf(envelope)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The executed contract with its signatures page, sealed by the commission, as kept at execution; 409 before execution. */
    public Mono<RenderedPdf> executed(String caseId, Actor viewer) {
        return envelopes.view(caseId, viewer).map(ContractDocumentService::requireExecuted).flatMap(sealing::executedContractOf);
    }

    /**
     * The certificate of completion: signers, times, the signed and sealed contracts' hashes and the
     * audit chain with its head; 409 before execution. Deterministic like the contract.
     */
    public Mono<RenderedPdf> certificate(String caseId, Actor viewer) {
        return envelopes.view(caseId, viewer).map(envelope -> requireExecuted(envelope, "hand out the certificate of completion"))
                .publishOn(Schedulers.boundedElastic()).map(this::certificateOf);
    }

    private RenderedPdf certificateOf(Envelope envelope) {
        List<AuditEntry> trail = envelope.auditTrail();
        List<CompletionCertificate.AuditLine> lines = trail.stream()
                .map(entry -> new CompletionCertificate.AuditLine(entry.sequence(), entry.action().name(),
                        entry.actorId() + " (" + entry.actorRole() + ")", ContractTemplate.time(entry.at()), entry.hash()))
                .toList();
        return CompletionCertificate.render(EnvelopeContract.particularsOf(envelope), envelope.envelopeId(), envelope.documentHash(),
                envelope.executedDocumentHash(), EnvelopeContract.signatureLinesOf(envelope), lines, AuditChain.head(trail));
    }

    private static Envelope requireExecuted(Envelope envelope) {
        return requireExecuted(envelope, "hand out the executed contract");
    }

    private static Envelope requireExecuted(Envelope envelope, String attempted) {
        if (envelope.status() != EnvelopeStatus.EXECUTED) {
            throw new IllegalTransitionException("envelope " + envelope.envelopeId(), envelope.status(), attempted);
        }
        return envelope;
    }
}
