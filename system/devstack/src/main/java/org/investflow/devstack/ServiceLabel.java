package org.investflow.devstack;

import java.util.Map;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The service a log line belongs to, for the local stack's console ({@code %service} in its
 * {@code logback.xml}). Spring Boot labels lines with {@code spring.application.name}, but the logging
 * system is set up once per JVM, so with four services in one JVM every line said the first one's name.
 * The label is, in this order: the service {@link ServiceFleet} is starting on this thread (startup
 * lines, the framework's included); the service whose package the logger is in; {@code stack} for the
 * rest (shared threads of the libraries, the stack itself).
 */
public final class ServiceLabel extends ClassicConverter {

    /** MDC key {@link ServiceFleet} sets while a service starts. */
    static final String STARTING = "investflow.service";

    private static final Map<String, String> PACKAGES = Map.of(
            "org.investflow.intake.", Service.INTAKE.serviceName(),
            "org.investflow.negotiation.", Service.NEGOTIATION.serviceName(),
            "org.investflow.signing.", Service.E_SIGNATURE.serviceName(),
            "org.investflow.tracking.", Service.PROJECT_TRACKING.serviceName());

    @Override
    public String convert(ILoggingEvent event) {
        String starting = event.getMDCPropertyMap().get(STARTING);
        if (starting != null) {
            return starting;
        }
        String logger = event.getLoggerName();
        return PACKAGES.entrySet().stream().filter(entry -> logger.startsWith(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("stack");
    }
}
