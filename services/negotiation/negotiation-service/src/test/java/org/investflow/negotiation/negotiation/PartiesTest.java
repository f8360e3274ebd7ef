package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.CASE;
import static org.investflow.negotiation.negotiation.TermSheetTableTest.NOW;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;

/** Access to the table, and the thread of remarks the parties write at it. */
class PartiesTest {

    static final Parties PARTIES = new Parties("investor-de-1", "officer-li");

    @Test
    void theOwnerAndTheAssignedOfficerSitAtTheTable() {
        assertThatCode(() -> PARTIES.require(new Actor("investor-de-1", Role.INVESTOR), CASE)).doesNotThrowAnyException();
        assertThatCode(() -> PARTIES.require(new Actor("officer-li", Role.OFFICER), CASE)).doesNotThrowAnyException();
    }

    @Test
    void anotherInvestorIsAnsweredAsIfTheCaseDidNotExist() {
        assertThatThrownBy(() -> PARTIES.require(new Actor("investor-other", Role.INVESTOR), CASE))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherOfficerIsRefusedOpenly() {
        assertThatThrownBy(() -> PARTIES.require(new Actor("officer-wang", Role.OFFICER), CASE))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("another case officer");
    }

    @Test
    void eachActorNegotiatesForTheirSide() {
        assertThat(Side.of(new Actor("investor-de-1", Role.INVESTOR))).isEqualTo(Side.INVESTOR);
        assertThat(Side.of(new Actor("officer-li", Role.OFFICER))).isEqualTo(Side.COMMISSION);
    }

    @Test
    void commentsKeepTheirAuthorRoleAndOrder() {
        Comments comments = new Comments();
        comments.add(new Actor("officer-li", Role.OFFICER), "first", NOW);
        comments.add(new Actor("investor-de-1", Role.INVESTOR), "second", NOW);
        assertThat(comments.all()).extracting(Comment::text).containsExactly("first", "second");
        assertThat(comments.all().get(1).role()).isEqualTo(Role.INVESTOR);
    }
}
