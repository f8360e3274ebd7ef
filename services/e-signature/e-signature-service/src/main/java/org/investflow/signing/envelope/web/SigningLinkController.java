package org.investflow.signing.envelope.web;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.investflow.signing.contract.ContractDocumentService;
import org.investflow.signing.envelope.CodeReceipt;
import org.investflow.signing.envelope.EnvelopeService;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signer's side, without an account: their one-time link (its token), a code emailed to them,
 * then view, sign or decline. Open without a bearer token, limited per client address. Every link
 * that cannot be used answers the same 404 "invalid link".
 */
@RestController
@RequestMapping("/api/signing-links")
class SigningLinkController {

    private final EnvelopeService envelopes;
    private final ContractDocumentService documents;
    private final RequestOrigins origins;

    SigningLinkController(EnvelopeService envelopes, ContractDocumentService documents, RequestOrigins origins) {
        this.envelopes = envelopes;
        this.documents = documents;
        this.origins = origins;
    }

    /** Emails a fresh six-digit code to the link's signer; 202 with the address it went to, masked, and its validity. */
    @ApiResponse(responseCode = "202", description = "A fresh code is on its way to the signer (address masked)")
    @PostMapping("/codes")
    Mono<ResponseEntity<CodeReceipt>> code(@Valid @RequestBody LinkRequests.CodeRequest request) {
        return envelopes.sendCode(request.token()).map(receipt -> ResponseEntity.accepted().body(receipt));
    }

    /** The contract to sign, as PDF, recorded as viewed in the audit trail; once per link. */
    @PostMapping(path = "/views", produces = "application/pdf")
    Mono<ResponseEntity<byte[]>> view(@Valid @RequestBody LinkRequests.ViewRequest request, ServerHttpRequest http) {
        return envelopes.viewThroughLink(request.token(), request.code(), origins.of(http))
                .flatMap(documents::contractOf)
                .map(pdf -> EnvelopeController.pdf(pdf, "contract.pdf"));
    }

    @PostMapping("/signatures")
    Mono<SignedView> sign(@Valid @RequestBody LinkRequests.SignRequest request, ServerHttpRequest http) {
        return envelopes.signThroughLink(request.token(), request.code(), request.typedName().strip(),
                origins.of(http)).map(SignedView::of);
    }

    @PostMapping("/declines")
    Mono<SignedView> decline(@Valid @RequestBody LinkRequests.DeclineRequest request, ServerHttpRequest http) {
        return envelopes.declineThroughLink(request.token(), request.code(), request.category(), request.reason().strip(),
                origins.of(http)).map(SignedView::of);
    }
}
