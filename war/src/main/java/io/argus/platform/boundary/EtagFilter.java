package io.argus.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * ETag and If-None-Match on every successful GET of the API: the body is digested (SHA-256) into a
 * strong entity tag; a request that already holds it gets 304 without a body.
 */
@WebFilter(filterName = "etag", urlPatterns = "/api/*")
public class EtagFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    Buffered buffered = new Buffered(response);
    chain.doFilter(request, buffered);
    Body body = buffered.body();
    if (buffered.getStatus() != 200) {
      response.setContentLength(body.size());
      body.writeTo(response.getOutputStream());
      return;
    }
    String etag = "\"" + body.digest() + "\"";
    response.setHeader("ETag", etag);
    if (matches(request.getHeader("If-None-Match"), etag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      response.setContentLength(-1);
      return;
    }
    response.setContentLength(body.size());
    if (!"HEAD".equals(request.getMethod())) {
      body.writeTo(response.getOutputStream());
    }
  }

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals("*") || c.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /** The held-back body; digested and written from its own array, without copies. */
  static final class Body extends ByteArrayOutputStream {

    Body() {
      super(8 << 10);
    }

    String digest() {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(buf, 0, count);
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Holds the body back so that the tag can be computed before anything is sent. */
  private static final class Buffered extends HttpServletResponseWrapper {

    private final Body bytes = new Body();
    private ServletOutputStream stream;
    private PrintWriter writer;

    Buffered(HttpServletResponse response) {
      super(response);
    }

    Body body() {
      if (writer != null) {
        writer.flush();
      }
      return bytes;
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            bytes.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("blocking output only");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), java.nio.charset.Charset.forName(encoding)));
      }
      return writer;
    }

    @Override
    public void flushBuffer() {
      // nothing is sent before the tag is known
    }

    @Override
    public void setContentLength(int len) {
      // set from the buffered body
    }

    @Override
    public void setContentLengthLong(long len) {
      // set from the buffered body
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"Content-Length".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public boolean isCommitted() {
      return false;
    }
  }
}
