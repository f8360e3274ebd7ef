package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.SigningDriver.LINK_CODES;
import static org.investflow.signing.SigningDriver.LINK_DECLINES;
import static org.investflow.signing.SigningDriver.LINK_SIGNATURES;
import static org.investflow.signing.SigningDriver.LINK_VIEWS;
import static org.investflow.signing.SigningDriver.VOIDS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.investflow.platform.domain.AuditEntry;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.persistence.EnvelopeRepository;
import org.investflow.signing.events.SigningEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every malformed body a signature through a link can receive is refused with a 4xx problem+json,
 * sent with the very link and code of the signer whose turn it is; the envelope is left exactly as it
 * was (same version, state, signers, links and audit history) and nothing is published: after one
 * valid signature the case's topic holds exactly the sending and that signature. The other write
 * endpoints (code, view, decline, void) refuse bad fields naming them, changing nothing: as each checks that, they
 * share one case (every malformed signature gets a case of its own, which its valid signature changes).
 */
class MalformedInputTest extends SigningHttpTest {

    static final AtomicInteger INVESTORS = new AtomicInteger();
    static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    /**
     * One driver, so one reader of the topic, for the whole class: every test looks only at its own case. (Closing a
     * reader waits out its pending fetch, half a second, which a driver per test paid in every test.)
     */
    static SigningDriver shared;

    /** The sent case the other endpoints' refusals share, created by the first of them. */
    static Unsent unsent;

    /** A sent case, its investor's link and its envelope once settled, before any refusal. */
    record Unsent(String caseId, String token, Envelope before) {
    }

    @Autowired
    EnvelopeRepository envelopes;

    @Override
    @BeforeEach
    protected void connectDriver() {
        if (shared == null) {
            shared = new SigningDriver(port);
        }
        driver = shared;
    }

    /** The class's driver stays connected until its last test. */
    @Override
    @AfterEach
    protected void closeDriver() {
    }

    @AfterAll
    static void disconnect() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        unsent = null;
    }

    static final String VALID = "\"token\": \"%T\", \"code\": \"%C\", \"consent\": true";

    static Stream<Arguments> malformedSignatures() {
        return Stream.of(
                refused("broken JSON", "{" + VALID + ", \"typedName\": \"Hans Müller\"", JSON, 400),
                refused("not JSON at all", "token=%T&code=%C&typedName=Hans+M%C3%BCller", JSON, 400),
                refused("an array instead of an object", "[\"%T\", \"%C\", \"Hans Müller\"]", JSON, 400),
                refused("a bare string instead of an object", "\"Hans Müller\"", JSON, 400),
                refused("a number for the name", "{" + VALID + ", \"typedName\": 42}", JSON, 400),
                refused("an object for the name", "{" + VALID + ", \"typedName\": {\"first\": \"Hans\"}}", JSON, 400),
                refused("a list for the name", "{" + VALID + ", \"typedName\": [\"Hans Müller\"]}", JSON, 400),
                refused("a null name", "{" + VALID + ", \"typedName\": null}", JSON, 400),
                refused("the name missing", "{" + VALID + "}", JSON, 400),
                refused("a blank name", "{" + VALID + ", \"typedName\": \"  \\t \"}", JSON, 400),
                refused("a name over 200 characters", "{" + VALID + ", \"typedName\": \"" + "x".repeat(201) + "\"}", JSON, 400),
                refused("no consent", "{\"token\": \"%T\", \"code\": \"%C\", \"typedName\": \"Hans Müller\"}", JSON, 400),
                refused("consent refused", "{\"token\": \"%T\", \"code\": \"%C\", \"consent\": false, \"typedName\": \"Hans\"}", JSON, 400),
                refused("consent as a string", "{\"token\": \"%T\", \"code\": \"%C\", \"consent\": \"yes\", \"typedName\": \"Hans\"}", JSON, 400),
                refused("the code missing", "{\"token\": \"%T\", \"consent\": true, \"typedName\": \"Hans\"}", JSON, 400),
                refused("a five-digit code", "{\"token\": \"%T\", \"code\": \"12345\", \"consent\": true, \"typedName\": \"Hans\"}", JSON, 400),
                refused("letters for the code", "{\"token\": \"%T\", \"code\": \"12a456\", \"consent\": true, \"typedName\": \"Hans\"}", JSON, 400),
                refused("the code as a number", "{\"token\": \"%T\", \"code\": 123456, \"consent\": true, \"typedName\": \"Hans\"}", JSON, 400),
                refused("the token missing", "{\"code\": \"%C\", \"consent\": true, \"typedName\": \"Hans\"}", JSON, 400),
                refused("a blank token", "{\"token\": \" \", \"code\": \"%C\", \"consent\": true, \"typedName\": \"Hans\"}", JSON, 400),
                refused("an unknown property", "{" + VALID + ", \"typedName\": \"Hans Müller\", \"signedBy\": \"officer-li\"}", JSON, 400),
                refused("money smuggled in as a string", "{" + VALID + ", \"typedName\": \"Hans\", \"investmentAmount\": \"1.00\"}", JSON, 400),
                refused("trailing tokens", "{" + VALID + ", \"typedName\": \"Hans Müller\"} {\"typedName\": \"Mallory\"}", JSON, 400),
                refused("an empty body", "", JSON, 400),
                refused("a body that is not JSON by its type", "Hans Müller", MediaType.TEXT_PLAIN_VALUE, 415),
                refused("a body over 64 KB", "{" + VALID + ", \"typedName\": \"" + "x".repeat(70_000) + "\"}", JSON, 413));
    }

    static Arguments refused(String what, String body, String contentType, int status) {
        return Arguments.of(what, body, contentType, status);
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("malformedSignatures")
    void aMalformedSignatureIsRefusedAndNeitherStoredNorPublished(String what, String body, String contentType, int status) {
        String investor = "investor-fuzz-" + INVESTORS.incrementAndGet();
        String caseId = driver.sentCase(investor, "officer-li");
        String token = TestMail.awaitLink(investor, caseId);
        String code = driver.code(investor, caseId, token);
        Envelope before = settled(caseId);

        driver.link(LINK_SIGNATURES, body.replace("%T", token).replace("%C", code), contentType)
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        unchanged(caseId, before);
        driver.link(LINK_SIGNATURES, Map.of("token", token, "code", code, "typedName", "Hans Müller", "consent", true))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PARTIALLY_SIGNED");
        driver.signing.await(caseId, SigningEvents.SIGNATURE_RECORDED);
        assertThat(driver.typesSeenFor(caseId)).containsExactly(SigningEvents.CONTRACT_DRAFTED, SigningEvents.ENVELOPE_SENT,
                SigningEvents.SIGNATURE_RECORDED);
    }

    static Stream<Arguments> malformedOtherRequests() {
        return Stream.of(
                Arguments.of(LINK_CODES, "{}", "token"),
                Arguments.of(LINK_CODES, "{\"token\": 42}", "token"),
                Arguments.of(LINK_CODES, "{\"token\": \"%T\", \"extra\": 1}", "extra"),
                Arguments.of(LINK_VIEWS, "{\"token\": \"%T\"}", "code"),
                Arguments.of(LINK_VIEWS, "{\"token\": \"%T\", \"code\": \"1234567\"}", "code"),
                Arguments.of(LINK_DECLINES, "{\"token\": \"%T\", \"code\": \"123456\", \"category\": \"TERMS\"}", "reason"),
                Arguments.of(LINK_DECLINES, "{\"token\": \"%T\", \"code\": \"123456\", \"category\": \"TERMS\", \"reason\": \" \"}", "reason"),
                Arguments.of(LINK_DECLINES, "{\"token\": \"%T\", \"code\": \"123456\", \"category\": \"BORED\", \"reason\": \"x\"}", "category"),
                Arguments.of(LINK_DECLINES, "{\"token\": \"%T\", \"code\": \"123456\", \"reason\": \"x\"}", "category"),
                Arguments.of(LINK_DECLINES, "{\"token\": \"%T\", \"code\": \"123456\", \"category\": \"TERMS\", \"reason\": \""
                        + "x".repeat(2001) + "\"}", "reason"),
                Arguments.of(VOIDS, "{}", "reason"),
                Arguments.of(VOIDS, "{\"reason\": \"  \"}", "reason"),
                Arguments.of(VOIDS, "{\"reason\": 7}", "reason"),
                Arguments.of(VOIDS, "{\"reason\": \"" + "x".repeat(2001) + "\"}", "reason"),
                Arguments.of(VOIDS, "{\"reason\": \"ok\", \"status\": \"EXECUTED\"}", "status"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedOtherRequests")
    void aMalformedLinkOrVoidRequestIsRefusedNamingTheFieldAndChangesNothing(String path, String body, String field) {
        Unsent fixture = unsent();
        String caseId = fixture.caseId();
        Envelope before = fixture.before();
        String json = body.replace("%T", fixture.token());
        WebTestClient.ResponseSpec response = path.equals(VOIDS)
                ? driver.as("officer-li", "OFFICER", HttpMethod.POST, VOIDS, caseId).bodyValue(json).exchange()
                : driver.link(path, json, JSON);
        response.expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(problem -> assertThat(problem).contains(field));
        unchanged(caseId, before);
    }

    /**
     * The case the other endpoints' refusals share: each refusal changes nothing, which each checks against the
     * envelope as it settled before the first, so any change a refusal made fails that test and every later one.
     */
    private Unsent unsent() {
        if (unsent == null) {
            String investor = "investor-fuzz-" + INVESTORS.incrementAndGet();
            String caseId = driver.sentCase(investor, "officer-li");
            String token = TestMail.awaitLink(investor, caseId);
            unsent = new Unsent(caseId, token, settled(caseId));
        }
        return unsent;
    }

    private void unchanged(String caseId, Envelope before) {
        Envelope after = envelopes.findFirstByCaseIdOrderBySentAtDesc(caseId).block();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.signers()).isEqualTo(before.signers());
        assertThat(after.links()).isEqualTo(before.links());
        assertThat(after.outbox()).isEmpty();
        assertThat(after.history()).extracting(AuditEntry::eventId).isEqualTo(eventIds(before));
    }

    /**
     * The envelope once the relay has published and removed its EnvelopeSent and the mail job has
     * removed the delivered mails (both bump the version): the mail reaches the inbox just before
     * its removal is saved.
     */
    private Envelope settled(String caseId) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> envelopes.findFirstByCaseIdOrderBySentAtDesc(caseId).block(),
                        envelope -> envelope.outbox().isEmpty() && envelope.mails().isEmpty());
    }

    private static List<String> eventIds(Envelope envelope) {
        return envelope.history().stream().map(AuditEntry::eventId).toList();
    }
}
