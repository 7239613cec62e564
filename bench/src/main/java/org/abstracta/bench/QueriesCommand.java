package org.abstracta.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the query mix derived from an index (see {@link QueryMix}) to a query file. */
@Command(
    name = "queries",
    mixinStandardHelpOptions = true,
    description = "Derive the benchmark query mix from an index's own vocabulary.")
final class QueriesCommand implements Callable<Integer> {
  @Option(names = "--index", required = true, paramLabel = "DIR", description = "index directory")
  Path index;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "query file")
  Path out;

  @Option(
      names = "--per-kind",
      paramLabel = "N",
      description = "queries per kind (default: ${DEFAULT-VALUE})")
  int perKind = 40;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed = 6;

  @Override
  public Integer call() throws Exception {
    try (Directory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        IndexSearchService service = IndexSearchService.open(index)) {
      QueryMix mix = new QueryMix(reader, service, seed);
      List<BenchQuery> queries = mix.generate(perKind);
      List<String> lines = new ArrayList<>();
      lines.add(
          "# Abstracta benchmark query mix, derived by 'abstracta-bench queries' (see docs/performance.md).");
      lines.add("# seed " + seed + ", " + perKind + " per kind; " + mix.describe());
      lines.add("# kind\tsubject\tquery");
      for (BenchQuery q : queries) lines.add(q.line());
      if (out.getParent() != null) Files.createDirectories(out.getParent());
      Files.write(out, lines, StandardCharsets.UTF_8);
      System.out.printf(
          "%s%nwrote %d queries to %s; first of each kind:%n", mix.describe(), queries.size(), out);
      for (int i = 0; i < queries.size(); i += perKind) {
        BenchQuery q = queries.get(i);
        System.out.printf("  %-7s %-10s %s%n", q.kind(), q.subject(), q.query());
      }
    }
    return 0;
  }
}
