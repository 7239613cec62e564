package org.abstracta.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Writes documents to one index in {@code _bulk} requests with bounded memory: operations gather in
 * a buffer of at most {@link #MAX_BYTES} (or {@link #MAX_OPS} operations); the thread whose
 * operation fills it sends it, and at most {@link #IN_FLIGHT} requests are on their way at once, so
 * writers wait for the cluster instead of piling up documents (back-pressure). Operations the
 * cluster was too busy for (status 429) are sent again after a pause; any other refusal is kept and
 * fails the run at {@link #flush()}. Thread-safe.
 */
final class BulkWriter {
  static final int MAX_BYTES = 4 * 1024 * 1024;
  static final int MAX_OPS = 1_000;
  static final int IN_FLIGHT = 2;
  private static final int BUSY_RETRIES = 12;

  private final OpenSearchClient client;
  private final String path;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final List<String> failures = new ArrayList<>();
  private List<Op> buffer = new ArrayList<>();
  private int bufferBytes;
  private long written;

  /** One bulk operation: its action line and, for an index operation, its source. */
  private record Op(byte[] action, byte[] source) {
    int bytes() {
      return action.length + (source == null ? 0 : source.length) + 2;
    }
  }

  BulkWriter(OpenSearchClient client, String index) {
    this.client = client;
    this.path = "/" + index + "/_bulk";
  }

  void index(String id, byte[] source) throws IOException {
    add(new Op(action("index", id), source));
  }

  void delete(String id) throws IOException {
    add(new Op(action("delete", id), null));
  }

  /** Operations sent and accepted so far. */
  synchronized long written() {
    return written;
  }

  private byte[] action(String op, String id) throws IOException {
    ObjectNode a = client.object();
    a.putObject(op).put("_id", id);
    return client.mapper().writeValueAsBytes(a);
  }

  private void add(Op op) throws IOException {
    List<Op> full = null;
    synchronized (this) {
      buffer.add(op);
      bufferBytes += op.bytes();
      if (bufferBytes >= MAX_BYTES || buffer.size() >= MAX_OPS) {
        full = buffer;
        buffer = new ArrayList<>();
        bufferBytes = 0;
      }
    }
    if (full != null) send(full);
  }

  /** Sends what is buffered and waits for every request on its way; fails if any was refused. */
  void flush() throws IOException {
    List<Op> rest;
    synchronized (this) {
      rest = buffer;
      buffer = new ArrayList<>();
      bufferBytes = 0;
    }
    if (!rest.isEmpty()) send(rest);
    acquire(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
    synchronized (failures) {
      if (!failures.isEmpty()) {
        throw new IOException(
            failures.size()
                + " document(s) refused by OpenSearch, the first: "
                + failures.getFirst());
      }
    }
  }

  private void send(List<Op> ops) throws IOException {
    acquire(1);
    try {
      long pause = 200;
      for (int attempt = 0; !ops.isEmpty(); attempt++) {
        List<Op> busy = sendOnce(ops);
        if (!busy.isEmpty() && attempt >= BUSY_RETRIES) {
          synchronized (failures) {
            failures.add(busy.size() + " operations still rejected as too busy (HTTP 429)");
          }
          return;
        }
        if (!busy.isEmpty()) OpenSearchClient.sleep(pause);
        pause = Math.min(pause * 2, 10_000);
        ops = busy;
      }
    } finally {
      inFlight.release();
    }
  }

  /** One request; returns the operations to send again (rejected as too busy). */
  private List<Op> sendOnce(List<Op> ops) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Op op : ops) {
      body.write(op.action());
      body.write('\n');
      if (op.source() != null) {
        body.write(op.source());
        body.write('\n');
      }
    }
    JsonNode response = client.bulk(path, body.toByteArray());
    List<Op> busy = new ArrayList<>();
    long ok = ops.size();
    if (response.path("errors").asBoolean(false)) {
      JsonNode items = response.path("items");
      for (int i = 0; i < items.size() && i < ops.size(); i++) {
        Map.Entry<String, JsonNode> item = items.get(i).properties().iterator().next();
        JsonNode result = item.getValue();
        int status = result.path("status").asInt(200);
        if (status == 429) {
          busy.add(ops.get(i));
          ok--;
        } else if (status >= 300 && !(status == 404 && item.getKey().equals("delete"))) {
          ok--;
          synchronized (failures) {
            failures.add(
                "id "
                    + result.path("_id").asText()
                    + ": "
                    + result.path("error").path("type").asText()
                    + ": "
                    + result.path("error").path("reason").asText());
          }
        }
      }
    }
    synchronized (this) {
      written += ok;
    }
    return busy;
  }

  private void acquire(int permits) throws IOException {
    try {
      inFlight.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing to OpenSearch", e);
    }
  }
}
