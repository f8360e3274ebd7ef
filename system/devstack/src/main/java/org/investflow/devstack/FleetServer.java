package org.investflow.devstack;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The four services in a process of their own ({@link FleetProcess} starts it), so that a test can kill them
 * with SIGKILL at any point, as a crashed pod or machine would be, and start them again. They stop by themselves
 * when the process that started them ends.
 *
 * <p>Arguments are {@code --key=value} settings for every service; three are the fleet's own:
 * {@value #KAFKA}, {@value #MONGO} and {@value #PORT_OFFSET} (each service listens on its local-stack port plus
 * the offset).
 */
public final class FleetServer {

    static final String KAFKA = "investflow.fleet.kafka";
    static final String MONGO = "investflow.fleet.mongo";
    static final String PORT_OFFSET = "investflow.fleet.port-offset";

    private FleetServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, Object> settings = new HashMap<>();
        for (String arg : args) {
            int split = arg.indexOf('=');
            settings.put(arg.substring(2, split), arg.substring(split + 1));
        }
        String kafka = (String) settings.remove(KAFKA);
        String mongo = (String) settings.remove(MONGO);
        int offset = Integer.parseInt((String) settings.remove(PORT_OFFSET));
        ServiceFleet fleet = ServiceFleet.start(kafka, mongo, port -> port + offset, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "fleet-stop"));
        ChildJvm.exitWithParent();
        new CountDownLatch(1).await();
    }
}
