package org.investflow.identity;

import java.util.List;
import java.util.Optional;

/**
 * The demo users of the local stack, all with the password {@value DemoLogin#DEMO_PASSWORD}. The same
 * users exist in the Keycloak realm export ({@code deploy/keycloak/investflow-realm.json}) for development.
 */
public final class DemoUsers {

    private static final List<DemoUser> ALL = List.of(
            DemoUser.investor("investor-de-1", "DE"),
            DemoUser.investor("investor-us-1", "US"),
            DemoUser.staff("officer-li", "OFFICER"),
            DemoUser.staff("officer-wang", "OFFICER"),
            DemoUser.staff("leader-chen", "LEADER"),
            DemoUser.staff("admin-zhao", "ADMIN"));

    private DemoUsers() {
    }

    public static List<DemoUser> all() {
        return ALL;
    }

    public static Optional<DemoUser> find(String username) {
        return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
    }
}
