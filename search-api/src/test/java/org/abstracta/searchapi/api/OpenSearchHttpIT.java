package org.abstracta.searchapi.api;

import org.abstracta.searchapi.opensearch.OpenSearchCluster;
import org.abstracta.searchapi.search.opensearch.OpenSearchSearchService;
import org.junit.jupiter.api.BeforeAll;

/**
 * The acceptance checks of the search API ({@link SeedIndexHttpTest}), every one, answered by the
 * real app over the OpenSearch backend: the sample corpus indexed into the build's 2-node cluster
 * (2 shards, 1 replica) instead of the embedded index.
 */
class OpenSearchHttpIT extends SeedIndexHttpTest {
  @BeforeAll
  static void start() {
    server = ApiServer.owning(OpenSearchSearchService.open(OpenSearchCluster.seed()));
  }
}
