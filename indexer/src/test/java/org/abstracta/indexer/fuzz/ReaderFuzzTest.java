package org.abstracta.indexer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.abstracta.indexer.fuzz.Corpus.Expected;
import org.abstracta.indexer.fuzz.Corpus.Mixed;
import org.abstracta.indexer.ingest.CollectingSink;
import org.abstracta.indexer.ingest.Formats;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.PaperParser;
import org.abstracta.indexer.ingest.beir.BeirParser;
import org.abstracta.indexer.model.Paper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of every input reader and of format detection over generated hostile files: nothing
 * but a skip (with its line and a reason) comes out of a reader, nothing hangs, and garbage never
 * costs a good record. Cases these found are kept in {@link FoundByFuzzingTest}.
 */
class ReaderFuzzTest {
  @TempDir Path tmp;

  /** Arbitrary bytes, junk text, or a mutated valid file (mostly of this format). */
  private static Property.Gen<byte[]> hostileFile(String format) {
    return r ->
        switch (r.nextInt(10)) {
          case 0, 1 -> Bytes.random(r, 3000);
          case 2, 3 -> Bytes.utf8(Bytes.texty(r, 300));
          case 4 -> Bytes.mutate(r, Corpus.SAMPLES.get(r.nextInt(Corpus.SAMPLES.size())).content());
          default -> Bytes.mutate(r, Corpus.sample(format).content());
        };
  }

  /** One test per format, each checking a property over that format's inputs. */
  private static Stream<DynamicTest> perFormat(
      Stream<String> formats, ThrowingConsumer<String> property) {
    return formats.map(format -> dynamicTest(format, () -> property.accept(format)));
  }

  @TestFactory
  Stream<DynamicTest> no_reader_throws_or_hangs_on_hostile_bytes() {
    return perFormat(
        Corpus.SAMPLES.stream().map(Corpus.Sample::format),
        format -> {
          Corpus.Sample s = Corpus.sample(format);
          InputFile in = new InputFile(Path.of(s.fileName()));
          Property.forAll("reader " + format, 100, hostileFile(format))
              .shrinkWith(Bytes::shrink)
              .showWith(Bytes::show)
              .check(bytes -> Reading.assertSane(Reading.read(s.parser(), bytes, in), bytes));
        });
  }

  @Test
  void format_detection_only_ever_reports_an_unreadable_file() {
    Path file = tmp.resolve("input.txt");
    Path gz = tmp.resolve("input.txt.gz");
    Property.forAll("detection", 150, r -> hostileFile(anyFormat(r.nextInt(6))).next(r))
        .shrinkWith(Bytes::shrink)
        .showWith(Bytes::show)
        .check(
            bytes -> {
              Files.write(file, bytes);
              assertDetects(new InputFile(file));
              byte[] zipped = gzip(bytes);
              // Whole, and cut short: a truncated download.
              for (byte[] g : List.of(zipped, Arrays.copyOf(zipped, zipped.length / 2))) {
                Files.write(gz, g);
                assertDetects(new InputFile(gz));
              }
            });
  }

  /** Detection gives a format or a reason; only an unreadable file is an (I/O) exception. */
  private static void assertDetects(InputFile in) {
    try {
      Formats.Detection d = Formats.detect(in);
      if (d instanceof Formats.Undetected u) assertFalse(u.reason().contains("\n"), u.reason());
    } catch (IOException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().contains("\n"), "message: " + e);
    }
  }

  @TestFactory
  Stream<DynamicTest> good_records_are_kept_among_garbage_lines() {
    return perFormat(
        Corpus.LINE_FORMATS.stream(),
        format ->
            Property.forAll("good records " + format, 100, r -> Corpus.mixedLines(r, format))
                .shrinkWith(Mixed::shrink)
                .showWith(Mixed::show)
                .check(this::assertEveryGoodRecordIsRead));
  }

  @TestFactory
  Stream<DynamicTest> page_entries_are_kept_with_garbage_between_them() {
    return perFormat(
        Stream.of("author-page", "daily-papers", "icalendar"),
        format ->
            Property.forAll(
                    "page entries " + format, 60, r -> Corpus.mixedPage(r, Corpus.sample(format)))
                .shrinkWith(Mixed::shrink)
                .showWith(Mixed::show)
                .check(this::assertEveryGoodRecordIsRead));
  }

  /** Detected as its format, read, and every expected record is there with its exact title. */
  private void assertEveryGoodRecordIsRead(Mixed m) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("collection"));
    Path file = Files.write(dir.resolve(m.fileName()), m.content());
    InputFile in = new InputFile(file);
    Formats.Detection d = Formats.detect(in);
    PaperParser parser = assertInstanceOf(Formats.Detected.class, d, d.toString()).parser();
    assertEquals(m.format(), parser.format());
    CollectingSink sink = Reading.read(parser, m.content(), in);
    Reading.assertSane(sink, m.content());
    for (Expected e : m.expected()) {
      String id =
          e.id() == null
              ? null
              : m.format().equals("beir") ? BeirParser.collection(file) + ":" + e.id() : e.id();
      List<Paper> found =
          sink.papers().stream()
              .filter(p -> p.title().equals(e.title()) && (id == null || p.id().equals(id)))
              .toList();
      assertFalse(found.isEmpty(), "lost " + e + "; read " + sink.titles() + ", " + sink.skips);
    }
  }

  private static String anyFormat(int i) {
    return Corpus.SAMPLES.get(i).format();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    }
    return out.toByteArray();
  }
}
