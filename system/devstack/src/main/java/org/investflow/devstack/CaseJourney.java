package org.investflow.devstack;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.investflow.platform.events.Role;
import tools.jackson.databind.JsonNode;

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
 *
 * <p>The HTTP calls are {@link ServiceCalls}'; the signers' mailed-link steps, {@link LinkSigning}'s.
 */
public final class CaseJourney {

    /**
     * The mailbox user of e-signature's default district representative (its default configuration mails
     * them at {@code district-representative@users.investflow.local}); no platform user, only a mailbox.
     */
    static final String DISTRICT_REPRESENTATIVE = "district-representative";

    private final Map<Service, URI> services;
    private final BiFunction<String, String, String> tokens;
    private final Consumer<String> report;
    private final SignerMailbox mailbox;
    private final ServiceCalls calls;
    private final LinkSigning signers;
    private final Clock clock = Clock.systemUTC();
    private final String investor;
    private final String officer;
    private final String leader = "leader-chen";
    private final Map<String, Long> stepMillis = new LinkedHashMap<>();
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
        this.calls = new ServiceCalls(services, tokens, officer);
        this.signers = new LinkSigning(calls, mailbox);
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
        step("assigned officer accepts it", () -> calls.post(Service.INTAKE, "/api/intentions/" + caseId + "/acceptance",
                assigned, Role.OFFICER, Map.of()));
        step("negotiation opens", () -> calls.awaitFound(Service.NEGOTIATION, "/api/negotiations/" + caseId));
        int first = step("officer proposes terms", () -> calls.post(Service.NEGOTIATION,
                "/api/negotiations/" + caseId + "/proposals", assigned, Role.OFFICER, terms(380, null, null))).path("version").asInt();
        int counter = step("investor counter-offers more jobs", () -> calls.post(Service.NEGOTIATION,
                "/api/negotiations/" + caseId + "/proposals", investor, Role.INVESTOR, terms(420, first, null))).path("version").asInt();
        int subsidised = step("officer adds a subsidy (needs approval)", () -> calls.post(Service.NEGOTIATION,
                "/api/negotiations/" + caseId + "/proposals", assigned, Role.OFFICER, terms(420, counter, subsidy())))
                .path("version").asInt();
        step("leader approves the subsidy", () -> calls.post(Service.NEGOTIATION, "/api/negotiations/" + caseId + "/proposals/"
                + subsidised + "/approval", leader, Role.LEADER, Map.of("reason", "Within the 2026 advanced-manufacturing programme")));
        step("investor accepts version " + subsidised, () -> calls.post(Service.NEGOTIATION,
                "/api/negotiations/" + caseId + "/proposals/" + subsidised + "/acceptance", investor, Role.INVESTOR, Map.of()));
        JsonNode envelope = step("contract envelope is sent", () -> calls.awaitFound(Service.E_SIGNATURE, "/api/envelopes/" + caseId));
        if (declineFirstContract) {
            declineAndAgreeAgain(caseId, assigned, subsidised, envelope.path("envelopeId").asText());
        }
        step("investor's signatory signs by mailed link", () -> signers.sign(investor, caseId, "Anna Schmidt"));
        step("commission signs by mailed link", () -> signers.sign(assigned, caseId, "李明"));
        step("district representative signs by mailed link", () -> signers.sign(DISTRICT_REPRESENTATIVE, caseId, "王芳"));
        step("anyone verifies the sealed contract", () -> signers.verifyExecuted(caseId, investor));
        step("project is created", () -> calls.awaitFound(Service.PROJECT_TRACKING, "/api/projects/" + caseId));
        for (String milestone : new String[] {"BUSINESS_REGISTERED", "CONSTRUCTION_STARTED", "CAPITAL_INJECTED"}) {
            step("officer records " + milestone, () -> calls.post(Service.PROJECT_TRACKING, "/api/projects/" + caseId + "/milestones",
                    assigned, Role.OFFICER, Map.of("milestone", milestone, "achievedOn", LocalDate.now(clock).toString())));
        }
        step("pipeline shows the case LANDED", () -> calls.awaitUntil(Service.PROJECT_TRACKING, "/api/pipeline/cases/" + caseId,
                body -> "LANDED".equals(body.path("stage").asText())));
        return caseId;
    }

    /**
     * The investor's signatory declines; negotiation reopens at the agreed version; the officer and the
     * investor accept it again; e-signature sends a new envelope for the new agreement.
     */
    private void declineAndAgreeAgain(String caseId, String assigned, int agreedVersion, String declinedEnvelope) {
        step("investor's signatory declines by mailed link", () -> signers.decline(investor, caseId));
        step("negotiation reopens", () -> calls.awaitUntil(Service.NEGOTIATION, "/api/negotiations/" + caseId,
                body -> "REOPENED".equals(body.path("status").asText())));
        String acceptance = "/api/negotiations/" + caseId + "/proposals/" + agreedVersion + "/acceptance";
        step("officer accepts version " + agreedVersion + " again", () -> calls.post(Service.NEGOTIATION, acceptance, assigned,
                Role.OFFICER, Map.of()));
        step("investor accepts version " + agreedVersion + " again", () -> calls.post(Service.NEGOTIATION, acceptance, investor,
                Role.INVESTOR, Map.of()));
        step("a new contract envelope is sent", () -> calls.awaitUntil(Service.E_SIGNATURE, "/api/envelopes/" + caseId,
                body -> !declinedEnvelope.equals(body.path("envelopeId").asText())));
    }

    /** The pipeline funnel as leadership sees it. */
    public JsonNode funnel() {
        return calls.get(Service.PROJECT_TRACKING, "/api/pipeline/funnel", leader, Role.LEADER);
    }

    /** The commission's figures (contracted, landed, rates, capital, jobs) as leadership sees them. */
    public JsonNode figures() {
        return calls.get(Service.PROJECT_TRACKING, "/api/pipeline/figures", leader, Role.LEADER);
    }

    public Map<String, Long> stepMillis() {
        return Map.copyOf(stepMillis);
    }

    private JsonNode submit() {
        String company = "Rheinmetall Präzision GmbH 重庆分公司 " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> form = new HashMap<>(Map.of("companyName", company, "country", "DE",
                "registrationNumber", "HRB " + UUID.randomUUID().toString().substring(0, 8),
                "contactName", "Anna Schmidt", "contactEmail", "anna.schmidt@example.de", "contactPhone", "+4930123456",
                "industryCode", "C29", "investmentType", "GREENFIELD", "plannedAmount", new BigDecimal("120000000.00"),
                "currency", "EUR"));
        form.putAll(Map.of("plannedJobs", 350, "district", "Liangjiang New Area",
                "expectedStart", LocalDate.now(clock).plusMonths(6).toString(), "description", "Electric drivetrain plant"));
        HttpRequest request = calls.request(Service.INTAKE, "/api/intentions", investor, Role.INVESTOR)
                .header("Idempotency-Key", "demo-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(ServiceCalls.json(form))).build();
        return calls.expect2xx(request);
    }

    /** A term sheet; {@code basedOn} is the version it counters, {@code incentive} an optional incentive. */
    private Map<String, Object> terms(int jobs, Integer basedOn, Map<String, Object> incentive) {
        Map<String, Object> terms = new HashMap<>(Map.of("investmentAmount", new BigDecimal("118000000.00"),
                "currency", "EUR", "jobs", jobs, "landingDeadline", LocalDate.now(clock).plusYears(2).toString()));
        if (basedOn != null) {
            terms.put("basedOn", basedOn);
        }
        if (incentive != null) {
            terms.put("incentives", List.of(incentive));
        }
        return terms;
    }

    private static Map<String, Object> subsidy() {
        return Map.of("kind", "SUBSIDY", "value", new BigDecimal("10000000.00"),
                "policyBasis", "Chongqing advanced manufacturing subsidy (2026)");
    }

    private <T> T step(String name, Supplier<T> action) {
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
}
