package org.abstracta.indexer.index;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.abstracta.indexer.model.PaperJson;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Streams an index's papers as JSON lines, in id order, a page at a time (bounded memory). */
public final class IndexExport {
  private static final int PAGE = 10_000;

  /** There is no index at the path given. */
  public static final class NoIndexException extends IOException {
    public NoIndexException(String message) {
      super(message);
    }
  }

  private IndexExport() {}

  public static void write(Path indexDir, OutputStream out) throws IOException {
    if (!Files.isDirectory(indexDir))
      throw new NoIndexException("no index at " + indexDir + " (run `abstracta index` first)");
    try (Directory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) {
        throw new NoIndexException("no index at " + indexDir + " (run `abstracta index` first)");
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        StoredFields stored = reader.storedFields();
        Sort byId = new Sort(new SortField(Fields.ID, SortField.Type.STRING));
        ScoreDoc after = null;
        while (true) {
          TopDocs page =
              after == null
                  ? searcher.search(MatchAllDocsQuery.INSTANCE, PAGE, byId)
                  : searcher.searchAfter(after, MatchAllDocsQuery.INSTANCE, PAGE, byId);
          for (ScoreDoc sd : page.scoreDocs) {
            out.write(PaperJson.toBytes(PaperDocuments.load(stored, sd.doc)));
            out.write('\n');
          }
          if (page.scoreDocs.length < PAGE) break;
          after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
        }
      }
    }
  }
}
