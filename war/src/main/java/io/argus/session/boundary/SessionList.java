package io.argus.session.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sessions, newest first, with how many match in all. */
@Schema(name = "SessionList", requiredProperties = {"count", "sessions"})
public record SessionList(@Schema(description = "Sessions matching the filter, beyond the limit too") long count, List<SessionView> sessions) {}
