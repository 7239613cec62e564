package org.abstracta.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.abstracta.indexer.ingest.InputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes an arXiv-json corpus of a given size grown from a real one (see {@link CorpusMultiplier}).
 */
@Command(
    name = "multiply",
    mixinStandardHelpOptions = true,
    description = {
      "Write N arXiv-json records grown from a real corpus: the real records first, then copies"
          + " with new ids 9PPP.NNNNN and the abstract's sentences shuffled (seeded). Synthetic"
          + " data."
    })
final class MultiplyCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "arXiv-json (.gz too)")
  Path input;

  @Option(names = "--docs", required = true, paramLabel = "N", description = "records to write")
  long docs;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "output .jsonl")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "shuffle seed (default: ${DEFAULT-VALUE})")
  long seed = 6;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    InputFile source = new InputFile(input);
    if (out.getParent() != null) Files.createDirectories(out.getParent());
    long real;
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
      real =
          new CorpusMultiplier(seed)
              .write(
                  () ->
                      new BufferedReader(
                          new InputStreamReader(source.open(), StandardCharsets.UTF_8), 1 << 20),
                  docs,
                  w);
    }
    System.out.printf(
        "multiply: wrote %,d records to %s in %.1f s: %,d real records from %s, %,d SYNTHETIC"
            + " copies (new ids 9PPP.NNNNN, abstract sentences shuffled, seed %d)%n",
        docs, out, (System.nanoTime() - start) / 1e9, real, input, docs - real, seed);
    return 0;
  }
}
