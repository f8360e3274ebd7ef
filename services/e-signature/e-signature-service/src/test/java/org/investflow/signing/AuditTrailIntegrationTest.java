package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.SigningDriver.AUDIT_TRAIL;
import static org.investflow.signing.SigningDriver.CERTIFICATE;
import static org.investflow.signing.SigningDriver.VIEWS;

import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.events.SigningEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every envelope action lands in its hash-chained audit trail with who, when, from where and the
 * document's hash; the trail reports itself broken after an edit in the database; the certificate of
 * completion is served once the contract is executed, printing the chain's head.
 */
class AuditTrailIntegrationTest extends SigningHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ReactiveMongoTemplate mongo;

    private void view(String user, String role, String caseId, String userAgent) {
        driver.as(user, role, HttpMethod.POST, VIEWS, caseId).header(HttpHeaders.USER_AGENT, userAgent).exchange()
                .expectStatus().isNoContent();
    }

    /** Signs through the user's mailed link and code, from a browser naming itself {@code userAgent}. */
    private void sign(String user, String caseId, String name, String userAgent) {
        String token = TestMail.awaitLink(user, caseId);
        String code = driver.code(user, caseId, token);
        driver.http.post().uri(SigningDriver.LINK_SIGNATURES).header(HttpHeaders.USER_AGENT, userAgent)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "code", code, "typedName", name, "consent", true)).exchange().expectStatus().isOk();
    }

    private JsonNode trail(String user, String role, String caseId) {
        byte[] body = driver.as(user, role, HttpMethod.GET, AUDIT_TRAIL, caseId).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    void everyActionIsChainedWithWhoWhenWhereAndTheDocumentHashAndTheCertificatePrintsTheHead() throws IOException {
        String caseId = driver.sentCase("investor-audit-1", "officer-audit-1");
        view("investor-audit-1", "INVESTOR", caseId, "InvestorBrowser/1.0");
        sign("investor-audit-1", caseId, "Hans Müller", "InvestorBrowser/1.0");
        driver.as("investor-audit-1", "INVESTOR", HttpMethod.GET, CERTIFICATE, caseId).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentState").isEqualTo("PARTIALLY_SIGNED");
        sign(SigningDriver.DISTRICT, caseId, "周敏", "DistrictBrowser/3.0");
        view("officer-audit-1", "OFFICER", caseId, "OfficerBrowser/2.0");
        sign("officer-audit-1", caseId, "李伟", "OfficerBrowser/2.0");
        driver.signing.await(caseId, SigningEvents.CONTRACT_EXECUTED);

        JsonNode trail = trail("investor-audit-1", "INVESTOR", caseId);
        assertThat(trail.get("intact").asBoolean()).isTrue();
        JsonNode entries = trail.get("entries");
        assertThat(entries.valueStream().map(e -> e.get("action").asString()).toList())
                .containsExactly("SENT", "VIEWED", "CODE_SENT", "SIGNED", "CODE_SENT", "SIGNED", "VIEWED", "CODE_SENT", "SIGNED",
                        "EXECUTED");
        String district = TestMail.addressOf(SigningDriver.DISTRICT);
        assertThat(entries.valueStream().map(e -> e.get("actorId").asString()).toList()).containsExactly("investflow",
                "investor-audit-1", "investor-audit-1", "investor-audit-1", district, district, "officer-audit-1", "officer-audit-1",
                "officer-audit-1", "investflow");
        assertThat(entries.get(5).get("actorRole").asString()).isEqualTo("DISTRICT_REPRESENTATIVE");
        assertThat(entries.get(5).get("userAgent").asString()).isEqualTo("DistrictBrowser/3.0");
        String documentHash = JSON.readTree(driver.as("investor-audit-1", "INVESTOR", HttpMethod.GET, SigningDriver.ENVELOPE, caseId)
                .exchange().expectBody().returnResult().getResponseBody()).get("documentHash").asString();
        assertThat(entries.valueStream().map(e -> e.get("documentHash").asString()).distinct().toList()).containsExactly(documentHash);
        JsonNode investorView = entries.get(1);
        assertThat(investorView.get("actorRole").asString()).isEqualTo("INVESTOR");
        assertThat(investorView.get("userAgent").asString()).isEqualTo("InvestorBrowser/1.0");
        assertThat(investorView.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(entries.get(3).get("userAgent").asString()).isEqualTo("InvestorBrowser/1.0");
        assertThat(entries.get(8).get("userAgent").asString()).isEqualTo("OfficerBrowser/2.0");
        assertThat(entries.get(9).get("actorRole").asString()).as("sealed and executed by the system").isEqualTo("SYSTEM");
        assertThat(entries.get(0).get("previousHash").asString()).isEqualTo("0".repeat(64));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).get("previousHash").asString()).isEqualTo(entries.get(i - 1).get("hash").asString());
        }
        String head = entries.get(9).get("hash").asString();
        assertThat(trail.get("head").asString()).isEqualTo(head);

        byte[] certificate = driver.as("leader-audit", "LEADER", HttpMethod.GET, CERTIFICATE, caseId).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody().returnResult().getResponseBody();
        assertThat(driver.as("investor-audit-1", "INVESTOR", HttpMethod.GET, CERTIFICATE, caseId).exchange()
                .expectBody().returnResult().getResponseBody()).as("deterministic").isEqualTo(certificate);
        try (PDDocument pdf = Loader.loadPDF(certificate)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("完成证书", caseId, "李伟", "周敏", "District representative 区政府代表", documentHash, "VIEWED", "EXECUTED");
            assertThat(text.replace(" ", "")).contains(head);
        }
    }

    @Test
    void anEntryEditedInTheDatabaseIsReportedAsTheFirstBrokenLink() {
        String caseId = driver.partiallySignedCase("investor-audit-2", "officer-audit-2");
        assertThat(trail("officer-x", "OFFICER", caseId).get("intact").asBoolean()).isTrue();
        mongo.updateFirst(Query.query(Criteria.where("caseId").is(caseId)), new Update().set("auditTrail.entries.1.actorId", "mallory"),
                Envelope.class).block();
        JsonNode trail = trail("officer-x", "OFFICER", caseId);
        assertThat(trail.get("intact").asBoolean()).isFalse();
        assertThat(trail.get("brokenEntry").asInt()).isEqualTo(2);
        assertThat(trail.get("reason").asString()).contains("entry 2");
    }

    @Test
    void aRemovedLastEntryIsReportedToo() {
        String caseId = driver.partiallySignedCase("investor-audit-3", "officer-audit-3");
        mongo.updateFirst(Query.query(Criteria.where("caseId").is(caseId)), new Update().pop("auditTrail.entries", Update.Position.LAST),
                Envelope.class).block();
        JsonNode trail = trail("investor-audit-3", "INVESTOR", caseId);
        assertThat(trail.get("intact").asBoolean()).isFalse();
        assertThat(trail.get("entries")).hasSize(2);
        assertThat(trail.get("reason").asString()).contains("missing");
    }

    @Test
    void badInputToViewsIsIgnoredOrClippedNeverStoredWhole() {
        String caseId = driver.sentCase("investor-audit-4", "officer-audit-4");
        driver.as("investor-audit-4", "INVESTOR", HttpMethod.POST, VIEWS, caseId).header(HttpHeaders.USER_AGENT, "u".repeat(5000))
                .bodyValue("{not json").exchange().expectStatus().isNoContent();
        driver.as("investor-audit-4", "INVESTOR", HttpMethod.POST, VIEWS, caseId).header(HttpHeaders.USER_AGENT, "")
                .exchange().expectStatus().isNoContent();
        JsonNode entries = trail("investor-audit-4", "INVESTOR", caseId).get("entries");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1).get("userAgent").asString()).hasSize(512);
        driver.as("investor-audit-4", "INVESTOR", HttpMethod.GET, CERTIFICATE, caseId).exchange()
                .expectStatus().isEqualTo(409).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentState").isEqualTo("SENT");
    }
}
