package org.investflow.platform.messaging.deadletters;

import java.util.List;
import java.util.Map;

import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.web.Caller;
import org.investflow.platform.events.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Administrators list a consumed topic's dead letters and replay one or all of them after a fix. */
@RestController
class DeadLetterController {

    private final DeadLetterQueue queue;

    DeadLetterController(DeadLetterQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/api/admin/dead-letters/{topic}")
    Mono<List<DeadLetter>> list(Caller caller, @PathVariable String topic) {
        caller.require(Role.ADMIN);
        return queue.list(topic);
    }

    @PostMapping("/api/admin/dead-letters/{topic}/{partition}/{offset}/replay")
    Mono<DeadLetter> replay(Caller caller, @PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        caller.require(Role.ADMIN);
        if (partition < 0 || offset < 0) {
            throw new InvalidInputException(Map.of(partition < 0 ? "partition" : "offset", "must not be negative"));
        }
        return queue.replay(topic, partition, offset);
    }

    @PostMapping("/api/admin/dead-letters/{topic}/replay")
    Mono<Map<String, Integer>> replayAll(Caller caller, @PathVariable String topic) {
        caller.require(Role.ADMIN);
        return queue.replayAll(topic).map(replayed -> Map.of("replayed", replayed));
    }
}
