package io.argus.session.boundary;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * Reads an absent body as the defaults for the two contract requests whose fields are all
 * optional (create and start): clients post them without a body.
 */
@Provider
public class EmptyBodyDefaults implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Class<?> type = context.getType();
    if (type != SessionCreateRequest.class && type != SessionStartRequest.class) {
      return context.proceed();
    }
    var in = new PushbackInputStream(context.getInputStream(), 1);
    int first = in.read();
    if (first == -1) {
      return type == SessionCreateRequest.class ? new SessionCreateRequest() : new SessionStartRequest();
    }
    in.unread(first);
    context.setInputStream(in);
    return context.proceed();
  }
}
