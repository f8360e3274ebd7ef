package org.investflow.negotiation.negotiation.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.investflow.negotiation.negotiation.Comment;
import org.investflow.negotiation.negotiation.Negotiation;
import org.investflow.negotiation.negotiation.NegotiationService;
import org.investflow.negotiation.negotiation.TermSheet;
import org.investflow.platform.web.Caller;
import org.investflow.platform.events.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The parties (the assigned case officer and the owning investor) propose, counter, accept, comment
 * and withdraw; leaders approve or reject commission versions beyond the incentive policy; the owner
 * and all staff read. Roles are checked here, the case relation by the negotiation itself. Every
 * answer that shows the negotiation carries its revision as {@code ETag}; a write with
 * {@code If-Match} naming an older revision is refused with 412.
 */
@RestController
@RequestMapping("/api/negotiations")
class NegotiationController {

    private final NegotiationService negotiations;

    NegotiationController(NegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    @GetMapping("/{caseId}")
    Mono<ResponseEntity<NegotiationView>> view(Caller caller, @PathVariable String caseId) {
        return negotiations.find(caseId, caller.actor()).map(negotiation -> shown(HttpStatus.OK, negotiation, caller));
    }

    @ApiResponse(responseCode = "201", description = "The new term-sheet version, its address in Location", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/proposals")
    Mono<ResponseEntity<TermSheetView>> propose(Caller caller, @PathVariable String caseId,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody ProposeTermsRequest request) {
        caller.require(Role.OFFICER, Role.INVESTOR);
        return negotiations.propose(caseId, caller.actor(), request.toTerms(), request.basedOn(), Revisions.expected(ifMatch))
                .map(negotiation -> {
                    List<TermSheet> sheets = negotiation.termSheets();
                    TermSheetView view = TermSheetView.of(sheets.get(sheets.size() - 1), !caller.is(Role.INVESTOR));
                    return ResponseEntity.created(location(caseId, view.version())).eTag(Revisions.etag(negotiation)).body(view);
                });
    }

    @PostMapping("/{caseId}/proposals/{version}/acceptance")
    Mono<ResponseEntity<NegotiationView>> accept(Caller caller, @PathVariable String caseId, @PathVariable int version,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        caller.require(Role.INVESTOR, Role.OFFICER);
        return negotiations.accept(caseId, version, caller.actor(), Revisions.expected(ifMatch))
                .map(negotiation -> shown(HttpStatus.OK, negotiation, caller));
    }

    @PostMapping("/{caseId}/proposals/{version}/approval")
    Mono<ResponseEntity<NegotiationView>> approve(Caller caller, @PathVariable String caseId, @PathVariable int version,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody ReasonRequest request) {
        caller.require(Role.LEADER);
        return negotiations.approve(caseId, version, caller.actor(), request.reason(), Revisions.expected(ifMatch))
                .map(negotiation -> shown(HttpStatus.OK, negotiation, caller));
    }

    @PostMapping("/{caseId}/proposals/{version}/rejection")
    Mono<ResponseEntity<NegotiationView>> reject(Caller caller, @PathVariable String caseId, @PathVariable int version,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody ReasonRequest request) {
        caller.require(Role.LEADER);
        return negotiations.reject(caseId, version, caller.actor(), request.reason(), Revisions.expected(ifMatch))
                .map(negotiation -> shown(HttpStatus.OK, negotiation, caller));
    }

    /** The diff as JSON (changes and text) or, when the client prefers {@code text/plain}, as the text alone. */
    @GetMapping(path = "/{caseId}/diff", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    Mono<ResponseEntity<Object>> diff(Caller caller, @PathVariable String caseId, @RequestParam int from, @RequestParam int to,
                                      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean text = DiffView.prefersText(accept);
        return negotiations.diff(caseId, from, to, caller.actor()).map(diff -> text
                ? ResponseEntity.ok().contentType(DiffView.TEXT).body(diff.text() + "\n")
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(DiffView.of(diff)));
    }

    @ApiResponse(responseCode = "201", description = "The comment", useReturnTypeSchema = true)
    @PostMapping("/{caseId}/comments")
    Mono<ResponseEntity<Comment>> comment(Caller caller, @PathVariable String caseId,
                                          @Valid @RequestBody CommentRequest request) {
        caller.require(Role.INVESTOR, Role.OFFICER);
        return negotiations.comment(caseId, caller.actor(), request.text())
                .map(comment -> ResponseEntity.status(HttpStatus.CREATED).body(comment));
    }

    @PostMapping("/{caseId}/withdrawal")
    Mono<ResponseEntity<NegotiationView>> withdraw(Caller caller, @PathVariable String caseId,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody ReasonRequest request) {
        caller.require(Role.INVESTOR, Role.OFFICER);
        return negotiations.withdraw(caseId, caller.actor(), request.reason(), Revisions.expected(ifMatch))
                .map(negotiation -> shown(HttpStatus.OK, negotiation, caller));
    }

    private static ResponseEntity<NegotiationView> shown(HttpStatus status, Negotiation negotiation, Caller caller) {
        return ResponseEntity.status(status).eTag(Revisions.etag(negotiation)).body(NegotiationView.of(negotiation, caller.actor()));
    }

    private static URI location(String caseId, int version) {
        return URI.create("/api/negotiations/" + caseId + "/proposals/" + version);
    }
}
