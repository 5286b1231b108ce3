package org.ketapath.core.engine;

/** What the decision engine recommends. A decision has one primary action and may add others. */
public enum Action {
  /** Start the infusion at the stated rate (CIVIK-3, INST-3, OUT-3). */
  START,
  /** Start outpatient session n (OUT-2..4). */
  START_SESSION,
  /** Increase to the stated rate. */
  INCREASE,
  /** Keep the current rate. */
  HOLD,
  /** Reduce to the stated rate (above a cap, or for side effects). */
  REDUCE,
  /** Taper step down (INST-8). */
  TAPER,
  /** Stop the infusion or session. */
  STOP,
  /** Call the pain service (INST-5 and any limit crossed). */
  NOTIFY_PAIN_SERVICE,
  /** Low-flow oxygen by nasal cannula to keep SpO2 > 90% (INST-6). */
  GIVE_OXYGEN,
  /** Consider lorazepam or low-dose haloperidol for psychotomimetic effects (GDL-6). */
  CONSIDER_PRN_PSYCHOTOMIMETIC,
  /** A documented reason is needed to continue (INST-9). */
  DOCUMENT_REASON,
  /** An assessment is overdue (DOSE-5). */
  ASSESS_NOW,
  /** Dosing is not possible until the named problem is resolved (DOSE-2, GDL-3, INST-1, ...). */
  BLOCKED,
  /** The episode or course is complete; nothing further to give. */
  COMPLETE
}
