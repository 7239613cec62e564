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

  /** The seed corpus indexed into {@code dir}, open. */
  public static OpenIndex seed(Path dir) throws Exception {
    SeedIndex.index(dir, SeedIndex.corpus());
    return of(dir);
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
