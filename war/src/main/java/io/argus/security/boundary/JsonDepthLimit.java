package io.argus.security.boundary;

import io.argus.platform.control.InvalidParameter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses JSON bodies nested deeper than any request of Argus needs ({@value #MAX_DEPTH} levels)
 * while they stream in, before a binder can recurse into them, and bodies with anything after their
 * object or array, which the binder would silently ignore. Bodies an operation reads as raw
 * bytes (batch ingest) are left to their own streaming parser.
 */
@Provider
public class JsonDepthLimit implements ReaderInterceptor {

  static final int MAX_DEPTH = 32;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Class<?> type = context.getType();
    MediaType media = context.getMediaType();
    boolean json = media == null || media.getSubtype().equals("json") || media.getSubtype().endsWith("+json");
    if (json && type != InputStream.class && type != byte[].class && type != String.class) {
      context.setInputStream(new DepthCounting(context.getInputStream()));
    }
    return context.proceed();
  }

  private static final class DepthCounting extends FilterInputStream {
    private int depth;
    private boolean done;
    private boolean inString;
    private boolean escaped;

    DepthCounting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        see((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        see(buffer[offset + i]);
      }
      return n;
    }

    private void see(byte b) {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
        return;
      }
      if (done && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        // JSON-B stops after the first value and would ignore the rest
        throw new InvalidParameter("body", "The JSON body has content after its value");
      }
      switch (b) {
        case '"' -> inString = true;
        case '{', '[' -> {
          if (++depth > MAX_DEPTH) {
            throw new InvalidParameter("body", "The JSON body is nested deeper than " + MAX_DEPTH + " levels");
          }
        }
        case '}', ']' -> done = --depth == 0;
        default -> { }
      }
    }
  }
}
