package io.argus.telemetry.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/** A page of a listing as a response: the items, and a Link to the next page when there is one. */
final class Listings {

  private Listings() {}

  static Response page(List<?> items, Optional<String> nextCursor, UriInfo uri) {
    Response.ResponseBuilder ok = Response.ok(items);
    nextCursor.ifPresent(c -> {
      ok.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build() + ">; rel=\"next\"");
      ok.header("X-Next-Cursor", c);
    });
    return ok.build();
  }
}
