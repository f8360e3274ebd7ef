package org.investflow.signing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An e-signature integration test that drives the running service over HTTP: {@link #driver} is connected before
 * each test and closed after it (its topic probe included).
 */
@SigningServiceTest
public abstract class SigningHttpTest {

    @LocalServerPort
    protected int port;

    protected SigningDriver driver;

    @BeforeEach
    protected void connectDriver() {
        driver = new SigningDriver(port);
    }

    @AfterEach
    protected void closeDriver() {
        driver.close();
    }
}
