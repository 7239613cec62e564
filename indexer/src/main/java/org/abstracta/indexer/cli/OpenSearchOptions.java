package org.abstracta.indexer.cli;

import org.abstracta.indexer.opensearch.OpenSearchTarget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --opensearch URL[,URL…]} and {@code --opensearch-index NAME}: the options that put a
 * command on an OpenSearch cluster instead of the index directory (a picocli mixin).
 */
public final class OpenSearchOptions {
  @Option(
      names = "--opensearch",
      paramLabel = "URL[,URL...]",
      description =
          "use this OpenSearch cluster instead of --index (its nodes' URLs; credentials as"
              + " https://user:password@host:9200 or in ABSTRACTA_OPENSEARCH_USER and"
              + " ABSTRACTA_OPENSEARCH_PASSWORD)")
  String urls;

  @Option(
      names = "--opensearch-index",
      paramLabel = "NAME",
      description = "the alias Abstracta keeps on the cluster (default: ${DEFAULT-VALUE})")
  String index = OpenSearchTarget.DEFAULT_INDEX;

  /** Whether {@code --opensearch} was given. */
  public boolean enabled() {
    return urls != null;
  }

  /** The target, or a usage error naming what is wrong (and {@code --index} given as well). */
  public OpenSearchTarget target(CommandSpec spec) {
    if (spec.commandLine().getParseResult().hasMatchedOption("--index")) {
      throw new ParameterException(
          spec.commandLine(), "--index and --opensearch exclude each other: choose one store");
    }
    try {
      return OpenSearchTarget.parse(urls, index, System.getenv());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
