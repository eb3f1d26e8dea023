package io.argus.security.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an operation that changes something: each call is written to the audit log under this action. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
  /** The action's name, {@code <thing>.<verb>}: {@code session.start}, {@code key.revoke}. */
  String value();
}
