package org.abstracta.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.indexer.index.PaperLookup;
import org.abstracta.indexer.index.PaperStore;
import org.abstracta.indexer.model.Paper;

/**
 * An OpenSearch index as the {@link PaperStore} of an indexing run. The name users search ({@code
 * --opensearch-index}, default {@code abstracta}) is an alias of one concrete index; each run
 * writes a new one and moves the alias to it in one atomic step, so searches see the previous run
 * or this one, never half of it, and a run that fails leaves the previous index searchable:
 *
 * <ol>
 *   <li>take the run lock (an index {@code NAME-lock}: a second run is refused);
 *   <li>create {@code NAME-<time>}: empty with {@code --rebuild} or on the first run; else a {@code
 *       _clone} of the current index (its segments, hard-linked: instant), or a {@code _reindex}
 *       when the shard count or the mapping version changed;
 *   <li>bulk-write the run's documents with refreshes off and no replicas;
 *   <li>refresh once, add {@code --replicas}, wait until every shard is started, move the alias,
 *       delete the previous index.
 * </ol>
 *
 * Lookups for merging read the previous index, which nothing writes to during the run.
 */
public final class OpenSearchStore implements PaperStore {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

  private final OpenSearchClient client;
  private final String alias;
  private final int shards;
  private final int replicas;
  private final RunLock lock;
  private String current;
  private String next;
  private BulkWriter bulk;
  private boolean unblock;
  private boolean committed;

  /**
   * @param shards primary shards of an index this run creates
   * @param replicas replicas of each shard once the run is done
   */
  public OpenSearchStore(OpenSearchClient client, int shards, int replicas) {
    if (shards < 1) throw new IllegalArgumentException("--shards must be at least 1");
    if (replicas < 0) throw new IllegalArgumentException("--replicas must be 0 or more");
    this.client = client;
    this.alias = client.target().index();
    this.shards = shards;
    this.replicas = replicas;
    this.lock = new RunLock(client, alias + "-lock");
  }

  @Override
  public String describe() {
    return client.target().describe();
  }

  @Override
  public String keeps() {
    return "the alias keeps serving the previous index";
  }

  @Override
  public PaperLookup open(boolean rebuild) throws IOException, IndexerException {
    lock.acquire();
    current = concreteIndex(client, alias);
    next = alias + "-" + STAMP.format(Instant.now()).toLowerCase(java.util.Locale.ROOT);
    String run = Instant.now().toString();
    if (rebuild || current == null) {
      create(next, run);
    } else {
      copy(current, next, run);
    }
    bulk = new BulkWriter(client, next);
    if (rebuild || current == null) return new EmptyLookup();
    return new OpenSearchLookup(client, current);
  }

  /**
   * The concrete index the alias names, or null when there is none yet.
   *
   * @throws IOException when the name is taken by an index that is not an alias
   */
  static String concreteIndex(OpenSearchClient client, String alias) throws IOException {
    if (!client.exists("/" + alias)) return null;
    if (!client.exists("/_alias/" + alias)) {
      throw new IOException(
          "'"
              + alias
              + "' is an index, not the alias Abstracta keeps; choose another --opensearch-index");
    }
    Iterator<String> names = client.get("/_alias/" + alias, Map.of()).fieldNames();
    return names.hasNext() ? names.next() : null;
  }

  private void create(String index, String run) throws IOException {
    client.send("PUT", "/" + index, Map.of(), OpenSearchSchema.createBody(shards, run));
    waitForShards(index, "yellow");
  }

  /** {@code next} as a copy of {@code current}: a clone when it can be one, else a reindex. */
  private void copy(String current, String next, String run) throws IOException {
    JsonNode settings = client.get("/" + current + "/_settings", Map.of());
    JsonNode index = settings.path(current).path("settings").path("index");
    JsonNode mapping = client.get("/" + current + "/_mapping", Map.of());
    int version =
        mapping.path(current).path("mappings").path("_meta").path("abstracta_schema").asInt();
    if (index.path("number_of_shards").asInt() == shards && version == OpenSearchSchema.VERSION) {
      ObjectNode block = client.object();
      block.putObject("index").putObject("blocks").put("write", true);
      client.send("PUT", "/" + current + "/_settings", Map.of(), block);
      unblock = true;
      ObjectNode body = client.object();
      ObjectNode s = body.putObject("settings").putObject("index");
      s.put("number_of_replicas", 0).put("refresh_interval", "-1");
      s.putObject("blocks").putNull("write");
      client.send("POST", "/" + current + "/_clone/" + next, Map.of(), body);
      waitForShards(next, "yellow");
      unblockCurrent();
      meta(next, run);
    } else {
      create(next, run);
      ObjectNode body = client.object();
      body.putObject("source").put("index", current);
      body.putObject("dest").put("index", next);
      JsonNode task =
          client.send(
              "POST",
              "/_reindex",
              Map.of("wait_for_completion", "false", "slices", "auto", "refresh", "false"),
              body);
      awaitTask(task.path("task").asText());
    }
  }

  private void unblockCurrent() throws IOException {
    if (!unblock) return;
    ObjectNode body = client.object();
    body.putObject("index").putObject("blocks").putNull("write");
    client.send("PUT", "/" + current + "/_settings", Map.of(), body);
    unblock = false;
  }

  private void meta(String index, String run) throws IOException {
    ObjectNode body = client.object();
    body.putObject("_meta")
        .put("abstracta_schema", OpenSearchSchema.VERSION)
        .put("abstracta_run", run);
    client.send("PUT", "/" + index + "/_mapping", Map.of(), body);
  }

  private void awaitTask(String id) throws IOException {
    while (true) {
      JsonNode t =
          client.get("/_tasks/" + id, Map.of("wait_for_completion", "true", "timeout", "30s"));
      if (t.path("completed").asBoolean(false)) {
        JsonNode failures = t.path("response").path("failures");
        if (failures.isArray() && !failures.isEmpty()) {
          throw new IOException("copying the previous index failed: " + failures.get(0));
        }
        if (t.has("error"))
          throw new IOException("copying the previous index failed: " + t.get("error"));
        return;
      }
    }
  }

  /**
   * Waits until every shard of {@code index} has a started primary (yellow), or every copy too
   * (green): yellow within {@link #SHARDS_WAIT} or the run fails; green is waited for as long
   * (replicas are copied from the primaries, which takes a while for a large index), then the run
   * goes on at yellow, the replicas catching up in the background.
   */
  private void waitForShards(String index, String status) throws IOException {
    long deadline = System.nanoTime() + SHARDS_WAIT.toNanos();
    while (true) {
      JsonNode h;
      try {
        h =
            client.get(
                "/_cluster/health/" + index, Map.of("wait_for_status", status, "timeout", "30s"));
      } catch (OpenSearchClient.Refused e) {
        if (e.status() != 408) throw e; // 408: the wait timed out
        h = client.object().put("timed_out", true);
      }
      if (!h.path("timed_out").asBoolean(false)) return;
      if (System.nanoTime() > deadline) {
        if (status.equals("green")) return;
        throw new IOException(
            "the shards of "
                + index
                + " did not start within "
                + SHARDS_WAIT.toMinutes()
                + " minutes");
      }
    }
  }

  /** How long a run waits for its index's shards. */
  static final Duration SHARDS_WAIT = Duration.ofMinutes(5);

  @Override
  public Object prepare(Paper paper, Map<String, float[]> vectors) throws IOException {
    // The cluster's index holds no vectors: search by meaning is the embedded index's.
    return client.mapper().writeValueAsBytes(OpenSearchSchema.document(paper));
  }

  @Override
  public void write(String id, Object prepared, boolean added) throws IOException {
    bulk.index(id, (byte[]) prepared);
  }

  @Override
  public void delete(String id) throws IOException {
    bulk.delete(id);
  }

  @Override
  public PaperLookup current() throws IOException {
    bulk.flush();
    client.send("POST", "/" + next + "/_refresh", Map.of(), null);
    return new OpenSearchLookup(client, next);
  }

  @Override
  public int commit() throws IOException {
    bulk.flush();
    lock.check();
    if (current != null && bulk.written() == 0) {
      // Nothing changed: the current index stays, the copy goes.
      client.send("DELETE", "/" + next, Map.of(), null);
      next = null;
      committed = true;
      return count(current);
    }
    client.send("POST", "/" + next + "/_refresh", Map.of(), null);
    ObjectNode settings = client.object();
    ObjectNode index = settings.putObject("index");
    index.put("number_of_replicas", replicas);
    index.putNull("refresh_interval");
    client.send("PUT", "/" + next + "/_settings", Map.of(), settings);
    waitForShards(next, dataNodes() > replicas ? "green" : "yellow");
    ObjectNode actions = client.object();
    ArrayNode list = actions.putArray("actions");
    list.addObject().putObject("add").put("index", next).put("alias", alias);
    if (current != null)
      list.addObject().putObject("remove").put("index", current).put("alias", alias);
    client.send("POST", "/_aliases", Map.of(), actions);
    committed = true;
    if (current != null) {
      try {
        client.send("DELETE", "/" + current, Map.of(), null);
      } catch (IOException e) {
        // The alias moved: the run is done. The old index only takes space until deleted.
        System.err.println(
            "warning: could not delete the previous index " + current + ": " + e.getMessage());
      }
    }
    return count(next);
  }

  private int dataNodes() throws IOException {
    return client.get("/_cluster/health", Map.of()).path("number_of_data_nodes").asInt(1);
  }

  private int count(String index) throws IOException {
    return client.get("/" + index + "/_count", Map.of()).path("count").asInt();
  }

  @Override
  public void rollback() {
    if (committed) return;
    try {
      unblockCurrent();
    } catch (IOException | RuntimeException ignored) {
      // the cluster is gone; the block stays until the next run clones again
    }
    if (next != null) {
      try {
        client.send("DELETE", "/" + next, Map.of(), null);
        next = null;
      } catch (IOException | RuntimeException ignored) {
        // not created, or the cluster is gone: a later run writes a new index anyway
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      rollback();
      lock.release();
    } finally {
      client.close();
    }
  }

  /** The start state of a run that starts from nothing. */
  private static final class EmptyLookup implements PaperLookup {
    @Override
    public Paper byId(String id) {
      return null;
    }

    @Override
    public List<Paper> byTitleKey(String titleKey) {
      return List.of();
    }
  }
}
