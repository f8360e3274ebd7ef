package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;

class OfficerAssignmentTest {

    static final Instant ROUTED = Instant.parse("2026-03-02T08:00:00Z");
    static final Instant LATER = Instant.parse("2026-03-03T08:00:00Z");
    static final OfficerAssignment LI = new OfficerAssignment("officer-li", ROUTED);

    @Test
    void routingToNobodyLeavesTheCaseUnassigned() {
        assertThat(OfficerAssignment.routed(null, null, ROUTED)).isNull();
    }

    @Test
    void routingToTheSameOfficerKeepsWhenTheyGotIt() {
        assertThat(OfficerAssignment.routed(LI, "officer-li", LATER)).isEqualTo(LI);
    }

    @Test
    void routingToAnotherOfficerStartsTheirAssignment() {
        assertThat(OfficerAssignment.routed(LI, "officer-wang", LATER))
                .isEqualTo(new OfficerAssignment("officer-wang", LATER));
    }

    @Test
    void anOfficerDecidingOnAnUnassignedCaseIsRefused() {
        assertThatThrownBy(() -> OfficerAssignment.actingOn(null, new Actor("officer-wang", Role.OFFICER), "CQ-2026-000001"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("no officer");
    }

    @Test
    void anotherOfficerIsRefused() {
        assertThatThrownBy(() -> OfficerAssignment.actingOn(LI, new Actor("officer-wang", Role.OFFICER), "CQ-2026-000001"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("CQ-2026-000001");
    }

    @Test
    void theAssignedOfficerKeepsTheCase() {
        assertThat(OfficerAssignment.actingOn(LI, new Actor("officer-li", Role.OFFICER), "CQ-2026-000001")).isEqualTo(LI);
    }
}
