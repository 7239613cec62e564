package org.abstracta.searchapi.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.index.IndexSummary;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchStore;
import org.abstracta.indexer.opensearch.OpenSearchTarget;
import org.abstracta.searchapi.search.SeedIndex;

/**
 * The real OpenSearch cluster the build starts for the integration tests ({@code
 * src/bin/opensearch-cluster.sh start --name it}: 2 nodes), and the indexes the tests keep on it:
 * each test names its own alias, and every index a JVM's tests made is deleted when it exits.
 */
public final class OpenSearchCluster {
  /** Shards and replicas the tests index with: the 2-node cluster layout. */
  public static final int SHARDS = 2;

  public static final int REPLICAS = 1;

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final List<String> CREATED = new ArrayList<>();
  private static OpenSearchTarget seed;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(OpenSearchCluster::deleteCreated));
  }

  private OpenSearchCluster() {}

  /**
   * The cluster's URLs: {@code ABSTRACTA_OPENSEARCH_URLS} (a cluster started by hand), else the
   * file the build's start step wrote. Fails, saying why, when there is none: these tests are never
   * skipped.
   */
  public static String urls() {
    String env = System.getenv("ABSTRACTA_OPENSEARCH_URLS");
    if (env != null && !env.isBlank()) return env.strip();
    String file = System.getProperty("abstracta.opensearch.urls.file");
    try {
      if (file != null && Files.isRegularFile(Path.of(file))) {
        return Files.readString(Path.of(file)).strip();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(
        "no OpenSearch cluster for the tests: './mvnw verify' starts one with"
            + " src/bin/opensearch-cluster.sh (see its output above); to run a test alone, start"
            + " one and set ABSTRACTA_OPENSEARCH_URLS to its URLs");
  }

  /** A target with an alias of its own ({@code it-<what>-<n>}), deleted when the JVM exits. */
  public static synchronized OpenSearchTarget target(String what) {
    String alias = "it-" + what + "-" + NAMES.incrementAndGet();
    CREATED.add(alias);
    return OpenSearchTarget.parse(urls(), alias, Map.of());
  }

  public static OpenSearchClient client(OpenSearchTarget target) {
    return OpenSearchClient.connect(target);
  }

  /** Indexes {@code inputs} into {@code target} as {@code abstracta index --opensearch} does. */
  public static IndexSummary index(OpenSearchTarget target, Path... inputs) throws Exception {
    return IndexRun.run(
        List.of(inputs),
        IndexOptions.defaults(Path.of("unused")).withAsOf(SeedIndex.AS_OF),
        new OpenSearchStore(client(target), SHARDS, REPLICAS));
  }

  /** The seed corpus, indexed once per JVM: for tests that only read it. */
  public static synchronized OpenSearchTarget seed() {
    if (seed == null) {
      OpenSearchTarget t = target("seed");
      try {
        index(t, SeedIndex.corpus());
      } catch (Exception e) {
        throw new IllegalStateException("indexing the seed corpus into OpenSearch failed", e);
      }
      seed = t;
    }
    return seed;
  }

  private static synchronized void deleteCreated() {
    if (CREATED.isEmpty()) return;
    try (OpenSearchClient c = client(OpenSearchTarget.parse(urls(), "x", Map.of()))) {
      for (String alias : CREATED) {
        try {
          c.send("DELETE", "/" + alias + "-*", Map.of("expand_wildcards", "all"), null);
        } catch (IOException ignored) {
          // already gone, or the cluster is: the build deletes the whole cluster anyway
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // the cluster is gone
    }
  }
}
