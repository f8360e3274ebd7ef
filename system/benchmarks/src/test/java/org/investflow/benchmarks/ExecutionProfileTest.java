package org.investflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the CPU profile's folded stacks are counted: by code base, innermost frame and thread. */
class ExecutionProfileTest {

    private static final String FOLDED = """
            [reactor-http-epoll-3 tid=41];io/netty/channel/nio/NioEventLoop.run;org/springframework/data/mongodb/core/convert/MappingMongoConverter.read;java/util/HashMap.getNode 7
            [reactor-http-epoll-4 tid=42];io/netty/channel/nio/NioEventLoop.run;org/investflow/intake/intention/IntentionService.submit;java/lang/String.hashCode;itable stub 5
            [C2 CompilerThread0 tid=9];PhaseChaitin::Split 11
            [reactor-http-epoll-3 tid=41];io/netty/channel/nio/NioEventLoop.run;I2C/C2I adapters 1
            [VM Thread tid=3];VM_Operation::evaluate;SafepointSynchronize::begin 2
            [main tid=1];java/lang/Thread.sleep;__x64_sys_nanosleep_[k] 1
            [mongo-server-worker1 tid=50];de/bwaldvogel/mongo/backend/AbstractMongoCollection.updateDocuments;java/util/ArrayList.add;do_syscall_64_[k] 4
            """;

    @Test
    void aJdkOrNativeFrameCountsForTheNamedCodeThatCalledIt() {
        ExecutionProfile.Samples samples = ExecutionProfile.Samples.of(FOLDED);

        assertThat(samples.total()).isEqualTo(31);
        assertThat(samples.codeBases())
                .containsEntry("Spring Data MongoDB", 7L)
                .containsEntry("Netty", 1L)
                .containsEntry("InvestFlow code", 5L)
                .containsEntry("MongoDB-wire server", 4L)
                .containsEntry(ExecutionProfile.COMPILER, 11L)
                .containsEntry(ExecutionProfile.JVM, 2L)
                .containsEntry(ExecutionProfile.JDK_ONLY, 1L)
                .hasSize(7);
    }

    @Test
    void threadsArePooledByNameAndFramesNamedWithoutLambdaIds() {
        ExecutionProfile.Samples samples = ExecutionProfile.Samples.of(FOLDED
                + "[parallel-1 tid=60];org/investflow/platform/web/CallerResolver$$Lambda$3812.0x00007f830fd4cbb8.apply 3\n");

        assertThat(samples.threads()).containsEntry("reactor-http-epoll-N", 13L).containsEntry("CN CompilerThreadN", 11L);
        assertThat(samples.leaves()).containsEntry("HashMap.getNode (java.util)", 7L).containsEntry("itable stub", 5L).containsEntry("I2C/C2I adapters", 1L)
                .containsEntry("CallerResolver$$Lambda.apply (org.investflow.platform.web)", 3L);
        assertThat(samples.codeBases()).containsEntry("InvestFlow code", 8L);
    }

    @Test
    void anEmptyProfileCountsNothing() {
        assertThat(ExecutionProfile.Samples.of("").total()).isZero();
    }
}
