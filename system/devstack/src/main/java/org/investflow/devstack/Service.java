package org.investflow.devstack;

import java.util.function.Supplier;

import org.investflow.intake.IntakeApplication;
import org.investflow.negotiation.NegotiationApplication;
import org.investflow.signing.SigningApplication;
import org.investflow.tracking.TrackingApplication;
import org.springframework.boot.SpringApplication;

/** The four InvestFlow services, with the port each has in the local stack. */
public enum Service {
    INTAKE("intake", 8081, IntakeApplication::application),
    NEGOTIATION("negotiation", 8082, NegotiationApplication::application),
    E_SIGNATURE("e-signature", 8083, SigningApplication::application),
    PROJECT_TRACKING("project-tracking", 8084, TrackingApplication::application);

    private final String serviceName;
    private final int localPort;
    private final Supplier<SpringApplication> application;

    Service(String serviceName, int localPort, Supplier<SpringApplication> application) {
        this.serviceName = serviceName;
        this.localPort = localPort;
        this.application = application;
    }

    public String serviceName() {
        return serviceName;
    }

    public int localPort() {
        return localPort;
    }

    /** Its own database, as in production: one per service. */
    public String database() {
        return "investflow_" + serviceName.replace('-', '_');
    }

    SpringApplication application() {
        return application.get();
    }
}
