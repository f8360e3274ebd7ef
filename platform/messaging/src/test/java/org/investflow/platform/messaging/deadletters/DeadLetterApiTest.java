package org.investflow.platform.messaging.deadletters;

import java.time.Instant;

import org.investflow.platform.events.Actor;
import org.investflow.platform.events.CaseEvent;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import org.investflow.platform.messaging.Inbound;
import org.investflow.platform.messaging.MessagingTestApplication;
import org.investflow.platform.testkit.InfrastructureInitializer;
import org.investflow.platform.testkit.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The dead-letter API is for administrators only; bad coordinates are refused as problem+json naming the field. */
@SpringBootTest(classes = DeadLetterApiTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=dlq-api", "investflow.messaging.topics=dlq.api,dlq.api.DLT",
                "investflow.messaging.consumes=dlq.api"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class DeadLetterApiTest {

    @LocalServerPort
    int port;
    WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void anAdministratorListsTheDeadLettersOfAConsumedTopic() {
        http.get().uri("/api/admin/dead-letters/dlq.api").headers(h -> h.setBearerAuth(TestIssuer.token("ada", "ADMIN")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$").isArray();
    }

    @Test
    void otherRolesAreForbiddenAndAnonymousCallersUnauthorised() {
        http.get().uri("/api/admin/dead-letters/dlq.api").headers(h -> h.setBearerAuth(TestIssuer.token("otto", "OFFICER")))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/admin/dead-letters/dlq.api/replay").headers(h -> h.setBearerAuth(TestIssuer.token("lea", "LEADER")))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/admin/dead-letters/dlq.api").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aTopicTheServiceDoesNotConsumeIsNotFound() {
        http.get().uri("/api/admin/dead-letters/elsewhere.events").headers(h -> h.setBearerAuth(TestIssuer.token("ada", "ADMIN")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void badCoordinatesAreRefusedAsProblemDetails() {
        http.post().uri("/api/admin/dead-letters/dlq.api/0/-1/replay").headers(h -> h.setBearerAuth(TestIssuer.token("ada", "ADMIN")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("offset");
        http.post().uri("/api/admin/dead-letters/dlq.api/zero/1/replay").headers(h -> h.setBearerAuth(TestIssuer.token("ada", "ADMIN")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    record Noted(String caseId, Instant occurredAt, Actor actor) implements CaseEvent {
    }

    @MessagingTestApplication
    static class App {

        @Bean
        Inbound notes() {
            return Inbound.group("dlq-api", EventCatalog.of("dlq.api", "/investflow/test",
                            new EventType<>("org.investflow.test.noted.v1", Noted.class)))
                    .on(Noted.class, (event, metadata) -> Mono.empty());
        }
    }
}
