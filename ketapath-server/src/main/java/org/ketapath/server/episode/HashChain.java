package org.ketapath.server.episode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over the previous hash and the canonical JSON of an event (or of an episode header). */
public final class HashChain {
  private HashChain() {}

  public static String next(String previousHash, String canonicalJson) {
    return sha256(previousHash + "\n" + canonicalJson);
  }

  public static String genesis(String canonicalHeader) {
    return sha256("ketapath-episode\n" + canonicalHeader);
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
