package org.abstracta.searchapi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the app (a malformed request line, an illegal URI,
 * headers too large) in the API's JSON shape, without stacks, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final ObjectMapper M = new ObjectMapper();

  JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowOrigin(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected boolean generateAcceptableResponse(
      Request request,
      Response response,
      Callback callback,
      String contentType,
      List<Charset> charsets,
      int code,
      String message,
      Throwable cause) {
    secure(response.getHeaders());
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    return true;
  }

  /** JSON, with the headers {@link PageHeaders} gives every API response. */
  private static void secure(HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put("X-Content-Type-Options", "nosniff");
    fields.put("Content-Security-Policy", PageHeaders.API_POLICY);
    fields.put("Referrer-Policy", PageHeaders.REFERRER_POLICY);
    fields.put("X-Frame-Options", "DENY");
  }

  static byte[] body(int status, String message) {
    String reason = HttpStatus.getMessage(status);
    String code =
        reason == null ? "error" : reason.toLowerCase(Locale.ROOT).replaceAll("\\W+", "_");
    String text = message == null || message.isBlank() ? reason : message;
    try {
      return M.writeValueAsBytes(new ApiJson.Error(code, text, null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error record always serializes", e);
    }
  }
}
