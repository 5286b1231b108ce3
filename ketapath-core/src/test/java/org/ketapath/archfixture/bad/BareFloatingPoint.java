package org.ketapath.archfixture.bad;

import java.util.Optional;

/** Each nested type puts a bare floating-point number in a public signature: invariant 2 must reject each. */
public final class BareFloatingPoint {
  private BareFloatingPoint() {}

  public static final class BareDoubleDose {
    public double mgPerHour(double mgPerKgPerHour, double kg) {
      return mgPerKgPerHour * kg;
    }
  }

  public static final class BoxedDoubleInGeneric {
    public Optional<Double> rate() {
      return Optional.empty();
    }
  }

  public record FloatRate(float value) {}

  public static final class PublicDoubleField {
    public static final double CEILING = 0.5;
  }

  public static final class DoubleArrayParameter {
    public int count(double[] rates) {
      return rates.length;
    }
  }
}
