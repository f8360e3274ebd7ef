package org.investflow.tracking.pipeline.persistence;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.model.RenameCollectionOptions;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.messaging.AggregateStore;
import org.investflow.platform.messaging.DeclaredIndex;
import org.investflow.tracking.pipeline.PendingTally;
import org.investflow.tracking.pipeline.PipelineCase;
import org.investflow.tracking.pipeline.TallyIncrements;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pipeline's documents a batch of events reads and writes: the cases by id in one read, the changed cases in one
 * unordered bulk write (each replaced by {@code {_id, version}}, served by a unique index on exactly those fields), the
 * tallies they count in one read of their marks and one more write (an {@code $inc} per tally document by
 * {@code {_id, v}}, marked with the batch; see {@link #tallyOnce}), and the batch's note (see {@link PendingTally}).
 */
@Component
public class CaseDocuments {

    /** The live collections. */
    public static final String CASES = "pipeline_cases";
    public static final String TALLIES = "pipeline_tallies";
    /** The live batches whose cases owe the tallies, until they are settled ({@link #markOwed}). */
    public static final String OWED = "pipeline_owed_batches";

    private static final int RECOUNT_BATCH = 1000;
    /** A tally document's marks of the batches it has (see {@link #tallyOnce}), and a case's tally outbox. */
    private static final String APPLIED = "appliedBatches";
    private static final String PENDING = "pendingTallies";

    /** A tally document's version, which each conditional update of {@link #tallyOnce} raises. */
    private static final String TALLY_VERSION = "v";
    /** The unique index on {@code {_id, v}} of every tally collection, by which {@link #tallyOnce}'s updates find their document. */
    public static final String TALLY_VERSION_INDEX = "_id_v";

    private final ReactiveMongoTemplate mongo;
    private final DeclaredIndex tallyVersionIndex;

    CaseDocuments(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.tallyVersionIndex = new DeclaredIndex(mongo, new Index().on("_id", Sort.Direction.ASC).on(TALLY_VERSION, Sort.Direction.ASC)
                .unique().named(TALLY_VERSION_INDEX));
    }

    /** The stored cases among {@code caseIds}, in one read. */
    public Flux<PipelineCase> load(String collection, Collection<String> caseIds) {
        return caseIds.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(Criteria.where("_id").in(caseIds)), PipelineCase.class, collection);
    }

    /**
     * Replaces (or inserts) every case of {@code changed}, in one bulk write, each only if it is still the version the
     * batch read ({@code {_id, version}}, served by the unique index {@value AggregateStore#VERSION_INDEX} that {@link PipelineCase} declares): a batch of an
     * instance that lost the case's partition while it ran (a rebalance, a database outage) would otherwise write its
     * stale copy over the new owner's. A case that changed since fails the write with an
     * {@link OptimisticLockingFailureException}, and the batch is consumed again from a fresh read (the cases it did
     * write have its events in their inboxes and owe the tallies under its note).
     */
    public Mono<Void> store(String collection, Collection<PipelineCase> changed) {
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        for (PipelineCase pipelineCase : changed) {
            Document document = new Document();
            mongo.getConverter().write(pipelineCase, document);
            Long read = pipelineCase.version();
            document.put(AggregateRoot.VERSION_FIELD, read == null ? 1L : read + 1);
            // not found as read: the upsert collides with the case's key, which is how a changed case shows
            writes.add(new ReplaceOneModel<>(byKeyAndVersion(pipelineCase.caseId(), AggregateRoot.VERSION_FIELD, read), document,
                    new ReplaceOptions().upsert(true)));
        }
        return bulk(collection, writes).onErrorMap(CaseDocuments::onlyDuplicateKeys,
                changedSince -> new OptimisticLockingFailureException("a case of the batch changed since it was read", changedSince));
    }

    /**
     * Adds batch {@code batch}'s {@code increments} to their tally documents once. Each document is marked with the
     * batch in the same update, and one that has the mark already is left as it is. The marks are read first (one
     * read by key), and each update is conditional on the document's version as read ({@code {_id, v}}, served by the
     * unique index {@value #TALLY_VERSION_INDEX}; a new document is inserted): a filter on the marks themselves
     * ({@code appliedBatches: {$ne: batch}}) is served by MongoDB's {@code _id} index but made the MongoDB-wire server
     * scan every tally document for every update (5 ms of the server per batch at ~2,000 cases in the benchmark,
     * growing with the tallies). A document that changed since it was read (another instance's batch) fails the write
     * with an {@link OptimisticLockingFailureException}; the caller's retry reads the marks again.
     * <p>
     * It writes only if {@code noted}, asked after the marks were read with the batch and every batch marked on the
     * documents, answers the batch among the batches still noted (on the live tallies: whose notes still exist; on a
     * rebuild's fresh tallies, which have no notes and one writer, the batch alone). A batch's marks may leave the tallies
     * only after its note went, so a writer that read no mark and then finds the note knows no one has added the batch
     * and removed its marks since; any one adding it meanwhile changes the documents' versions, which fails this write.
     * The marks of batches no longer noted go in the same update (the array is set whole, under the version condition):
     * removing them in a write of their own rewrote every tally document a second time per batch.
     */
    public Mono<Void> tallyOnce(String collection, String batch, Map<String, TallyIncrements> increments,
                                Function<Set<String>, Mono<Set<String>>> noted) {
        if (increments.isEmpty()) {
            return Mono.empty();
        }
        return tallyVersionIndex.on(collection).then(Mono.defer(() -> marks(collection, increments.keySet())))
                .flatMap(read -> {
                    Set<String> marked = new HashSet<>(Set.of(batch));
                    read.values().forEach(found -> marked.addAll(found.getList(APPLIED, String.class, List.of())));
                    return noted.apply(marked).filter(still -> still.contains(batch)).map(still -> Map.entry(read, still));
                })
                .flatMap(readAndNoted -> {
                    List<WriteModel<Document>> writes = tallyWrites(batch, increments, readAndNoted.getKey(), readAndNoted.getValue());
                    long conditional = writes.stream().filter(UpdateOneModel.class::isInstance).count();
                    return writes.isEmpty() ? Mono.<Void>empty() : mongo.getCollection(collection)
                            .flatMap(documents -> Mono.from(documents.bulkWrite(writes, new BulkWriteOptions().ordered(false))))
                            .onErrorMap(CaseDocuments::onlyDuplicateKeys, inserted -> changedSince(inserted))
                            .flatMap(result -> result.getMatchedCount() == conditional ? Mono.<Void>empty()
                                    : Mono.error(changedSince(null)));
                });
    }

    /**
     * The writes that add {@code batch}'s increments to the tally documents {@code read} (by id: their version and marks)
     * does not show marked: an insert of a document not read, an update by {@code {_id, v}} of one read, whose marks then
     * keep only the batches still {@code noted} and add this one.
     */
    private static List<WriteModel<Document>> tallyWrites(String batch, Map<String, TallyIncrements> increments, Map<String, Document> read,
                                                          Set<String> noted) {
        List<WriteModel<Document>> writes = new ArrayList<>(increments.size());
        increments.forEach((id, increment) -> {
            Document found = read.get(id);
            if (found == null) {
                writes.add(new InsertOneModel<>(tallyDocument(id, increment).append(TALLY_VERSION, 1L).append(APPLIED, List.of(batch))));
                return;
            }
            List<String> marks = found.getList(APPLIED, String.class, List.of());
            if (!marks.contains(batch)) {
                List<String> kept = new ArrayList<>(marks.stream().filter(noted::contains).toList());
                kept.add(batch);
                Document update = updateOf(increment);
                ((Document) update.computeIfAbsent("$inc", any -> new Document())).append(TALLY_VERSION, 1L);
                ((Document) update.computeIfAbsent("$set", any -> new Document())).append(APPLIED, kept);
                writes.add(new UpdateOneModel<>(byKeyAndVersion(id, TALLY_VERSION, found.get(TALLY_VERSION)), update));
            }
        });
        return writes;
    }

    /**
     * The filter {@code {_id: id, <field>: version}}, as one plain document: {@code Filters.and} renders as {@code $and},
     * whose one key the MongoDB-wire server matches against no index (it scanned 20,000 documents in 9 ms per update
     * where this filter takes 0.5 ms through the unique index on exactly these two fields).
     */
    private static Document byKeyAndVersion(String id, String field, Object version) {
        return new Document("_id", id).append(field, version);
    }

    private static OptimisticLockingFailureException changedSince(Throwable cause) {
        return new OptimisticLockingFailureException("a tally document changed since its marks were read", cause);
    }

    /** The version and batch marks of the tally documents among {@code ids} that exist, by id, in one read. */
    private Mono<Map<String, Document>> marks(String collection, Collection<String> ids) {
        return mongo.getCollection(collection)
                .flatMapMany(documents -> documents.find(Filters.in("_id", ids)).projection(Projections.include(TALLY_VERSION, APPLIED)))
                .collectMap(document -> document.getString("_id"));
    }


    private static boolean onlyDuplicateKeys(Throwable error) {
        return error instanceof MongoBulkWriteException bulk
                && bulk.getWriteErrors().stream().allMatch(write -> write.getCategory() == ErrorCategory.DUPLICATE_KEY);
    }

    /** A live batch not settled yet: its id, when it was projected, and the cases it names (those that owe the tallies among them). */
    public record OwedBatch(String batch, Instant at, List<String> caseIds) {
    }

    /**
     * Notes, before the live cases of batch {@code batch} are written, that they will owe the tallies: one keyed insert
     * into {@value #OWED}, which holds only the batches not settled yet, so that the recovery finds them without
     * scanning the cases.
     */
    public Mono<Void> markOwed(OwedBatch owed) {
        Document marker = new Document("_id", owed.batch()).append("at", Date.from(owed.at()))
                .append("cases", owed.caseIds());
        return mongo.getCollection(OWED).flatMap(markers -> Mono.from(markers.insertOne(marker))).then();
    }

    /** Which of {@code batches} still have their note (one read by key). */
    public Mono<Set<String>> noted(Set<String> batches) {
        return mongo.getCollection(OWED).flatMapMany(markers -> markers.find(Filters.in("_id", batches)).projection(Projections.include("_id")))
                .map(marker -> marker.getString("_id")).collect(Collectors.toSet());
    }

    /** Forgets the notes of {@code batches}, once they are settled, in one write. */
    public Mono<Void> unmarkOwed(Collection<String> batches) {
        return batches.isEmpty() ? Mono.empty()
                : mongo.getCollection(OWED).flatMap(markers -> Mono.from(markers.deleteMany(Filters.in("_id", batches)))).then();
    }

    /**
     * The live batches noted before {@code cutoff} and not settled since (a crash or a failed write between the cases'
     * write and the tallies'): a read of the unsettled batches' notes, however many cases there are.
     */
    public Flux<OwedBatch> owedBefore(Instant cutoff) {
        return mongo.getCollection(OWED).flatMapMany(markers -> Flux.from(markers.find(Filters.lt("at", Date.from(cutoff)))))
                .map(marker -> new OwedBatch(marker.getString("_id"), marker.getDate("at").toInstant(),
                        marker.getList("cases", String.class, List.of())));
    }

    /** Empties every case's tally outbox and the batches' notes: before a recount, which counts what they owe as it counts the cases. */
    public Mono<Void> forgetOwed(String collection) {
        return mongo.getCollection(collection).flatMap(documents -> Mono.from(documents.updateMany(
                Filters.exists(PENDING + ".0"), Updates.set(PENDING, List.of()))))
                .then(mongo.getCollection(OWED).flatMap(markers -> Mono.from(markers.deleteMany(new Document()))))
                .then();
    }

    private static Document updateOf(TallyIncrements increment) {
        Document inc = new Document();
        increment.counts().forEach(inc::append);
        increment.amounts().forEach((field, amount) -> inc.append(field, decimal(amount)));
        Document update = new Document();
        if (!inc.isEmpty()) {
            update.append("$inc", inc);
        }
        if (increment.firstDay() != null) {
            update.append("$min", new Document("firstDay", increment.firstDay()));
            update.append("$max", new Document("lastDay", increment.lastDay()));
        }
        return update;
    }

    /**
     * An amount as Decimal128: rounded to its 34 significant digits, which leaves every money amount exact but accepts a
     * stored amount whose scale is larger than Decimal128 holds (seen on cases written straight into the store).
     */
    private static Decimal128 decimal(BigDecimal amount) {
        return new Decimal128(amount.round(MathContext.DECIMAL128).stripTrailingZeros());
    }

    private Mono<Void> bulk(String collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        return mongo.getCollection(collection)
                .flatMap(documents -> Mono.from(documents.bulkWrite(writes, new BulkWriteOptions().ordered(false))))
                .then();
    }

    /**
     * Every stored case with what the tallies count of it (not its inbox), in large batches: for a recount of the
     * tallies, never on a request's path.
     */
    public Flux<PipelineCase> everyCase(String collection) {
        Query query = new Query();
        query.fields().exclude("handledEvents", "history", "outbox", PENDING);
        query.cursorBatchSize(RECOUNT_BATCH);
        return mongo.find(query, PipelineCase.class, collection);
    }

    /** Writes {@code totals} into a fresh tally collection and renames it over the live one. */
    public Mono<Void> replaceTallies(Map<String, TallyIncrements> totals) {
        String fresh = TALLIES + "_recount_" + UUID.randomUUID().toString().substring(0, 8);
        return insertTallies(fresh, totals).then(rename(fresh, TALLIES));
    }

    /** Creates {@code collection} and inserts {@code totals} as its tally documents, a thousand per round trip. */
    public Mono<Void> insertTallies(String collection, Map<String, TallyIncrements> totals) {
        return mongo.createCollection(collection).then(tallyVersionIndex.on(collection))
                .thenMany(Flux.fromIterable(totals.entrySet()).map(total -> tallyDocument(total.getKey(), total.getValue()))
                        .buffer(RECOUNT_BATCH)
                        .concatMap(batch -> mongo.getCollection(collection).flatMap(documents -> Mono.from(documents.insertMany(batch)))))
                .then();
    }

    /** The document a tally's first {@code $inc} upsert would create: dotted paths as nested documents. */
    private static Document tallyDocument(String id, TallyIncrements total) {
        Document document = new Document("_id", id);
        updateOf(total).forEach((operator, fields) -> ((Document) fields).forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Document inner = document;
            for (int i = 0; i < parts.length - 1; i++) {
                inner = (Document) inner.computeIfAbsent(parts[i], any -> new Document());
            }
            inner.put(parts[parts.length - 1], value);
        }));
        return document;
    }

    /** Renames {@code from} over {@code to}, dropping {@code to} in the same step. */
    public Mono<Void> rename(String from, String to) {
        return mongo.getMongoDatabase().flatMap(database -> Mono.from(database.getCollection(from)
                .renameCollection(new MongoNamespace(database.getName(), to), new RenameCollectionOptions().dropTarget(true))))
                .then();
    }

    /** The tally documents of {@code ids} that exist, in one read. */
    public Flux<Document> tallies(String collection, Collection<String> ids) {
        return ids.isEmpty() ? Flux.empty()
                : mongo.getCollection(collection).flatMapMany(documents -> documents.find(Filters.in("_id", ids)));
    }
}
