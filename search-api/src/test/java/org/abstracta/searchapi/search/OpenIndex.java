package org.abstracta.searchapi.search;

import java.io.IOException;
import java.nio.file.Path;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * A test class's index, open: the service over it, and a reader for parsing and searching it
 * directly. Close it once, after the class's tests.
 */
public record OpenIndex(IndexSearchService service, FSDirectory directory, DirectoryReader reader)
    implements AutoCloseable {

  /** The shared seed index ({@link SeedIndex#shared}), open. */
  public static OpenIndex seed() throws IOException {
    return of(SeedIndex.shared());
  }

  public static OpenIndex of(Path index) throws IOException {
    IndexSearchService service = IndexSearchService.open(index);
    FSDirectory directory = FSDirectory.open(index);
    return new OpenIndex(service, directory, DirectoryReader.open(directory));
  }

  @Override
  public void close() throws IOException {
    service.close();
    reader.close();
    directory.close();
  }
}
