package org.investflow.tracking.project.messaging;

import org.investflow.platform.messaging.Inbound;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.project.ProjectService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What projects hear: every contract e-signature executes starts its project. */
@Configuration(proxyBeanMethods = false)
class ProjectSubscriptions {

    @Bean
    Inbound projectInbound(ProjectService projects) {
        return Inbound.group("project-tracking", SigningEvents.CATALOG)
                .on(ContractExecuted.class, projects::start);
    }
}
