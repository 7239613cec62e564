package org.abstracta.searchapi.search.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Papers like a given one: Lucene's {@link MoreLikeThis} over the stems of its title and abstract
 * (the most distinctive 25 words), excluding the paper itself.
 */
public final class SimilarPapers {
  /** The text analyzer without the exact copies, so each word counts once. */
  private static final Analyzer STEMS =
      new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        private final Analyzer text = Analyzers.text();

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
          return text;
        }

        @Override
        protected TokenStreamComponents wrapComponents(
            String fieldName, TokenStreamComponents components) {
          return new TokenStreamComponents(
              components.getSource(), new StemsOnly(components.getTokenStream()));
        }
      };

  private SimilarPapers() {}

  /** The similar papers' documents and scores, best first; empty for an unknown paper. */
  public static ScoreDoc[] find(PaperSearcher searcher, Paper paper, int size) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(STEMS);
    mlt.setFieldNames(new String[] {Fields.TITLE, Fields.ABSTRACT});
    mlt.setMinTermFreq(1); // abstracts are short: a word used once still says what it is about
    mlt.setMinDocFreq(2); // a word no other paper has cannot find a similar one
    mlt.setMinWordLen(3);
    mlt.setMaxQueryTerms(25);
    mlt.setBoost(true);
    Map<String, Collection<Object>> fields = new HashMap<>();
    List<Object> title = new ArrayList<>();
    if (paper.title() != null) title.add(paper.title());
    List<Object> abs = new ArrayList<>();
    if (paper.abstractText() != null) abs.add(paper.abstractText());
    fields.put(Fields.TITLE, title);
    fields.put(Fields.ABSTRACT, abs);
    Query like = mlt.like(fields);
    BooleanQuery q =
        new BooleanQuery.Builder()
            .add(like, Occur.MUST)
            .add(new TermQuery(PaperDocuments.idTerm(paper.id())), Occur.MUST_NOT)
            .build();
    return searcher.search(q, size).scoreDocs;
  }

  private static final class StemsOnly extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    StemsOnly(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      return term.length() == 0 || term.charAt(0) != Analyzers.EXACT_MARK.charAt(0);
    }
  }
}
