package org.investflow.platform.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.mongodb.RequestContext;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.ReactiveContextProvider;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;
import reactor.core.CoreSubscriber;

/**
 * Every database query intake's driver sends while serving an HTTP request, with the request that sent it:
 * a web filter puts the request into the Reactor context, and the driver hands that context to its command
 * listener. Work outside a request (the outbox relay, scheduled checks) is not a request's query and is not
 * recorded. Recording is off until {@link #start()}.
 */
public class QueryLog implements CommandListener {

    /** The Reactor context key of the request a query belongs to. */
    public static final String REQUEST = QueryLog.class.getName() + ".request";

    private static final List<String> FILTERED = List.of("find", "update", "delete", "findAndModify", "count", "aggregate",
            "distinct");

    private final List<Query> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    /**
     * One query: the command, its collection and filter, and the request that sent it.
     *
     * @param command    find, update, delete, findAndModify, count, aggregate or distinct
     * @param collection the collection it reads or writes
     * @param filter     which documents it selects (for aggregate: its first stage's {@code $match}, or empty)
     * @param request    the HTTP method and path that sent it
     */
    public record Query(String command, String collection, BsonDocument filter, String request) {

        /** The query's shape: command, collection and each filter field with the operator applied to it. */
        public String shape() {
            StringBuilder fields = new StringBuilder();
            filter.forEach((field, value) -> fields.append(fields.isEmpty() ? "" : ", ").append(field)
                    .append(value.isDocument() ? ":" + String.join("", value.asDocument().keySet()) : ""));
            return command + " " + collection + " {" + fields + "}";
        }
    }

    /** Starts recording, forgetting earlier queries. */
    public void start() {
        recorded.clear();
        recording = true;
    }

    /** Stops recording and returns what was recorded. */
    public List<Query> stop() {
        recording = false;
        return List.copyOf(recorded);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        RequestContext context = event.getRequestContext();
        if (!recording || context == null || !context.hasKey(REQUEST) || !FILTERED.contains(event.getCommandName())) {
            return;
        }
        String request = context.get(REQUEST);
        BsonDocument command = event.getCommand();
        String collection = command.getString(event.getCommandName()).getValue();
        filters(event.getCommandName(), command).map(BsonDocument::clone) // the command's buffer is released after the event
                .forEach(filter -> recorded.add(new Query(event.getCommandName(), collection, filter, request)));
    }

    private static Stream<BsonDocument> filters(String name, BsonDocument command) {
        return switch (name) {
            case "update" -> command.getArray("updates").stream().map(update -> update.asDocument().getDocument("q"));
            case "delete" -> command.getArray("deletes").stream().map(delete -> delete.asDocument().getDocument("q"));
            case "findAndModify", "count", "distinct" -> Stream.of(command.getDocument("query", new BsonDocument()));
            case "aggregate" -> Stream.of(firstMatch(command));
            default -> Stream.of(command.getDocument("filter", new BsonDocument()));
        };
    }

    private static BsonDocument firstMatch(BsonDocument aggregate) {
        List<BsonValue> pipeline = aggregate.getArray("pipeline");
        return pipeline.isEmpty() ? new BsonDocument()
                : pipeline.get(0).asDocument().getDocument("$match", new BsonDocument());
    }

    /** The log, the driver settings that feed it and the web filter that names each query's request. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        QueryLog queryLog() {
            return new QueryLog();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer queryLogListener(QueryLog log) {
            return settings -> settings.addCommandListener(log).contextProvider((ReactiveContextProvider) subscriber ->
                    new Tagged(subscriber instanceof CoreSubscriber<?> reactor
                            ? reactor.currentContext().getOrDefault(REQUEST, null) : null));
        }

        @Bean
        WebFilter queryLogRequestTag() {
            return (exchange, chain) -> chain.filter(exchange).contextWrite(context -> context.put(REQUEST,
                    exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value()));
        }
    }

    /** A driver request context holding the request a query belongs to. */
    private static final class Tagged implements RequestContext {

        private final Map<Object, Object> values = new HashMap<>();

        Tagged(String request) {
            if (request != null) {
                values.put(REQUEST, request);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get(Object key) {
            return (T) values.get(key);
        }

        @Override
        public boolean hasKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public boolean isEmpty() {
            return values.isEmpty();
        }

        @Override
        public void put(Object key, Object value) {
            values.put(key, value);
        }

        @Override
        public void delete(Object key) {
            values.remove(key);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Stream<Map.Entry<Object, Object>> stream() {
            return values.entrySet().stream();
        }
    }
}
