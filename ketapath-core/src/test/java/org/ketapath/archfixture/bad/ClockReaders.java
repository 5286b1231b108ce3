package org.ketapath.archfixture.bad;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;

/** Each nested class reads the clock or an unseeded random source once: invariant 1 must reject each. */
public final class ClockReaders {
  private ClockReaders() {}

  public static final class InstantNow {
    public Instant now() {
      return Instant.now();
    }
  }

  public static final class CurrentTimeMillis {
    public long millis() {
      return System.currentTimeMillis();
    }
  }

  public static final class NanoTime {
    public long nanos() {
      return System.nanoTime();
    }
  }

  public static final class LocalDateTimeNow {
    public LocalDateTime now() {
      return LocalDateTime.now();
    }
  }

  public static final class ZonedDateTimeNow {
    public ZonedDateTime now() {
      return ZonedDateTime.now();
    }
  }

  public static final class ClockSystemUtc {
    public Clock clock() {
      return Clock.systemUTC();
    }
  }

  public static final class ClockSystemDefaultZone {
    public Clock clock() {
      return Clock.systemDefaultZone();
    }
  }

  public static final class UnseededRandom {
    public int roll() {
      return new Random().nextInt(6);
    }
  }
}
