package org.investflow.signing.envelope.web;


import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.investflow.platform.web.Caller;
import org.investflow.platform.events.Role;
import org.investflow.signing.contract.RenderedPdf;
import org.investflow.signing.contract.ContractDocumentService;
import org.investflow.signing.envelope.EnvelopeService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A case's envelope for logged-in users: the owner investor and all commission staff read it and its
 * documents, its signers record views, the assigned officer or a leader voids it. Signing and
 * declining go through the signers' one-time links and emailed codes only ({@link SigningLinkController}).
 */
@RestController
@RequestMapping("/api/envelopes")
class EnvelopeController {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final EnvelopeService envelopes;
    private final ContractDocumentService documents;
    private final RequestOrigins origins;

    EnvelopeController(EnvelopeService envelopes, ContractDocumentService documents, RequestOrigins origins) {
        this.envelopes = envelopes;
        this.documents = documents;
        this.origins = origins;
    }

    /** The contract the signers sign, as PDF; its SHA-256 is the envelope's {@code documentHash}. */
    @GetMapping(path = "/{caseId}/contract", produces = "application/pdf")
    Mono<ResponseEntity<byte[]>> contract(Caller caller, @PathVariable String caseId) {
        return documents.contract(caseId, caller.actor()).map(pdf -> pdf(pdf, caseId + "-contract.pdf"));
    }

    /** The executed contract sealed by the commission, as PDF; 409 before the last signature. */
    @GetMapping(path = "/{caseId}/executed-contract", produces = "application/pdf")
    Mono<ResponseEntity<byte[]>> executedContract(Caller caller, @PathVariable String caseId) {
        return documents.executed(caseId, caller.actor()).map(pdf -> pdf(pdf, caseId + "-executed-contract.pdf"));
    }

    /** The certificate of completion of the executed envelope, as PDF; 409 before the last signature. */
    @GetMapping(path = "/{caseId}/certificate", produces = "application/pdf")
    Mono<ResponseEntity<byte[]>> certificate(Caller caller, @PathVariable String caseId) {
        return documents.certificate(caseId, caller.actor()).map(pdf -> pdf(pdf, caseId + "-certificate-of-completion.pdf"));
    }

    /** The envelope's hash-chained audit trail and whether it is intact. */
    @GetMapping("/{caseId}/audit-trail")
    Mono<AuditTrailView> auditTrail(Caller caller, @PathVariable String caseId) {
        return envelopes.view(caseId, caller.actor()).map(AuditTrailView::of);
    }

    /** A signer records that they viewed the contract (audit trail only, no event); 204. */
    @ApiResponse(responseCode = "204", description = "Recorded")
    @PostMapping("/{caseId}/views")
    Mono<ResponseEntity<Void>> viewed(Caller caller, @PathVariable String caseId, ServerHttpRequest request) {
        caller.require(Role.INVESTOR, Role.OFFICER);
        return envelopes.recordView(caseId, caller.actor(), origins.of(request)).thenReturn(ResponseEntity.noContent().build());
    }

    static ResponseEntity<byte[]> pdf(RenderedPdf pdf, String filename) {
        return ResponseEntity.ok().contentType(PDF).eTag("\"" + pdf.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(pdf.bytes());
    }

    @GetMapping("/{caseId}")
    Mono<EnvelopeView> view(Caller caller, @PathVariable String caseId) {
        return envelopes.view(caseId, caller.actor()).map(EnvelopeView::of);
    }

    /** The case's assigned officer or a leader voids its open envelope with a reason. */
    @PostMapping("/{caseId}/voids")
    Mono<EnvelopeView> voidEnvelope(Caller caller, @PathVariable String caseId, @Valid @RequestBody ReasonRequest request,
                                    ServerHttpRequest http) {
        caller.require(Role.OFFICER, Role.LEADER);
        return envelopes.voidEnvelope(caseId, caller.actor(), request.reason().strip(), origins.of(http)).map(EnvelopeView::of);
    }
}
