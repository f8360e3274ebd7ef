package org.investflow.devstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.investflow.platform.events.Role;

/**
 * SMTP goes away while contracts are sent for signature, and comes back: the mail server stops, cases in
 * negotiation reach an agreement (the officer proposes terms, the investor accepts them), e-signature sends their
 * envelopes and queues the invitations in the envelopes' mail outbox, its delivery job fails against the missing
 * server (logged "mail delivery paused"), then the server starts again on the same ports and the queued mails
 * arrive. What the fault run asserts of it: every invited signer's link arrives, the outbox drains, no mail arrives
 * twice ({@link MailServer#deliveriesByMailId()}).
 */
final class MailOutage {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String PAUSED = "mail delivery paused";
    private static final String PENDING_GAUGE = "investflow_signing_mails_pending";

    private final Map<Service, URI> services;
    private final BiFunction<String, String, String> tokens;
    private final List<Path> serviceLogs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param services    the instance the cases are driven through
     * @param tokens      bearer tokens of the demo users
     * @param serviceLogs the log files of every instance of the services (where a failed delivery is logged)
     */
    MailOutage(Map<Service, URI> services, BiFunction<String, String, String> tokens, List<Path> serviceLogs) {
        this.services = services;
        this.tokens = tokens;
        this.serviceLogs = List.copyOf(serviceLogs);
    }

    /**
     * Stops {@code mail}, sends the contracts of {@code cases} for signature, waits until a delivery failed, starts
     * the mail server again on its ports and waits until every case's investor has their signing link and the outbox
     * is empty.
     *
     * @return the mail server running again (it holds only what arrived after the outage)
     */
    MailServer strike(MailServer mail, List<CaseTraffic.Case> cases) {
        int smtpPort = mail.smtpPort();
        int imapPort = mail.imapPort();
        long pausedBefore = pausedDeliveries();
        mail.close();
        for (CaseTraffic.Case negotiating : cases) {
            agree(negotiating);
        }
        await("a mail delivery failed while SMTP was away").atMost(DELIVERY).pollInterval(Duration.ofMillis(250))
                .until(() -> pausedDeliveries() > pausedBefore);
        MailServer back = MailServer.start(smtpPort, imapPort);
        SignerMailbox mailbox = back.mailbox();
        cases.forEach(queued -> mailbox.awaitLink(queued.investor(), queued.caseId()));
        await("the mail outbox drained").atMost(DELIVERY).pollInterval(Duration.ofMillis(250)).until(() -> pendingMails() == 0);
        return back;
    }

    /** The officer proposes terms without incentives (no approval needed), the investor accepts them, the envelope is sent. */
    private void agree(CaseTraffic.Case negotiating) {
        ServiceCalls calls = new ServiceCalls(services, tokens, negotiating.officer());
        String negotiation = "/api/negotiations/" + negotiating.caseId();
        int version = calls.post(Service.NEGOTIATION, negotiation + "/proposals", negotiating.officer(), Role.OFFICER,
                Map.of("investmentAmount", new BigDecimal("118000000.00"), "currency", "EUR", "jobs", 380,
                        "landingDeadline", LocalDate.now().plusYears(2).toString())).path("version").asInt();
        calls.post(Service.NEGOTIATION, negotiation + "/proposals/" + version + "/acceptance", negotiating.investor(),
                Role.INVESTOR, Map.of());
        calls.awaitFound(Service.E_SIGNATURE, "/api/envelopes/" + negotiating.caseId());
    }

    /** e-signature's gauge of the mails waiting in its envelopes' outbox (recounted every gauge interval); -1 unreadable. */
    private long pendingMails() {
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(services.get(Service.E_SIGNATURE)
                    .resolve("/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines().filter(line -> line.startsWith(PENDING_GAUGE + " ")).findFirst()
                    .map(line -> (long) Double.parseDouble(line.substring(PENDING_GAUGE.length() + 1))).orElse(-1L);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** How many times the services' logs say a mail delivery run stopped on a failure. */
    private long pausedDeliveries() {
        long paused = 0;
        for (Path log : serviceLogs) {
            try {
                // bytes as Latin-1: a log line cut in the middle of a UTF-8 sequence must not fail the count
                String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
                for (int at = text.indexOf(PAUSED); at >= 0; at = text.indexOf(PAUSED, at + 1)) {
                    paused++;
                }
            } catch (NoSuchFileException notYet) {
                // an instance that has not written yet
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return paused;
    }
}
