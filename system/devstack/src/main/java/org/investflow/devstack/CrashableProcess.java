package org.investflow.devstack;

/**
 * A child JVM of the local stack that tests may crash on purpose: its process id, a SIGKILL that returns once the
 * process is gone, and a clean stop (SIGTERM, which runs its shutdown hooks; forced after 20 s).
 */
abstract class CrashableProcess implements AutoCloseable {

    protected final Process process;

    CrashableProcess(Process process) {
        this.process = process;
    }

    /** The operating-system id of the process. */
    public long pid() {
        return process.pid();
    }

    /** Ends the process at once (SIGKILL), as a crash would; returns when it is gone. */
    public void kill() {
        HttpChildProcess.kill(process);
    }

    /** Stops the process cleanly, forcibly after 20 s. */
    @Override
    public void close() {
        HttpChildProcess.stop(process);
    }
}
