package org.abstracta.indexer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths a user names into the files to read: directories recursively, sorted. A
 * symbolic link named as a path is followed; inside a directory, links to files are read and links
 * to directories are not followed (so a link loop cannot make a run endless). Links that are not
 * read are listed too, so that the run reports them.
 */
public final class InputCollector {
  private InputCollector() {}

  /**
   * @throws NoSuchFileException naming the first path that does not exist, or is a link that leads
   *     nowhere (nothing is read then)
   */
  public static List<InputFile> collect(List<Path> paths) throws IOException {
    for (Path p : paths) {
      if (Files.isSymbolicLink(p) && !Files.exists(p)) {
        throw new NoSuchFileException(
            p.toString(), null, "a symbolic link to nothing, or in a loop");
      }
      if (!Files.exists(p)) throw new NoSuchFileException(p.toString());
    }
    List<InputFile> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f) || Files.isSymbolicLink(f))
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
