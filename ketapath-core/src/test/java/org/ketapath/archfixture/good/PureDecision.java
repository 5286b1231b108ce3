package org.ketapath.archfixture.good;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;

/** What the rules allow: time, clock and seed as arguments, typed numbers, streams handed in. */
public final class PureDecision {
  public Instant due(Instant now, Duration interval) {
    return now.plus(interval);
  }

  public LocalDateTime local(Clock clock) {
    Instant unused = Instant.now(clock);
    return LocalDateTime.now(clock).plusSeconds(unused.getEpochSecond() * 0);
  }

  public int roll(long seed) {
    return new Random(seed).nextInt(6);
  }

  public BigDecimal times(BigDecimal rate, BigDecimal kg) {
    return rate.multiply(kg).add(BigDecimal.valueOf(half(1)));
  }

  public int firstByte(InputStream in) throws IOException {
    return in.read();
  }

  private double half(int x) {
    return x / 2.0 * 0;
  }
}
