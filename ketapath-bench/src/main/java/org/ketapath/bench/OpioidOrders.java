package org.ketapath.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ketapath.core.opioid.Opioid;
import org.ketapath.core.opioid.OpioidAmount;
import org.ketapath.core.opioid.OpioidExposure;
import org.ketapath.core.opioid.OpioidRate;
import org.ketapath.core.opioid.OpioidRoute;
import org.ketapath.core.opioid.OpioidUnit;

/**
 * The opioid record of a palliative inpatient over the day before {@link #WINDOW_END}: 24 orders
 * given, mixing discrete doses (scheduled and rescue; oral, IV, SC), continuous IV/SC infusions and
 * fentanyl patches, all inside the 24 h window of us-palliative@1.0.
 */
public final class OpioidOrders {
  public static final Instant WINDOW_END = Instant.parse("2024-03-05T08:00:00Z");

  private OpioidOrders() {}

  /** One scheduled oral morphine dose: the single-order case of the comparison. */
  public static List<OpioidExposure> one() {
    return List.of(dose(Opioid.MORPHINE, OpioidRoute.ORAL, "30", OpioidUnit.MG, 2, false));
  }

  public static List<OpioidExposure> twentyFour() {
    List<OpioidExposure> out = new ArrayList<>();
    for (int h : new int[] {22, 16, 10, 4}) {
      out.add(dose(Opioid.MORPHINE, OpioidRoute.ORAL, "30", OpioidUnit.MG, h, false));
    }
    for (int h : new int[] {21, 13, 6}) {
      out.add(dose(Opioid.OXYCODONE, OpioidRoute.ORAL, "10", OpioidUnit.MG, h, true));
    }
    for (int h : new int[] {19, 11, 3}) {
      out.add(dose(Opioid.HYDROMORPHONE, OpioidRoute.IV, "0.5", OpioidUnit.MG, h, true));
    }
    out.add(dose(Opioid.MORPHINE, OpioidRoute.SC, "5", OpioidUnit.MG, 18, true));
    out.add(dose(Opioid.MORPHINE, OpioidRoute.SC, "5", OpioidUnit.MG, 9, true));
    out.add(dose(Opioid.HYDROMORPHONE, OpioidRoute.ORAL, "4", OpioidUnit.MG, 20, false));
    out.add(dose(Opioid.HYDROMORPHONE, OpioidRoute.ORAL, "4", OpioidUnit.MG, 8, false));
    out.add(dose(Opioid.MORPHINE, OpioidRoute.IV, "2", OpioidUnit.MG, 15, true));
    out.add(dose(Opioid.MORPHINE, OpioidRoute.IV, "2", OpioidUnit.MG, 1, true));
    out.add(infusion(Opioid.HYDROMORPHONE, OpioidRoute.IV, "1", OpioidUnit.MG, 30, 2));
    out.add(infusion(Opioid.MORPHINE, OpioidRoute.SC, "2", OpioidUnit.MG, 10, -1));
    out.add(infusion(Opioid.FENTANYL, OpioidRoute.IV, "25", OpioidUnit.MCG, 14, 7));
    out.add(infusion(Opioid.MORPHINE, OpioidRoute.IV, "3", OpioidUnit.MG, 6, -1));
    out.add(infusion(Opioid.HYDROMORPHONE, OpioidRoute.SC, "0.4", OpioidUnit.MG, 12, -1));
    out.add(patch("25", 72, 20));
    out.add(patch("50", 20, -1));
    out.add(patch("12", 4, -1));
    if (out.size() != 24) {
      throw new IllegalStateException("expected 24 orders, built " + out.size());
    }
    return List.copyOf(out);
  }

  private static Instant hoursBefore(int h) {
    return WINDOW_END.minus(Duration.ofHours(h));
  }

  private static OpioidExposure dose(Opioid drug, OpioidRoute route, String amount, OpioidUnit unit, int hoursBefore,
      boolean rescue) {
    return new OpioidExposure.Dose(drug, route, new OpioidAmount(new BigDecimal(amount), unit), hoursBefore(hoursBefore),
        rescue);
  }

  /** An infusion from {@code fromHours} before the window end until {@code untilHours} before it (-1: running). */
  private static OpioidExposure infusion(Opioid drug, OpioidRoute route, String rate, OpioidUnit unit, int fromHours,
      int untilHours) {
    return new OpioidExposure.Infusion(drug, route, new OpioidRate(new BigDecimal(rate), unit), hoursBefore(fromHours),
        untilHours < 0 ? null : hoursBefore(untilHours));
  }

  private static OpioidExposure patch(String mcgPerHour, int appliedHours, int removedHours) {
    return new OpioidExposure.Patch(Opioid.FENTANYL, new OpioidRate(new BigDecimal(mcgPerHour), OpioidUnit.MCG),
        hoursBefore(appliedHours), removedHours < 0 ? null : hoursBefore(removedHours));
  }
}
