package org.abstracta.indexer.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.abstracta.indexer.index.IndexExport;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchExport;
import org.abstracta.indexer.opensearch.OpenSearchTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code abstracta export}: every document as JSON lines, in id order. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write every document of the index to standard output, one JSON object per line (the"
          + " jsonl format, which `index` reads back)."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index directory (default: ${DEFAULT-VALUE})")
  Path index = AbstractaHome.defaultIndex();

  @Mixin OpenSearchOptions opensearch = new OpenSearchOptions();

  @Override
  public Integer call() {
    OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
    String where = "the index " + index;
    try {
      if (opensearch.enabled()) {
        OpenSearchTarget target = opensearch.target(spec);
        where = target.describe();
        try (OpenSearchClient client = OpenSearchClient.connect(target)) {
          OpenSearchExport.write(client, out);
        }
      } else {
        IndexExport.write(index, out);
      }
      out.flush();
      return 0;
    } catch (IndexExport.NoIndexException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      spec.commandLine().getErr().println("error: cannot read " + where + ": " + e.getMessage());
      return 4;
    }
  }
}
