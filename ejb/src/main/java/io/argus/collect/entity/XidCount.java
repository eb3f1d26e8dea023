package io.argus.collect.entity;

/** The XID errors one GPU reported since Argus started: how many, and the code of the last. */
public record XidCount(long total, long last) {

  public XidCount plus(long xid) {
    return new XidCount(total + 1, xid);
  }
}
