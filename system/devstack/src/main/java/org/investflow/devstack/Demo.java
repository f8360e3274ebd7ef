package org.investflow.devstack;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import org.investflow.identity.DemoLogin;

/**
 * Drives one case through the running local stack and prints every step and the funnel, so a
 * newcomer sees the pipeline work in a minute: {@code ./investflow demo}. With {@code --decline} the
 * investor's signatory first declines the contract, and the case goes back through negotiation.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        Map<Service, URI> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, URI.create("http://127.0.0.1:" + service.localPort()));
        }
        System.out.println("Driving one investment case through InvestFlow ...");
        DemoTokens tokens = new DemoTokens(URI.create(System.getProperty("investflow.issuer", "http://127.0.0.1:9000")));
        System.out.println("Logging in as investor-de-1, officer-li and leader-chen at the local issuer ...");
        SignerMailbox mailbox = new SignerMailbox("127.0.0.1", Integer.getInteger("investflow.imap.port", LocalStack.IMAP_PORT));
        CaseJourney journey = new CaseJourney(services, tokens, "investor-de-1", "officer-li", mailbox, System.out::println);
        if (java.util.List.of(args).contains("--decline")) {
            journey = journey.withFirstContractDeclined();
        }
        String caseId = journey.run();
        System.out.println("Case " + caseId + " LANDED. Funnel now: " + journey.funnel());
        System.out.println("See it in the portal (sign in as investor-de-1, officer-li or leader-chen, password '" + DemoLogin.DEMO_PASSWORD
                + "'): " + portalLink(caseId));
    }

    /** The portal's page of the case (the app addresses its pages by the URL fragment). */
    static URI portalLink(String caseId) {
        return URI.create(System.getProperty("investflow.portal", "http://127.0.0.1:" + LocalStack.PORTAL_PORT) + "/#/cases/" + caseId);
    }
}
