package org.ketapath.core.episode;

/** Side effects nurses record, with the OUT-6 category and whether they are psychotomimetic (GDL-6). */
public enum SideEffect {
  HALLUCINATIONS(Category.PSYCHOTOMIMETIC),
  DYSPHORIA(Category.PSYCHOTOMIMETIC),
  SEVERE_AGITATION(Category.PSYCHOTOMIMETIC),
  DEPERSONALIZATION(Category.PSYCHOTOMIMETIC),
  DEREALIZATION(Category.PSYCHOTOMIMETIC),
  VIVID_DREAMS(Category.PSYCHOTOMIMETIC),
  INSOBRIETY(Category.NEUROLOGICAL),
  SOMNOLENCE(Category.NEUROLOGICAL),
  HEADACHE(Category.NEUROLOGICAL),
  DIZZINESS(Category.NEUROLOGICAL),
  NAUSEA(Category.GASTROINTESTINAL),
  VOMITING(Category.GASTROINTESTINAL),
  HYPERTENSION(Category.CARDIOVASCULAR),
  TACHYCARDIA(Category.CARDIOVASCULAR),
  PRURITUS(Category.OTHER),
  OTHER(Category.OTHER);

  /** OUT-6 adverse-event categories, plus psychotomimetic effects (GDL-6). */
  public enum Category {
    NEUROLOGICAL,
    GASTROINTESTINAL,
    CARDIOVASCULAR,
    PSYCHOTOMIMETIC,
    OTHER
  }

  private final Category category;

  SideEffect(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }

  public boolean psychotomimetic() {
    return category == Category.PSYCHOTOMIMETIC;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
