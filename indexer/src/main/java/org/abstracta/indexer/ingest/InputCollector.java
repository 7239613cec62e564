package org.abstracta.indexer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the paths a user names into the files to read: directories recursively, sorted. */
public final class InputCollector {
  private InputCollector() {}

  /**
   * @throws NoSuchFileException naming the first path that does not exist (nothing is read then)
   */
  public static List<InputFile> collect(List<Path> paths) throws IOException {
    for (Path p : paths) {
      if (!Files.exists(p)) throw new NoSuchFileException(p.toString());
    }
    List<InputFile> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md"))
              .sorted()
              .forEach(f -> files.add(new InputFile(f)));
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      } else {
        files.add(new InputFile(p));
      }
    }
    return files;
  }
}
