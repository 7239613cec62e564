package org.abstracta.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.abstracta.indexer.index.IndexerException;

/**
 * One indexing run at a time per alias, as Lucene's write lock does for a directory: the lock is an
 * index ({@code NAME-lock}, one shard) that the run creates — creation either succeeds or finds it
 * there — and deletes at the end. While the run goes on it renews a heartbeat in the lock's
 * metadata; a lock whose heartbeat is older than {@link #STALE} was left by a run that died, and is
 * taken over.
 */
final class RunLock {
  static final Duration HEARTBEAT = Duration.ofSeconds(20);
  static final Duration STALE = Duration.ofMinutes(2);

  private final OpenSearchClient client;
  private final String name;
  private final String owner = UUID.randomUUID().toString();
  private ScheduledExecutorService beats;
  private volatile IOException lost;

  RunLock(OpenSearchClient client, String name) {
    this.client = client;
    this.name = name;
  }

  void acquire() throws IOException, IndexerException {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        ObjectNode body = client.object();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("number_of_shards", 1).put("number_of_replicas", 0);
        body.putObject("mappings").set("_meta", meta());
        client.send("PUT", "/" + name, Map.of(), body);
        startBeating();
        return;
      } catch (OpenSearchClient.Refused e) {
        if (!e.type().equals("resource_already_exists_exception")) throw e;
      }
      JsonNode meta =
          client.get("/" + name + "/_mapping", Map.of()).path(name).path("mappings").path("_meta");
      Instant beat = Instant.ofEpochMilli(meta.path("heartbeat").asLong(0));
      if (Duration.between(beat, Instant.now()).compareTo(STALE) < 0) {
        throw new IndexerException(
            client.target().describe()
                + " is being written by another indexing run (the lock "
                + name
                + " was renewed at "
                + beat
                + ")",
            3,
            null);
      }
      // Left by a run that died: take it over.
      client.send("DELETE", "/" + name, Map.of(), null);
    }
    throw new IndexerException("could not take the lock " + name + "; try again", 3, null);
  }

  private ObjectNode meta() {
    ObjectNode meta = client.object();
    meta.put("owner", owner).put("heartbeat", System.currentTimeMillis());
    return meta;
  }

  private void startBeating() {
    beats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "abstracta-opensearch-lock");
              t.setDaemon(true);
              return t;
            });
    beats.scheduleAtFixedRate(
        () -> {
          try {
            ObjectNode body = client.object();
            body.set("_meta", meta());
            client.send("PUT", "/" + name + "/_mapping", Map.of(), body);
          } catch (IOException e) {
            lost = e;
          }
        },
        HEARTBEAT.toSeconds(),
        HEARTBEAT.toSeconds(),
        TimeUnit.SECONDS);
  }

  /**
   * Fails when the lock could not be renewed for longer than {@link #STALE}: another run may own
   * it.
   */
  void check() throws IOException {
    JsonNode meta =
        client.get("/" + name + "/_mapping", Map.of()).path(name).path("mappings").path("_meta");
    if (!owner.equals(meta.path("owner").asText())) {
      throw new IOException("the run lost its lock " + name + " to another run", lost);
    }
  }

  void release() {
    if (beats == null) return;
    beats.shutdownNow();
    beats = null;
    try {
      client.send("DELETE", "/" + name, Map.of(), null);
    } catch (IOException | RuntimeException ignored) {
      // the cluster is gone: the lock turns stale and the next run takes it over
    }
  }
}
