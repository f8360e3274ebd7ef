package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.SigningDriver.SIGNATURES;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.investflow.platform.domain.AuditEntry;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.persistence.EnvelopeRepository;
import org.investflow.signing.events.SigningEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every malformed body the write endpoint (a signature) can receive is refused with a 4xx
 * problem+json, sent by the very signer whose turn it is; the envelope is left exactly as it was
 * (same version, state, signers and audit history) and nothing is published: after one valid
 * signature the case's topic holds exactly the sending and that signature.
 */
@SigningServiceTest
class MalformedInputTest {

    static final AtomicInteger INVESTORS = new AtomicInteger();
    static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    @LocalServerPort
    int port;
    @Autowired
    EnvelopeRepository envelopes;

    SigningDriver driver;

    @BeforeEach
    void connect() {
        driver = new SigningDriver(port);
    }

    @AfterEach
    void disconnect() {
        driver.close();
    }

    static Stream<Arguments> malformedSignatures() {
        return Stream.of(
                refused("broken JSON", "{\"typedName\": \"Hans Müller\"", JSON, 400),
                refused("not JSON at all", "typedName=Hans+M%C3%BCller", JSON, 400),
                refused("an array instead of an object", "[\"Hans Müller\"]", JSON, 400),
                refused("a bare string instead of an object", "\"Hans Müller\"", JSON, 400),
                refused("a number for the name", "{\"typedName\": 42}", JSON, 400),
                refused("an object for the name", "{\"typedName\": {\"first\": \"Hans\"}}", JSON, 400),
                refused("a list for the name", "{\"typedName\": [\"Hans Müller\"]}", JSON, 400),
                refused("a null name", "{\"typedName\": null}", JSON, 400),
                refused("the name missing", "{}", JSON, 400),
                refused("a blank name", "{\"typedName\": \"  \\t \"}", JSON, 400),
                refused("an unknown property", "{\"typedName\": \"Hans Müller\", \"signedBy\": \"officer-li\"}", JSON, 400),
                refused("money smuggled in as a string", "{\"typedName\": \"Hans Müller\", \"investmentAmount\": \"1.00\"}", JSON, 400),
                refused("trailing tokens", "{\"typedName\": \"Hans Müller\"} {\"typedName\": \"Mallory\"}", JSON, 400),
                refused("a name over 200 characters", "{\"typedName\": \"" + "x".repeat(201) + "\"}", JSON, 400),
                refused("an empty body", "", JSON, 400),
                refused("a body that is not JSON by its type", "Hans Müller", MediaType.TEXT_PLAIN_VALUE, 415),
                refused("a body over 64 KB", "{\"typedName\": \"" + "x".repeat(70_000) + "\"}", JSON, 413));
    }

    static Arguments refused(String what, String body, String contentType, int status) {
        return Arguments.of(what, body, contentType, status);
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("malformedSignatures")
    void aMalformedSignatureIsRefusedAndNeitherStoredNorPublished(String what, String body, String contentType, int status) {
        String investor = "investor-fuzz-" + INVESTORS.incrementAndGet();
        String caseId = driver.sentCase(investor, "officer-li");
        Envelope before = settled(caseId);

        driver.as(investor, "INVESTOR", HttpMethod.POST, SIGNATURES, caseId).contentType(MediaType.parseMediaType(contentType))
                .bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        Envelope after = envelopes.findFirstByCaseIdOrderBySentAtDesc(caseId).block();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.signers()).isEqualTo(before.signers());
        assertThat(after.outbox()).isEmpty();
        assertThat(after.history()).extracting(AuditEntry::eventId).isEqualTo(eventIds(before));
        onlyTheNextValidSignatureIsPublished(investor, caseId);
    }

    /** The envelope once the relay has published and removed its EnvelopeSent (which bumps the version). */
    private Envelope settled(String caseId) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> envelopes.findFirstByCaseIdOrderBySentAtDesc(caseId).block(), envelope -> envelope.outbox().isEmpty());
    }

    private static List<String> eventIds(Envelope envelope) {
        return envelope.history().stream().map(AuditEntry::eventId).toList();
    }

    private void onlyTheNextValidSignatureIsPublished(String investor, String caseId) {
        WebTestClient.ResponseSpec valid = driver.sign(investor, "INVESTOR", caseId, "Hans Müller");
        valid.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PARTIALLY_SIGNED");
        driver.signing.await(caseId, SigningEvents.SIGNATURE_RECORDED);
        assertThat(driver.typesSeenFor(caseId)).containsExactly(SigningEvents.ENVELOPE_SENT, SigningEvents.SIGNATURE_RECORDED);
    }
}
