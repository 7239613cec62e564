package org.abstracta.searchapi.api;

import org.abstracta.searchapi.opensearch.OpenSearchCluster;
import org.abstracta.searchapi.search.opensearch.OpenSearchSearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The acceptance checks of the search API ({@link SeedIndexHttpTest}), every one, answered by the
 * real app over the OpenSearch backend: the sample corpus indexed into the build's 2-node cluster
 * (2 shards, 1 replica) instead of the embedded index.
 */
class OpenSearchHttpIT extends SeedIndexHttpTest {
  private static OpenSearchSearchService service;

  @BeforeAll
  static void start() {
    service = OpenSearchSearchService.open(OpenSearchCluster.seed());
    server = new ApiServer(service);
  }

  @AfterAll
  static void stop() {
    server.close();
    try {
      service.close();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
