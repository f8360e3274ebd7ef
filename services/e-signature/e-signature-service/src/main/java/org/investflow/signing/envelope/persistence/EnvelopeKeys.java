package org.investflow.signing.envelope.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.investflow.platform.scheduling.SchedulerLease;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The keyed documents that find envelopes without a scan on any MongoDB-compatible store: {@code case_envelopes}
 * ({@code _id} the case id; the ids of its envelopes) and {@code signing_links} ({@code _id} a link token's hash; the
 * envelope that issued it). Each is filed before the envelope write that needs it, so a crash between the two leaves
 * at most a key to an envelope that is not there (ignored by the readers), never an envelope no key finds. Filing is
 * idempotent, so a retried write files again harmlessly.
 */
@Component
public class EnvelopeKeys {

    static final String CASES = "case_envelopes";
    static final String LINKS = "signing_links";
    /** The marker (in {@link #CASES}; no case id starts with '#') of the one-time backfill from the envelopes. */
    static final String BACKFILLED = "#backfilled-1";
    private static final String LEASE = "e-signature-envelope-keys-backfill";

    private final ReactiveMongoTemplate mongo;

    EnvelopeKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Files envelope {@code envelopeId} under case {@code caseId}. */
    public Mono<Void> fileEnvelope(String caseId, String envelopeId) {
        return mongo.upsert(byId(caseId), new Update().addToSet("envelopeIds", envelopeId), CASES).then();
    }

    /** Files the links {@code tokenHashes} as issued by envelope {@code envelopeId}, in one unordered bulk write. */
    public Mono<Void> fileLinks(String envelopeId, Collection<String> tokenHashes) {
        if (tokenHashes.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(tokenHashes.size());
        tokenHashes.forEach(hash -> writes.add(new UpdateOneModel<>(Filters.eq("_id", hash),
                Updates.set("envelopeId", envelopeId), new UpdateOptions().upsert(true))));
        return mongo.getCollection(LINKS)
                .flatMap(links -> Mono.from(links.bulkWrite(writes, new BulkWriteOptions().ordered(false))))
                .then();
    }

    /** The ids of case {@code caseId}'s envelopes (some may not exist, see the class); empty list when it has none. */
    public Mono<List<String>> envelopeIdsOf(String caseId) {
        return mongo.findOne(byId(caseId), Document.class, CASES)
                .map(filed -> filed.getList("envelopeIds", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }

    /** The id of the envelope that issued the link whose token hashes to {@code tokenHash}; empty when none did. */
    public Mono<String> envelopeOfLink(String tokenHash) {
        return mongo.findOne(byId(tokenHash), Document.class, LINKS).mapNotNull(link -> link.getString("envelopeId"));
    }

    /**
     * Files every stored envelope and its links, once per database (the marker), on one instance at a time, off the
     * request path: for envelopes written before these keys existed. It scans the envelopes, as no request does.
     * Emits whether it ran now (empty when another instance holds the lease).
     */
    public Mono<Boolean> backfillOnce(SchedulerLease lease, Clock clock) {
        return lease.runExclusively(LEASE, Duration.ofMinutes(1), mongo.exists(byId(BACKFILLED), CASES)
                .flatMap(done -> done ? Mono.just(false) : backfill()
                        .then(mongo.upsert(byId(BACKFILLED), new Update().set("at", clock.instant()), CASES))
                        .thenReturn(true)));
    }

    private Mono<Void> backfill() {
        Query every = new Query();
        every.fields().include("caseId", "links.issued.tokenHash");
        return mongo.find(every, Document.class, "envelopes")
                .concatMap(envelope -> {
                    String envelopeId = envelope.get("_id").toString();
                    return fileEnvelope(envelope.getString("caseId"), envelopeId).then(fileLinks(envelopeId, tokenHashesOf(envelope)));
                })
                .then();
    }

    private static List<String> tokenHashesOf(Document envelope) {
        Document links = envelope.get("links", Document.class);
        List<Document> issued = links == null ? List.of() : links.getList("issued", Document.class, List.of());
        return issued.stream().map(link -> link.getString("tokenHash")).toList();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
