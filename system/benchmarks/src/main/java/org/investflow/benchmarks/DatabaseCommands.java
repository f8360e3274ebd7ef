package org.investflow.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * Counts the commands the database server receives, by database (one per service), command name and collection, so a benchmark
 * can say how many database round trips one unit of work costs the whole system: the floor under its rate on a store
 * whose every command costs about what a raw insert does.
 */
final class DatabaseCommands {

    /** A command that took the server at least {@value #SLOW_MILLIS} ms: when it ended, how long it took, and what it was. */
    record Slow(long endedAtNanos, long millis, String command) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** How long a command must take to be kept as slow. */
    static final long SLOW_MILLIS = 100;
    private static final int SLOW_KEPT = 200;

    /** By database, then by command, e.g. {@code update(intentions)}. */
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
    /** The server's time on them, nanoseconds, keyed as {@link #counts}. */
    private final Map<String, Map<String, LongAdder>> nanos = new ConcurrentHashMap<>();
    /**
     * The CPU time of the server's thread on them, nanoseconds, keyed as {@link #counts}: unlike {@link #nanos} it leaves
     * out the time the thread waited for a core or for another command's lock on the collection.
     */
    private final Map<String, Map<String, LongAdder>> cpuNanos = new ConcurrentHashMap<>();
    private final java.util.Deque<Slow> slow = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** {@code backend}, counting every command that reaches it over the wire. */
    MongoBackend counting(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(), new Class<?>[] {MongoBackend.class},
                (proxy, method, args) -> {
                    String on = null;
                    if (method.getName().equals("handleMessage") && args[0] instanceof MongoMessage message) {
                        String command = message.getDocument().keySet().stream().findFirst().orElse("?");
                        Object collection = message.getDocument().get(command);
                        on = collection instanceof String name ? command + "(" + name + ")" : command;
                        adder(counts, message.getDatabaseName(), on).increment();
                    }
                    long started = System.nanoTime();
                    long cpuStarted = THREADS.getCurrentThreadCpuTime();
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        long ended = System.nanoTime();
                        if (on != null) {
                            adder(nanos, ((MongoMessage) args[0]).getDatabaseName(), on).add(ended - started);
                            adder(cpuNanos, ((MongoMessage) args[0]).getDatabaseName(), on).add(THREADS.getCurrentThreadCpuTime() - cpuStarted);
                        }
                        long millis = (ended - started) / 1_000_000;
                        if (millis >= SLOW_MILLIS && args != null && args.length > 0 && args[0] instanceof MongoMessage message) {
                            keepSlow(new Slow(ended, millis, message.getDatabaseName() + " " + outline(message.getDocument())));
                        }
                    }
                });
    }

    private static LongAdder adder(Map<String, Map<String, LongAdder>> by, String database, String command) {
        return by.computeIfAbsent(database, any -> new ConcurrentHashMap<>()).computeIfAbsent(command, key -> new LongAdder());
    }

    private void keepSlow(Slow command) {
        slow.addLast(command);
        while (slow.size() > SLOW_KEPT) {
            slow.pollFirst();
        }
    }

    /**
     * The command as text, its lists (a bulk write's documents) by their size only, at most 300 characters: rendering
     * a bulk write of hundreds of documents whole took the server's worker thread longer than many a command.
     */
    private static String outline(de.bwaldvogel.mongo.bson.Document command) {
        StringBuilder text = new StringBuilder("{");
        command.forEach((key, value) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(key).append(": ").append(value instanceof java.util.Collection<?> many ? "[" + many.size() + " items]" : value);
        });
        String outline = text.append('}').toString();
        return outline.length() > 300 ? outline.substring(0, 300) + "…" : outline;
    }

    /** The slow commands (at least {@value #SLOW_MILLIS} ms in the server) that ended after {@code sinceNanos}, slowest first. */
    java.util.List<Slow> slowSince(long sinceNanos) {
        return slow.stream().filter(command -> command.endedAtNanos() - sinceNanos > 0)
                .sorted(java.util.Comparator.comparingLong(Slow::millis).reversed()).toList();
    }

    /**
     * {@code counts} of one database's commands, each with the server's mean time on it from {@code nanos} and its
     * thread's mean CPU time from {@code cpu}, the {@code limit} most sent first, e.g. "update(intentions) 3100 × 0.12 ms
     * (CPU 0.10), find(officer_loads) 2000 × 0.30 ms (CPU 0.21)".
     */
    static String described(Map<String, Long> counts, Map<String, Long> nanos, Map<String, Long> cpu, int limit) {
        return described(counts, nanos, cpu, limit, Map.Entry.<String, Long>comparingByValue().reversed());
    }

    /** As {@link #described(Map, Map, Map, int)}, the commands that took the server longest in all first. */
    static String describedByTime(Map<String, Long> counts, Map<String, Long> nanos, Map<String, Long> cpu, int limit) {
        return described(counts, nanos, cpu, limit, java.util.Comparator.<Map.Entry<String, Long>>comparingLong(
                entry -> nanos.getOrDefault(entry.getKey(), 0L)).reversed());
    }

    private static String described(Map<String, Long> counts, Map<String, Long> nanos, Map<String, Long> cpu, int limit,
                                    java.util.Comparator<Map.Entry<String, Long>> order) {
        return counts.entrySet().stream().sorted(order).limit(limit)
                .map(entry -> entry.getKey() + " " + entry.getValue() + " × " + String.format(java.util.Locale.ROOT, "%.2f ms (CPU %.2f)",
                        nanos.getOrDefault(entry.getKey(), 0L) / 1e6 / entry.getValue(),
                        cpu.getOrDefault(entry.getKey(), 0L) / 1e6 / entry.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The commands from now on: {@link Window#of} tells one database's since this call. */
    Window window() {
        return new Window(this, snapshot(), nanosSnapshot(), cpuSnapshot());
    }

    /** Command counts and server times at one moment, to tell what a database sent since. */
    record Window(DatabaseCommands commands, Map<String, Map<String, Long>> countsBefore, Map<String, Map<String, Long>> nanosBefore,
                  Map<String, Map<String, Long>> cpuBefore) {

        /**
         * How many commands {@code database} sent since the window opened, the server thread's CPU time on them, and
         * the {@code limit} that took the server longest in all, with their mean server and CPU time.
         */
        Moved of(String database, int limit) {
            Map<String, Long> counts = commands.since(countsBefore).getOrDefault(database, Map.of());
            Map<String, Long> cpu = commands.cpuSince(cpuBefore).getOrDefault(database, Map.of());
            return new Moved(counts.values().stream().mapToLong(Long::longValue).sum(),
                    cpu.values().stream().mapToLong(Long::longValue).sum(),
                    describedByTime(counts, commands.nanosSince(nanosBefore).getOrDefault(database, Map.of()), cpu, limit));
        }
    }

    /** A database's commands in a window: their number, the server thread's CPU time on them, their description ({@link #described}). */
    record Moved(long count, long cpuNanos, String described) {
    }

    Map<String, Map<String, Long>> snapshot() {
        return copy(counts);
    }

    /** The server's time on the commands so far (nanoseconds), by database, then by command. */
    Map<String, Map<String, Long>> nanosSnapshot() {
        return copy(nanos);
    }

    /** The CPU time of the server's threads on the commands so far (nanoseconds), keyed as {@link #nanosSnapshot}. */
    Map<String, Map<String, Long>> cpuSnapshot() {
        return copy(cpuNanos);
    }

    /** The server threads' CPU time (nanoseconds) since {@code before} (a {@link #cpuSnapshot}), keyed as {@link #since}. */
    Map<String, Map<String, Long>> cpuSince(Map<String, Map<String, Long>> before) {
        return moved(cpuSnapshot(), before);
    }

    private static Map<String, Map<String, Long>> copy(Map<String, Map<String, LongAdder>> by) {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        by.forEach((database, commands) -> commands.forEach((command, count) ->
                copy.computeIfAbsent(database, any -> new TreeMap<>()).put(command, count.sum())));
        return copy;
    }

    /** What was counted since {@code before}, by database, then by command, leaving out what did not move. */
    Map<String, Map<String, Long>> since(Map<String, Map<String, Long>> before) {
        return moved(snapshot(), before);
    }

    /** The server's time (nanoseconds) since {@code before} (a {@link #nanosSnapshot}), keyed as {@link #since}. */
    Map<String, Map<String, Long>> nanosSince(Map<String, Map<String, Long>> before) {
        return moved(nanosSnapshot(), before);
    }

    private static Map<String, Map<String, Long>> moved(Map<String, Map<String, Long>> after, Map<String, Map<String, Long>> before) {
        Map<String, Map<String, Long>> moved = new TreeMap<>();
        after.forEach((database, commands) -> commands.forEach((command, now) -> {
            long delta = now - before.getOrDefault(database, Map.of()).getOrDefault(command, 0L);
            if (delta > 0) {
                moved.computeIfAbsent(database, any -> new TreeMap<>()).put(command, delta);
            }
        }));
        return moved;
    }
}
