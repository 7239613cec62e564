package org.abstracta.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.abstracta.indexer.ingest.Formats;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files no reader should have to meet, through a whole run: a 100 MB line, invalid UTF-8, nesting
 * 100,000 deep, a 2 GB line, link loops, unreadable and empty and damaged {@code .gz} files, a
 * {@code .gz} that expands past the page limit, values too long to index. The run goes on, says
 * what it skipped and why, and keeps every good record. {@code docs/reliability.md} lists the
 * outcomes.
 */
class HostileFilesTest {
  @TempDir Path tmp;

  private Path in() throws IOException {
    return Files.createDirectories(tmp.resolve("in"));
  }

  private IndexSummary index(Path... paths) throws IndexerException {
    return IndexRun.run(
        List.of(paths),
        IndexOptions.defaults(tmp.resolve("index")).withAsOf(LocalDate.of(2026, 11, 22)));
  }

  private static String arxiv(int n, String title) {
    return String.format(
        "{\"id\":\"2101.%05d\",\"title\":\"%s\",\"abstract\":\"About %s.\",\"categories\":\"cs.LG\"}",
        n, title, title);
  }

  private List<Paper> export() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexExport.write(tmp.resolve("index"), out);
    List<Paper> papers = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) papers.add(PaperJson.fromJson(line));
    }
    return papers;
  }

  private List<String> skips(IndexSummary s) {
    return s.skips().stream().map(Skip::toString).toList();
  }

  @Test
  void a_100_mb_line_among_good_lines_is_skipped_and_the_good_lines_are_kept() throws Exception {
    Path file = in().resolve("big-line.jsonl");
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ch.write(
          ByteBuffer.wrap(
              (arxiv(1, "Before") + "\n{\"title\":\"").getBytes(StandardCharsets.UTF_8)));
      ByteBuffer block = ByteBuffer.wrap("x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 100; i++) ch.write(block.rewind());
      ch.write(
          ByteBuffer.wrap(("\"}\n" + arxiv(2, "After") + "\n").getBytes(StandardCharsets.UTF_8)));
    }
    IndexSummary s = index(file);
    assertEquals(2, s.read());
    assertEquals(List.of(file + ":2: line longer than 64 MiB"), skips(s));
    assertEquals(List.of("Before", "After"), export().stream().map(Paper::title).toList());
  }

  @Test
  void invalid_utf8_is_read_as_replacement_characters() throws Exception {
    Path file = in().resolve("bad-bytes.jsonl");
    byte[] line = (arxiv(1, "Caf__ au lait") + "\n").getBytes(StandardCharsets.UTF_8);
    int at = new String(line, StandardCharsets.ISO_8859_1).indexOf("__");
    line[at] = (byte) 0xC3; // a cut two-byte sequence
    line[at + 1] = (byte) 0xFF; // never valid in UTF-8
    Files.write(file, line);
    IndexSummary s = index(file);
    assertEquals(List.of(), skips(s));
    assertEquals("Caf\uFFFD\uFFFD au lait", export().getFirst().title());
  }

  @Test
  void nul_bytes_in_a_json_line_cost_that_line_only() throws Exception {
    Path file = in().resolve("nul.jsonl");
    Files.writeString(
        file,
        "\0\0\0\n"
            + arxiv(1, "Kept")
            + "\n"
            + arxiv(2, "With\0NUL")
            + "\n"
            + arxiv(3, "Also kept")
            + "\n");
    IndexSummary s = index(file);
    assertEquals(2, s.read());
    assertEquals(
        List.of(
            file
                + ":1: invalid JSON: Illegal character ((CTRL-CHAR, code 0)): only regular white"
                + " space (\\r, \\n, \\t) is allowed between tokens",
            file
                + ":3: invalid JSON: Illegal unquoted character ((CTRL-CHAR, code 0)): has to be"
                + " escaped using backslash to be included in string value"),
        skips(s));
  }

  @Test
  void json_nested_100000_deep_is_skipped_without_a_stack_overflow() throws Exception {
    Path file = in().resolve("deep.jsonl");
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    Files.writeString(
        file,
        arxiv(1, "Kept")
            + "\n"
            + deep
            + "\n{\"id\":\"2101.00002\",\"title\":\"T\",\"categories\":\"cs.LG\",\"versions\":"
            + deep
            + "}\n");
    IndexSummary s = index(file);
    assertEquals(1, s.read());
    assertEquals(
        List.of(file + ":2: not a JSON object", file + ":3: field 'versions' has the wrong type"),
        skips(s));
  }

  @Test
  void values_too_long_to_index_are_skipped_and_the_run_goes_on() throws Exception {
    Path file = in().resolve("papers.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            "{\"id\":\"2101.00001\",\"title\":\"Kept\"}",
            "{\"id\":\"2101.00002\",\"title\":\"" + "x".repeat(40_000) + "\"}",
            "{\"id\":\"doi:10.1000/" + "x".repeat(2_000) + "\",\"title\":\"Long id\"}",
            "{\"title\":\"No code\",\"subjects\":[{\"label\":\"Machine Learning\"}]}",
            "{\"title\":\"No file\",\"sources\":[{\"format\":\"jsonl\"}]}",
            ""));
    IndexSummary s = index(file);
    assertEquals(1, s.read());
    assertEquals(
        List.of(
            file + ":2: title too long to index (40,000 characters, at most 10,000)",
            file + ":3: id too long to index (2,008 characters, at most 1,000)",
            file + ":4: a 'subjects' entry without 'code'",
            file + ":5: a 'sources' entry without 'file' or 'format'"),
        skips(s));
  }

  @Test
  void a_two_gigabyte_file_of_one_line_is_judged_by_its_head() throws Exception {
    Path file = in().resolve("huge.jsonl");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.write(arxiv(1, "Prefix").getBytes(StandardCharsets.UTF_8));
      f.setLength(2L << 30); // sparse: NUL bytes that cost no disk
    }
    long start = System.nanoTime();
    IndexerException e = assertThrows(IndexerException.class, () -> index(file));
    assertEquals(1, e.exitCode());
    assertEquals(
        "nothing could be read: " + file + ": binary content, not text (unknown format)",
        e.getMessage());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "took too long");
    // Forced to a line format, the file is streamed: see IndexerProcessIT (2 GB, -Xmx256m).
  }

  /** The JDK's words for ELOOP. */
  private static final String LOOP =
      "Too many levels of symbolic links or unable to access attributes of symbolic link";

  @Test
  void symbolic_link_loops_are_reported_not_followed() throws Exception {
    Path dir = in();
    Files.writeString(dir.resolve("good.jsonl"), arxiv(1, "Kept") + "\n");
    Files.createSymbolicLink(dir.resolve("loop"), dir); // a directory that contains itself
    Files.createSymbolicLink(dir.resolve("ping"), dir.resolve("pong"));
    Files.createSymbolicLink(dir.resolve("pong"), dir.resolve("ping"));
    IndexSummary s = index(dir);
    assertEquals(1, s.read());
    assertEquals(
        List.of(
            dir.resolve("loop")
                + ": a symbolic link to a directory, not followed (name it as a PATH to read it)",
            dir.resolve("ping") + ": cannot read: " + LOOP,
            dir.resolve("pong") + ": cannot read: " + LOOP),
        skips(s));

    IndexerException e = assertThrows(IndexerException.class, () -> index(dir.resolve("ping")));
    assertEquals(2, e.exitCode());
    assertEquals(
        "no such file or directory: "
            + dir.resolve("ping")
            + " (a symbolic link to nothing, or in a loop)",
        e.getMessage());
  }

  @Test
  void an_unreadable_file_is_skipped_with_its_reason() throws Exception {
    // root reads files whatever their permissions: nothing to test then.
    assumeFalse("root".equals(System.getProperty("user.name")), "running as root");
    Path dir = in();
    Files.writeString(dir.resolve("good.jsonl"), arxiv(1, "Kept") + "\n");
    Path locked = Files.writeString(dir.resolve("locked.jsonl"), arxiv(2, "Locked") + "\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    IndexSummary s = index(dir);
    assertEquals(1, s.read());
    assertEquals(List.of(locked + ": cannot read: permission denied"), skips(s));
  }

  @Test
  void empty_files_are_skipped_with_a_reason() throws Exception {
    Path dir = in();
    Files.writeString(dir.resolve("blank.txt"), " \n\t\n\n");
    Files.writeString(dir.resolve("good.jsonl"), arxiv(1, "Kept") + "\n");
    Files.write(dir.resolve("empty.jsonl.gz"), new byte[0]);
    Files.write(dir.resolve("nothing.jsonl.gz"), gzip(new byte[0]));
    IndexSummary s = index(dir);
    assertEquals(1, s.read());
    assertEquals(
        List.of(
            dir.resolve("blank.txt") + ": empty file (only white space)",
            dir.resolve("empty.jsonl.gz")
                + ": cannot read: not a valid gzip file (too short for a gzip header)",
            dir.resolve("nothing.jsonl.gz") + ": empty file"),
        skips(s));
  }

  @Test
  void a_truncated_gz_keeps_the_records_before_the_damage() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 1500; i++) lines.append(arxiv(i, "Paper " + i)).append('\n');
    byte[] gz = gzip(lines.toString().getBytes(StandardCharsets.UTF_8));
    Path file = Files.write(in().resolve("cut.jsonl.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));
    IndexSummary s = index(file);
    assertEquals(1, s.skips().size(), skips(s).toString());
    Skip skip = s.skips().getFirst();
    assertEquals(
        "cannot read the rest: truncated or corrupt gzip data (Unexpected end of ZLIB input stream)",
        skip.reason());
    // Every line before the one reading stopped in is read, none after.
    assertEquals(skip.line() - 1, s.read());
    assertTrue(s.read() > 300 && s.read() < 1500, "read " + s.read());
  }

  @Test
  void a_corrupt_gzip_trailer_is_reported_after_every_record_is_read() throws Exception {
    byte[] gz =
        gzip((arxiv(1, "One") + "\n" + arxiv(2, "Two") + "\n").getBytes(StandardCharsets.UTF_8));
    gz[gz.length - 8] ^= 0x5A; // the CRC-32 of the content
    Path file = Files.write(in().resolve("crc.jsonl.gz"), gz);
    IndexSummary s = index(file);
    assertEquals(2, s.read());
    assertEquals(
        List.of(
            file
                + ":3: cannot read the rest: truncated or corrupt gzip data (Corrupt GZIP trailer)"),
        skips(s));
  }

  @Test
  void a_truncated_gz_page_keeps_the_entries_before_the_damage() throws Exception {
    byte[] page = Files.readAllBytes(IndexRunTest.CORPUS.resolve("000_21cd7a5341c6c0d1.txt"));
    byte[] gz = gzip(page);
    Path file = Files.write(in().resolve("page.txt.gz"), Arrays.copyOf(gz, gz.length / 2));
    IndexSummary s = index(file);
    assertTrue(s.read() > 3 && s.read() < 19, "read " + s.read());
    List<String> skips = skips(s);
    assertTrue(
        skips.stream()
            .anyMatch(
                k ->
                    k.startsWith(file + ":")
                        && k.endsWith(
                            ": cannot read the rest: truncated or corrupt gzip data"
                                + " (Unexpected end of ZLIB input stream)")),
        skips.toString());
  }

  @Test
  void a_gz_page_that_expands_past_256_mib_is_not_read_into_memory() throws Exception {
    Path file = in().resolve("bomb.txt.gz");
    byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(file)) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        }) {
      out.write(
          "Kelsey Allen\n\n1 Papers\n\nLGMar 27, 2023\nA title\n\nA, B\n\n"
              .getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 257; i++) out.write(spaces);
    }
    assertTrue(Files.size(file) < 2 << 20);
    assertEquals(
        "author-page", ((Formats.Detected) Formats.detect(new InputFile(file))).parser().format());
    IndexerException e = assertThrows(IndexerException.class, () -> index(file));
    assertEquals(
        "nothing could be read: "
            + file
            + ": too large for the author-page reader (over 256 MiB uncompressed)",
        e.getMessage());
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(content);
    }
    return out.toByteArray();
  }
}
