package org.investflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The caller is the token's subject in the first InvestFlow role of its claim; anything less is refused. */
class CallerResolverTest {

    private final CallerResolver resolver = new CallerResolver();

    @Test
    void theCallerIsTheSubjectInTheFirstInvestFlowRoleOfTheToken() {
        Object caller = resolver.resolveArgument(null, null, WebExchanges.as("officer-li", List.of("offline_access", "OFFICER", "LEADER"),
                "/api/cases")).block(Duration.ofSeconds(5));

        assertThat(caller).isEqualTo(new Caller("officer-li", Role.OFFICER));
    }

    @Test
    void aTokenWithoutAnInvestFlowRoleIsForbidden() {
        assertThatThrownBy(() -> resolver.resolveArgument(null, null, WebExchanges.as("someone", List.of("offline_access"), "/api/cases"))
                .block(Duration.ofSeconds(5))).isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SYSTEM", "DISTRICT_REPRESENTATIVE"})
    void aTokenCarryingOnlyANonUserRoleIsForbidden(String role) {
        assertThatThrownBy(() -> resolver.resolveArgument(null, null, WebExchanges.as("someone", List.of(role), "/api/cases"))
                .block(Duration.ofSeconds(5))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aNonUserRoleInTheTokenIsSkippedForTheUserRoleAfterIt() {
        Object caller = resolver.resolveArgument(null, null, WebExchanges.as("officer-li", List.of("SYSTEM", "OFFICER"),
                "/api/cases")).block(Duration.ofSeconds(5));

        assertThat(caller).isEqualTo(new Caller("officer-li", Role.OFFICER));
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticated() {
        assertThatThrownBy(() -> resolver.resolveArgument(null, null, WebExchanges.anonymous("/api/cases")).block(Duration.ofSeconds(5)))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void aCallerOutsideTheAllowedRolesIsForbidden() {
        Caller investor = new Caller("investor-1", Role.INVESTOR);

        assertThat(investor.require(Role.INVESTOR, Role.OFFICER)).isSameAs(investor);
        assertThatThrownBy(() -> investor.require(Role.OFFICER)).isInstanceOf(ForbiddenException.class);
    }
}
