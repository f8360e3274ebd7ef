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

    /** By database, then by command, e.g. {@code update(intentions)}. */
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    /** {@code backend}, counting every command that reaches it over the wire. */
    MongoBackend counting(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(), new Class<?>[] {MongoBackend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("handleMessage") && args[0] instanceof MongoMessage message) {
                        String command = message.getDocument().keySet().stream().findFirst().orElse("?");
                        Object collection = message.getDocument().get(command);
                        String on = collection instanceof String name ? command + "(" + name + ")" : command;
                        counts.computeIfAbsent(message.getDatabaseName(), database -> new ConcurrentHashMap<>())
                                .computeIfAbsent(on, key -> new LongAdder()).increment();
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The counts so far, by database, then by command. */
    Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((database, commands) -> commands.forEach((command, count) ->
                copy.computeIfAbsent(database, any -> new TreeMap<>()).put(command, count.sum())));
        return copy;
    }

    /** What was counted since {@code before}, by database, then by command, leaving out what did not move. */
    Map<String, Map<String, Long>> since(Map<String, Map<String, Long>> before) {
        Map<String, Map<String, Long>> moved = new TreeMap<>();
        snapshot().forEach((database, commands) -> commands.forEach((command, now) -> {
            long delta = now - before.getOrDefault(database, Map.of()).getOrDefault(command, 0L);
            if (delta > 0) {
                moved.computeIfAbsent(database, any -> new TreeMap<>()).put(command, delta);
            }
        }));
        return moved;
    }
}
