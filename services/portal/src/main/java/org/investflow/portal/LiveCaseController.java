package org.investflow.portal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Live updates of one case for an open page, as server-sent events: {@code ready} once, then
 * {@code changed} whenever the case as this user sees it changed, so the page re-reads it through
 * the usual routes. The portal decides nothing: it asks the four services (project-tracking for the
 * pipeline and for the project with its milestones) with the user's own access
 * token (refreshed as needed), {@link #EVERY} after its last look, compares what they answered
 * ({@link CaseFingerprint}) and forwards no content at all. A user intake does not show the case to
 * gets {@code gone} and the stream ends, exactly as the page itself would be told "not found".
 */
@RestController
class LiveCaseController {

    static final Duration EVERY = Duration.ofSeconds(1);
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");
    /** Where the case is kept, in the order asked (intake first: it decides whether the user sees the case). */
    private static final List<Source> SOURCES = List.of(
            new Source("intake", "intake", "/api/intentions/{caseId}"),
            new Source("negotiation", "negotiation", "/api/negotiations/{caseId}"),
            new Source("tracking", "tracking", "/api/pipeline/cases/{caseId}"),
            new Source("signing", "signing", "/api/envelopes/{caseId}"),
            new Source("project", "tracking", "/api/projects/{caseId}"));

    /** One part of the case: its name in the fingerprint, the service's key in {@code investflow.portal.services}, its path. */
    private record Source(String name, String service, String path) {
    }

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final Map<String, URI> services;
    private final WebClient http;

    LiveCaseController(ReactiveOAuth2AuthorizedClientManager clients, PortalSettings settings) {
        this.clients = clients;
        this.services = settings.services();
        // Boot 4 auto-configures no WebClient.Builder without spring-boot-webclient; these calls need nothing of it
        this.http = WebClient.create();
    }

    @GetMapping(path = "/api/live/cases/{caseId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> changes(@PathVariable String caseId, ServerWebExchange exchange) {
        if (!CASE_ID.matcher(caseId).matches()) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "caseId"));
        }
        return exchange.getPrincipal().filter(OAuth2AuthenticationToken.class::isInstance).cast(OAuth2AuthenticationToken.class)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                // one look after another, EVERY apart (an interval would overflow when the services answer slowly)
                .flatMapMany(login -> Mono.defer(() -> fingerprint(caseId, login, exchange))
                        .repeatWhen(looked -> looked.delayElements(EVERY))
                        .distinctUntilChanged()
                        .index()
                        .takeUntil(seen -> seen.getT2() == CaseFingerprint.GONE)
                        .map(seen -> event(seen.getT2() == CaseFingerprint.GONE ? "gone" : seen.getT1() == 0 ? "ready" : "changed")));
    }

    private static ServerSentEvent<String> event(String name) {
        return ServerSentEvent.builder("{}").event(name).build();
    }

    /** The case as the user sees it now; {@link CaseFingerprint#GONE} when intake does not show it to them. */
    private Mono<CaseFingerprint> fingerprint(String caseId, OAuth2AuthenticationToken login, ServerWebExchange exchange) {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(login.getAuthorizedClientRegistrationId())
                .principal(login).attribute(ServerWebExchange.class.getName(), exchange).build();
        return clients.authorize(request)
                .flatMap(client -> Flux.fromIterable(SOURCES)
                        .concatMap(source -> ask(source, caseId, client.getAccessToken().getTokenValue()))
                        .collectList())
                .map(answers -> answers.get(0).status() == 200 ? CaseFingerprint.of(answers) : CaseFingerprint.GONE)
                .defaultIfEmpty(CaseFingerprint.GONE);
    }

    private Mono<CaseFingerprint.Answer> ask(Source source, String caseId, String token) {
        URI uri = URI.create(services.get(source.service()) + source.path().replace("{caseId}", caseId));
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().value() == 200
                        ? response.bodyToMono(JsonNode.class).map(body -> new CaseFingerprint.Answer(source.name(), 200, body))
                        : response.releaseBody().thenReturn(new CaseFingerprint.Answer(source.name(), response.statusCode().value(), null)));
    }
}
