package org.investflow.intake.assignment.web;

import java.util.List;

import org.investflow.intake.assignment.AssignmentProperties;
import org.investflow.platform.events.Role;
import org.investflow.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case officers intake routes to, with their specialisms, for staff: the officers a leader may
 * reassign a case to (any other is refused with 400 naming {@code officerId}).
 */
@RestController
class OfficerController {

    private final AssignmentProperties assignment;

    OfficerController(AssignmentProperties assignment) {
        this.assignment = assignment;
    }

    @GetMapping("/api/officers")
    List<AssignmentProperties.Officer> officers(Caller caller) {
        caller.require(Role.OFFICER, Role.LEADER, Role.ADMIN);
        return assignment.officers();
    }
}
