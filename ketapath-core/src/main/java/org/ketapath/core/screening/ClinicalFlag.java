package org.ketapath.core.screening;

import java.util.Locale;
import java.util.Optional;

/**
 * The documented patient facts that protocol screening criteria may name. A protocol file that
 * names anything else is refused when loaded. Each is true, false or not documented.
 */
public enum ClinicalFlag {
  HOSPITALIZED("hospitalized", "hospitalised"),
  TERMINAL_CANCER("terminalCancer", "terminally ill with cancer"),
  OPIOID_ESCALATION_FAILED("opioidEscalationFailed", "pain unresponsive to opioid escalation"),
  OPIOID_ESCALATION_LIMITED_BY_SIDE_EFFECTS("opioidEscalationLimitedBySideEffects",
      "opioid escalation limited by intolerable side effects"),
  ADJUNCTS_CONSIDERED("adjunctsConsidered", "adjuncts considered (NSAIDs, steroids, neuropathic agents, acetaminophen)"),
  PROCEDURES_CONSIDERED("proceduresConsidered", "procedures considered (nerve block, intrathecal delivery, radiation)"),
  CANCER_RELATED_NEUROPATHIC_PAIN("cancerRelatedNeuropathicPain", "refractory cancer-related neuropathic pain"),
  PREEXISTING_NEUROPATHY("preexistingNeuropathy", "neuropathy that predates the cancer-related pain"),
  POSTOPERATIVE("postoperative", "in the postoperative period"),
  UNCONTROLLED_CARDIOVASCULAR_DISEASE("uncontrolledCardiovascularDisease", "uncontrolled cardiovascular disease"),
  PREGNANCY("pregnancy", "pregnancy"),
  ACTIVE_PSYCHOSIS("activePsychosis", "active psychosis"),
  SEVERE_LIVER_DYSFUNCTION("severeLiverDysfunction", "severe liver dysfunction"),
  ELEVATED_INTRACRANIAL_PRESSURE("elevatedIntracranialPressure", "elevated intracranial pressure"),
  ELEVATED_INTRAOCULAR_PRESSURE("elevatedIntraocularPressure", "elevated intraocular pressure"),
  DELIRIUM("delirium", "delirium"),
  RECENT_SEIZURES("recentSeizures", "recent seizures"),
  HISTORY_OF_PSYCHOSIS("historyOfPsychosis", "history of psychosis"),
  ISCHAEMIC_HEART_DISEASE("ischaemicHeartDisease", "ischaemic heart disease"),
  CYP3A4_INHIBITOR("cyp3a4Inhibitor", "a CYP3A4 inhibitor (azole, macrolide, HIV protease inhibitor)"),
  OPIOIDS_OPTIMIZED("opioidsOptimized", "opioids optimised (escalation and rotation)"),
  NEUROPATHIC_ADJUVANTS_TRIED("neuropathicAdjuvantsTried",
      "neuropathic adjuvants tried (gabapentin, pregabalin, duloxetine or a tricyclic >= 75 mg/day)"),
  CENTRAL_SENSITIZATION("centralSensitization", "evidence of central sensitisation or hyperalgesia"),
  INVASIVE_INTERVENTIONS_INAPPROPRIATE("invasiveInterventionsInappropriate", "invasive interventions inappropriate");

  private final String key;
  private final String label;

  ClinicalFlag(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The name used in protocol and timeline files. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static Optional<ClinicalFlag> byKey(String key) {
    for (ClinicalFlag f : values()) {
      if (f.key.equals(key) || f.name().equals(key.toUpperCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
