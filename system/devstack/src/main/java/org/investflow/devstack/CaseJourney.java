package org.investflow.devstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives one investment case through the whole pipeline over HTTP, as its users would: an investor
 * submits, the routed officer accepts and proposes terms, the investor counters, the officer adds a
 * subsidy that a leader must approve, the investor accepts it, the investor's signatory and then the
 * commission's and the district's representatives sign through the one-time links and codes
 * e-signature mails them (read from their mailboxes over IMAP), anyone verifies the sealed
 * contract, the officer records milestones until the project lands. Between services it only waits
 * for the events to have done their work. Used by the demo against the local stack, by the end-to-end
 * test and by the benchmark.
 *
 * <p>{@link #withFirstContractDeclined()} adds the way back: the investor's signatory declines the
 * first contract, negotiation reopens at the agreed version, both parties accept it again and a new
 * envelope is signed.
 */
public final class CaseJourney {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final Map<Service, URI> services;
    private final BiFunction<String, String, String> tokens;
    private final Consumer<String> report;
    /**
     * The mailbox user of e-signature's default district representative (its default configuration mails
     * them at {@code district-representative@users.investflow.local}); no platform user, only a mailbox.
     */
    static final String DISTRICT_REPRESENTATIVE = "district-representative";

    private final SignerMailbox mailbox;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock = Clock.systemUTC();
    private final String investor;
    private final String officer;
    private final String leader = "leader-chen";
    private final Map<String, Long> stepMillis = new LinkedHashMap<>();
    /** Signing-link tokens already used up in this journey: a later step waits for a newer one. */
    private final Set<String> spentLinks = new HashSet<>();
    private final boolean declineFirstContract;

    /**
     * @param services where each service answers
     * @param tokens   a bearer token for (user, role): from the local issuer's login, or a test issuer
     * @param investor the investor who submits and signs
     * @param officer  the officer who follows the case (reads); the one who acts is the one intake routes it to
     * @param mailbox  where the signers read the links and codes e-signature mails them
     * @param report   where each step is reported
     */
    public CaseJourney(Map<Service, URI> services, BiFunction<String, String, String> tokens, String investor,
                       String officer, SignerMailbox mailbox, Consumer<String> report) {
        this(services, tokens, investor, officer, mailbox, report, false);
    }

    private CaseJourney(Map<Service, URI> services, BiFunction<String, String, String> tokens, String investor,
                        String officer, SignerMailbox mailbox, Consumer<String> report, boolean declineFirstContract) {
        this.declineFirstContract = declineFirstContract;
        this.services = services;
        this.tokens = tokens;
        this.investor = investor;
        this.officer = officer;
        this.mailbox = mailbox;
        this.report = report;
    }

    /** The same journey in which the investor's signatory first declines the contract. */
    public CaseJourney withFirstContractDeclined() {
        return new CaseJourney(services, tokens, investor, officer, mailbox, report, true);
    }

    /**
     * Runs the journey and returns the case id; every step's time is in {@link #stepMillis()}. The
     * officer who acts is the one intake routed the case to.
     */
    public String run() {
        JsonNode intention = step("investor submits an intention", this::submit);
        String caseId = intention.path("caseId").asText();
        String assigned = intention.path("assignedOfficerId").asText(officer);
        report.accept("    case " + caseId + " screened " + intention.path("screening").path("outcome").asText()
                + ", routed to " + assigned);
        step("assigned officer accepts it", () -> post(Service.INTAKE, "/api/intentions/" + caseId + "/acceptance",
                assigned, "OFFICER", Map.of()));
        step("negotiation opens", () -> awaitFound(Service.NEGOTIATION, "/api/negotiations/" + caseId));
        int first = step("officer proposes terms", () -> post(Service.NEGOTIATION,
                "/api/negotiations/" + caseId + "/proposals", assigned, "OFFICER", terms(380, null, null))).path("version").asInt();
        int counter = step("investor counter-offers more jobs", () -> post(Service.NEGOTIATION,
                "/api/negotiations/" + caseId + "/proposals", investor, "INVESTOR", terms(420, first, null))).path("version").asInt();
        int subsidised = step("officer adds a subsidy (needs approval)", () -> post(Service.NEGOTIATION,
                "/api/negotiations/" + caseId + "/proposals", assigned, "OFFICER", terms(420, counter, subsidy())))
                .path("version").asInt();
        step("leader approves the subsidy", () -> post(Service.NEGOTIATION, "/api/negotiations/" + caseId + "/proposals/"
                + subsidised + "/approval", leader, "LEADER", Map.of("reason", "Within the 2026 advanced-manufacturing programme")));
        step("investor accepts version " + subsidised, () -> post(Service.NEGOTIATION,
                "/api/negotiations/" + caseId + "/proposals/" + subsidised + "/acceptance", investor, "INVESTOR", Map.of()));
        JsonNode envelope = step("contract envelope is sent", () -> awaitFound(Service.E_SIGNATURE, "/api/envelopes/" + caseId));
        if (declineFirstContract) {
            declineAndAgreeAgain(caseId, assigned, subsidised, envelope.path("envelopeId").asText());
        }
        step("investor's signatory signs by mailed link", () -> signThroughLink(investor, caseId, "Anna Schmidt"));
        step("commission signs by mailed link", () -> signThroughLink(assigned, caseId, "李明"));
        step("district representative signs by mailed link", () -> signThroughLink(DISTRICT_REPRESENTATIVE, caseId, "王芳"));
        step("anyone verifies the sealed contract", () -> verifyExecuted(caseId));
        step("project is created", () -> awaitFound(Service.PROJECT_TRACKING, "/api/projects/" + caseId));
        for (String milestone : new String[] {"BUSINESS_REGISTERED", "CONSTRUCTION_STARTED", "CAPITAL_INJECTED"}) {
            step("officer records " + milestone, () -> post(Service.PROJECT_TRACKING, "/api/projects/" + caseId + "/milestones",
                    assigned, "OFFICER", Map.of("milestone", milestone, "achievedOn", LocalDate.now(clock).toString())));
        }
        step("pipeline shows the case LANDED", () -> awaitStage(caseId, "LANDED"));
        return caseId;
    }

    /**
     * The investor's signatory declines; negotiation reopens at the agreed version; the officer and the
     * investor accept it again; e-signature sends a new envelope for the new agreement.
     */
    private void declineAndAgreeAgain(String caseId, String assigned, int agreedVersion, String declinedEnvelope) {
        step("investor's signatory declines by mailed link", () -> declineThroughLink(investor, caseId));
        step("negotiation reopens", () -> awaitStatus(Service.NEGOTIATION, "/api/negotiations/" + caseId, "REOPENED"));
        String acceptance = "/api/negotiations/" + caseId + "/proposals/" + agreedVersion + "/acceptance";
        step("officer accepts version " + agreedVersion + " again", () -> post(Service.NEGOTIATION, acceptance, assigned,
                "OFFICER", Map.of()));
        step("investor accepts version " + agreedVersion + " again", () -> post(Service.NEGOTIATION, acceptance, investor,
                "INVESTOR", Map.of()));
        step("a new contract envelope is sent", () -> Awaitility.await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> tryGet(Service.E_SIGNATURE, "/api/envelopes/" + caseId),
                        body -> body != null && !declinedEnvelope.equals(body.path("envelopeId").asText())));
    }

    /** The pipeline funnel as leadership sees it. */
    public JsonNode funnel() {
        return get(Service.PROJECT_TRACKING, "/api/pipeline/funnel", leader, "LEADER");
    }

    /** The commission's figures (contracted, landed, rates, capital, jobs) as leadership sees them. */
    public JsonNode figures() {
        return get(Service.PROJECT_TRACKING, "/api/pipeline/figures", leader, "LEADER");
    }

    public Map<String, Long> stepMillis() {
        return Map.copyOf(stepMillis);
    }

    /**
     * A signer's way: the link from their invitation, a code by mail, the contract, then the
     * signature with consent; nothing but the link and the code identifies them.
     */
    private JsonNode signThroughLink(String user, String caseId, String typedName) {
        Map<String, Object> credentials = viewThroughLink(user, caseId);
        Map<String, Object> signature = new java.util.HashMap<>(credentials);
        signature.putAll(Map.of("typedName", typedName, "consent", true));
        return expect2xx(open("/api/signing-links/signatures", signature));
    }

    /** A signer's way to say no: the link, a code by mail, the contract, then the decline with its reason. */
    private JsonNode declineThroughLink(String user, String caseId) {
        Map<String, Object> decline = new java.util.HashMap<>(viewThroughLink(user, caseId));
        decline.putAll(Map.of("category", "TERMS", "reason", "The construction start must move by one quarter."));
        return expect2xx(open("/api/signing-links/declines", decline));
    }

    /** Opens the signer's newest unused link with a mailed code and views the contract; the link is then spent. */
    private Map<String, Object> viewThroughLink(String user, String caseId) {
        String token = mailbox.awaitLink(user, caseId, spentLinks);
        spentLinks.add(token);
        int codesBefore = mailbox.codes(user, caseId);
        expect2xx(open("/api/signing-links/codes", Map.of("token", token)));
        String code = mailbox.awaitCode(user, caseId, codesBefore);
        sendForBytes(open("/api/signing-links/views", Map.of("token", token, "code", code)));
        return Map.of("token", token, "code", code);
    }

    /** The executed contract downloads sealed, hashes to what the envelope announced, and verifies without a token. */
    private JsonNode verifyExecuted(String caseId) {
        byte[] pdf = sendForBytes(request(Service.E_SIGNATURE, "/api/envelopes/" + caseId + "/executed-contract", investor, "INVESTOR")
                .GET().build());
        JsonNode envelope = get(Service.E_SIGNATURE, "/api/envelopes/" + caseId, investor, "INVESTOR");
        if (!sha256(pdf).equals(envelope.path("executedDocumentHash").asText())) {
            throw new IllegalStateException("the executed contract of " + caseId + " does not hash to what execution announced");
        }
        JsonNode verification = expect2xx(HttpRequest.newBuilder(services.get(Service.E_SIGNATURE).resolve("/api/verifications"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build());
        if (!verification.path("valid").asBoolean()) {
            throw new IllegalStateException("the executed contract of " + caseId + " does not verify: " + verification);
        }
        return verification;
    }

    /** A request to e-signature's open signing-link API: no bearer token, the link is the credential. */
    private HttpRequest open(String path, Map<String, Object> body) {
        return HttpRequest.newBuilder(services.get(Service.E_SIGNATURE).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private byte[] sendForBytes(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode submit() {
        String company = "Rheinmetall Präzision GmbH 重庆分公司 " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> form = new java.util.HashMap<>(Map.of("companyName", company, "country", "DE",
                "registrationNumber", "HRB " + UUID.randomUUID().toString().substring(0, 8),
                "contactName", "Anna Schmidt", "contactEmail", "anna.schmidt@example.de", "contactPhone", "+4930123456",
                "industryCode", "C29", "investmentType", "GREENFIELD", "plannedAmount", new BigDecimal("120000000.00"),
                "currency", "EUR"));
        form.putAll(Map.of("plannedJobs", 350, "district", "Liangjiang New Area",
                "expectedStart", LocalDate.now(clock).plusMonths(6).toString(), "description", "Electric drivetrain plant"));
        HttpRequest request = request(Service.INTAKE, "/api/intentions", investor, "INVESTOR")
                .header("Idempotency-Key", "demo-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(form))).build();
        return expect2xx(request);
    }

    /** A term sheet; {@code basedOn} is the version it counters, {@code incentive} an optional incentive. */
    private Map<String, Object> terms(int jobs, Integer basedOn, Map<String, Object> incentive) {
        Map<String, Object> terms = new java.util.HashMap<>(Map.of("investmentAmount", new BigDecimal("118000000.00"),
                "currency", "EUR", "jobs", jobs, "landingDeadline", LocalDate.now(clock).plusYears(2).toString()));
        if (basedOn != null) {
            terms.put("basedOn", basedOn);
        }
        if (incentive != null) {
            terms.put("incentives", java.util.List.of(incentive));
        }
        return terms;
    }

    private static Map<String, Object> subsidy() {
        return Map.of("kind", "SUBSIDY", "value", new BigDecimal("10000000.00"),
                "policyBasis", "Chongqing advanced manufacturing subsidy (2026)");
    }

    private <T> T step(String name, java.util.function.Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        stepMillis.put(name, millis);
        report.accept(String.format("  ✔ %-40s %5d ms", name, millis));
        return result;
    }

    private void step(String name, Runnable action) {
        step(name, () -> {
            action.run();
            return null;
        });
    }

    private JsonNode awaitFound(Service service, String path) {
        return Awaitility.await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> tryGet(service, path), body -> body != null);
    }

    private JsonNode awaitStatus(Service service, String path, String status) {
        return Awaitility.await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> tryGet(service, path), body -> body != null && status.equals(body.path("status").asText()));
    }

    private JsonNode awaitStage(String caseId, String stage) {
        return Awaitility.await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> tryGet(Service.PROJECT_TRACKING, "/api/pipeline/cases/" + caseId),
                        body -> body != null && stage.equals(body.path("stage").asText()));
    }

    private JsonNode tryGet(Service service, String path) {
        HttpResponse<String> response = send(request(service, path, officer, "OFFICER").GET().build());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private JsonNode get(Service service, String path, String user, String role) {
        return expect2xx(request(service, path, user, role).GET().build());
    }

    private JsonNode post(Service service, String path, String user, String role, Map<String, Object> body) {
        return expect2xx(request(service, path, user, role)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private HttpRequest.Builder request(Service service, String path, String user, String role) {
        return HttpRequest.newBuilder(services.get(service).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.apply(user, role));
    }

    private JsonNode expect2xx(HttpRequest request) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
