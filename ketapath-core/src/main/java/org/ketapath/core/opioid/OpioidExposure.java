package org.ketapath.core.opioid;

import java.time.Instant;

/**
 * One opioid the patient actually received (MEDD-1): a discrete dose (scheduled or rescue), a
 * continuous infusion, or a transdermal patch. Infusions and patches may still be running.
 */
public sealed interface OpioidExposure permits OpioidExposure.Dose, OpioidExposure.Infusion, OpioidExposure.Patch {

  Opioid drug();

  OpioidRoute route();

  /**
   * A discrete dose actually given. {@code asNeeded} marks a rescue (breakthrough) dose, counted
   * in {@link MeddResult#rescueDoses()}.
   */
  record Dose(Opioid drug, OpioidRoute route, OpioidAmount amount, Instant givenAt, boolean asNeeded)
      implements OpioidExposure {
    public Dose {
      require(drug, "dose.drug");
      require(route, "dose.route");
      require(amount, "dose.amount");
      require(givenAt, "dose.givenAt");
      if (route == OpioidRoute.TRANSDERMAL) {
        throw Refusals.medd1(Refusals.ROUTE, "dose.route",
            "dose.route transdermal is a patch, not a discrete dose; record it as a patch with its mcg/h strength");
      }
    }
  }

  /** A continuous IV or SC infusion from {@code from} until {@code until}; {@code until} null means still running. */
  record Infusion(Opioid drug, OpioidRoute route, OpioidRate rate, Instant from, Instant until)
      implements OpioidExposure {
    public Infusion {
      require(drug, "infusion.drug");
      require(route, "infusion.route");
      require(rate, "infusion.rate");
      require(from, "infusion.from");
      if (!route.isParenteral()) {
        throw Refusals.medd1(Refusals.ROUTE, "infusion.route",
            "infusion.route must be IV or SC, got " + route.displayName());
      }
      if (until != null && until.isBefore(from)) {
        throw Refusals.medd1(Refusals.EXPOSURE, "infusion.until",
            "infusion.until (" + until + ") is before infusion.from (" + from + ")");
      }
    }
  }

  /** A transdermal patch of the stated strength, on from {@code appliedAt}; {@code removedAt} null means still on. */
  record Patch(Opioid drug, OpioidRate rate, Instant appliedAt, Instant removedAt) implements OpioidExposure {
    public Patch {
      require(drug, "patch.drug");
      require(rate, "patch.rate");
      require(appliedAt, "patch.appliedAt");
      if (removedAt != null && removedAt.isBefore(appliedAt)) {
        throw Refusals.medd1(Refusals.EXPOSURE, "patch.removedAt",
            "patch.removedAt (" + removedAt + ") is before patch.appliedAt (" + appliedAt + ")");
      }
    }

    @Override
    public OpioidRoute route() {
      return OpioidRoute.TRANSDERMAL;
    }
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw Refusals.medd1(Refusals.EXPOSURE, field, field + " is missing");
    }
  }
}
