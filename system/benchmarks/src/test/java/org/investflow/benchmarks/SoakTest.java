package org.investflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The soak's measures: metrics summed from a Prometheus scrape, the heap's trend, connections counted by port. */
class SoakTest {

    @Test
    void sumsEverySampleOfAMetricAndNoOther() {
        String exposition = """
                # HELP mongodb_driver_pool_size the pool size
                # TYPE mongodb_driver_pool_size gauge
                mongodb_driver_pool_size{cluster_id="a",server_address="127.0.0.1:27017"} 3.0
                mongodb_driver_pool_size{cluster_id="b",server_address="127.0.0.1:27017"} 2.0
                mongodb_driver_pool_size_max 100.0
                kafka_consumer_connection_count{client_id="c"} 1.0
                """;

        assertThat(Soak.sum(exposition, "mongodb_driver_pool_size")).isEqualTo(5);
        assertThat(Soak.sum(exposition, "kafka_consumer_connection_count")).isEqualTo(1);
        assertThat(Soak.sum(exposition, "kafka_producer_connection_count")).isZero();
    }

    @Test
    void theHeapTrendIsTheLeastSquaresSlopeInMegabytesPerMinute() {
        List<Soak.Minute> climbing = List.of(minute(2, 300), minute(3, 310), minute(4, 320), minute(5, 330));
        List<Soak.Minute> flat = List.of(minute(2, 300), minute(3, 305), minute(4, 300), minute(5, 305));

        assertThat(Soak.slopeMbPerMinute(climbing)).isCloseTo(10.0, within(1e-9));
        assertThat(Soak.slopeMbPerMinute(flat)).isCloseTo(1.0, within(1e-9));
        assertThat(Soak.slopeMbPerMinute(List.of(minute(1, 300)))).isZero();
    }

    @Test
    void countsThisJvmsEstablishedConnectionsToAPort() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            assertThat(Soak.connectionsTo(server.getLocalPort())).isEqualTo(1);
        }
    }

    private static Soak.Minute minute(int minute, long heapMb) {
        return new Soak.Minute(minute, heapMb, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0);
    }
}
