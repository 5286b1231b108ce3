package org.ketapath.core.opioid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketapath.core.KetaPathException;

@Tag("MEDD-1")
class ConversionTablesTest {

  @Test
  @DisplayName("MEDD-1: four built-in tables, named id@version, loaded once")
  void builtInTablesAreListedAndCached() {
    List<ConversionTable> tables = ConversionTables.builtIn();
    assertThat(tables).extracting(ConversionTable::ref).containsExactly(
        "us-palliative@1.0", "uk-palliative@1.0", "anzca-fpm-2021@1.0", "cdc-2022-clinical@1.0");
    assertThat(ConversionTables.builtIn()).isSameAs(tables);
    assertThat(ConversionTables.builtIn("us-palliative", "1.0")).isSameAs(tables.get(0));
  }

  @Test
  void unknownTableIdIsRefusedListingWhatExists() {
    assertThatThrownBy(() -> ConversionTables.builtIn("who-ladder", "1.0"))
        .isInstanceOfSatisfying(KetaPathException.class, e -> {
          assertThat(e.code()).isEqualTo("MEDD-TABLE-UNKNOWN");
          assertThat(e.getMessage()).contains("who-ladder", "us-palliative@1.0", "uk-palliative@1.0",
              "anzca-fpm-2021@1.0", "cdc-2022-clinical@1.0");
        });
  }

  @Test
  void unknownTableVersionIsRefusedListingTheVersions() {
    assertThatThrownBy(() -> ConversionTables.builtIn("us-palliative", "9.9"))
        .isInstanceOfSatisfying(KetaPathException.class, e -> {
          assertThat(e.field()).isEqualTo("table.version");
          assertThat(e.getMessage()).contains("us-palliative", "9.9", "available versions: 1.0");
        });
  }

  /** Every figure of the conversion table in clinical-facts.md, by table, drug, route and unit. */
  @ParameterizedTest(name = "[{0}] {1} {2} = {4} per {3}")
  @CsvSource({
      "cdc-2022-clinical, MORPHINE, ORAL, mg, 1",
      "cdc-2022-clinical, HYDROMORPHONE, ORAL, mg, 5",
      "cdc-2022-clinical, OXYCODONE, ORAL, mg, 1.5",
      "cdc-2022-clinical, FENTANYL, TRANSDERMAL, mcg/h, 2.4",
      "cdc-2022-clinical, METHADONE, ORAL, mg, 4.7",
      "cdc-2022-clinical, CODEINE, ORAL, mg, 0.15",
      "cdc-2022-clinical, TRAMADOL, ORAL, mg, 0.2",
      "cdc-2022-clinical, TAPENTADOL, ORAL, mg, 0.4",
      "cdc-2022-clinical, HYDROCODONE, ORAL, mg, 1",
      "cdc-2022-clinical, OXYMORPHONE, ORAL, mg, 3",
      "us-palliative, MORPHINE, ORAL, mg, 1",
      "us-palliative, MORPHINE, IV, mg, 3",
      "us-palliative, MORPHINE, SC, mg, 3",
      "us-palliative, HYDROMORPHONE, ORAL, mg, 4",
      "us-palliative, HYDROMORPHONE, IV, mg, 20",
      "us-palliative, HYDROMORPHONE, SC, mg, 20",
      "us-palliative, OXYCODONE, ORAL, mg, 1.5",
      "us-palliative, OXYCODONE, IV, mg, 3",
      "us-palliative, FENTANYL, TRANSDERMAL, mcg/h, 2.4",
      "us-palliative, FENTANYL, IV, mcg, 0.3",
      "us-palliative, FENTANYL, SC, mcg, 0.3",
      "anzca-fpm-2021, MORPHINE, ORAL, mg, 1",
      "anzca-fpm-2021, MORPHINE, IV, mg, 3",
      "anzca-fpm-2021, HYDROMORPHONE, ORAL, mg, 5",
      "anzca-fpm-2021, HYDROMORPHONE, IV, mg, 15",
      "anzca-fpm-2021, OXYCODONE, ORAL, mg, 1.5",
      "anzca-fpm-2021, OXYCODONE, SC, mg, 3",
      "anzca-fpm-2021, FENTANYL, TRANSDERMAL, mcg/h, 3",
      "anzca-fpm-2021, FENTANYL, IV, mcg, 0.2",
      "anzca-fpm-2021, CODEINE, ORAL, mg, 0.13",
      "anzca-fpm-2021, TRAMADOL, ORAL, mg, 0.2",
      "anzca-fpm-2021, TAPENTADOL, ORAL, mg, 0.3",
      "uk-palliative, MORPHINE, ORAL, mg, 1",
      "uk-palliative, MORPHINE, SC, mg, 2",
      "uk-palliative, HYDROMORPHONE, ORAL, mg, 7.5",
      "uk-palliative, HYDROMORPHONE, SC, mg, 15",
      "uk-palliative, OXYCODONE, ORAL, mg, 1.5",
      "uk-palliative, OXYCODONE, SC, mg, 3",
      "uk-palliative, FENTANYL, TRANSDERMAL, mcg/h, 3",
      "uk-palliative, FENTANYL, SC, mcg, 0.15"})
  @DisplayName("MEDD-1: built-in factors match the published figures exactly")
  void factorsMatchTheReferenceTable(String id, Opioid drug, OpioidRoute route, String per, String factor) {
    ConversionFactor f = ConversionTables.builtIn(id, "1.0").factor(drug, route).orElseThrow();
    assertThat(f.per().symbol()).isEqualTo(per);
    assertThat(f.factor()).isEqualByComparingTo(factor);
    assertThat(f.source()).isNotBlank();
  }

  @ParameterizedTest(name = "[{0}] does not cover {1} {2}")
  @CsvSource({
      "cdc-2022-clinical, MORPHINE, IV", "cdc-2022-clinical, HYDROMORPHONE, IV", "cdc-2022-clinical, FENTANYL, IV",
      "us-palliative, METHADONE, ORAL", "us-palliative, CODEINE, ORAL",
      "anzca-fpm-2021, METHADONE, ORAL", "uk-palliative, METHADONE, ORAL", "uk-palliative, TRAMADOL, ORAL"})
  @DisplayName("MEDD-1: a table covers only what its source gives")
  void tablesDoNotInventEntries(String id, Opioid drug, OpioidRoute route) {
    assertThat(ConversionTables.builtIn(id, "1.0").covers(drug, route)).isFalse();
  }

  @Test
  void factorsKeepTheirExactDecimalValue() {
    BigDecimal codeine = ConversionTables.builtIn("cdc-2022-clinical", "1.0")
        .factor(Opioid.CODEINE, OpioidRoute.ORAL).orElseThrow().factor();
    assertThat(codeine).isEqualTo(new BigDecimal("0.15"));
  }

  @Test
  @Tag("MEDD-2")
  @DisplayName("MEDD-2: the oral:parenteral morphine ratio is table data, with its route basis")
  void parenteralRatiosComeFromTheTables() {
    assertThat(ConversionTables.builtIn("us-palliative", "1.0").parenteralMorphineRatio()).hasValueSatisfying(r -> {
      assertThat(r.route()).isEqualTo(OpioidRoute.IV);
      assertThat(r.oralPerParenteral()).isEqualByComparingTo("3");
    });
    assertThat(ConversionTables.builtIn("anzca-fpm-2021", "1.0").parenteralMorphineRatio()).hasValueSatisfying(r ->
        assertThat(r.describe()).isEqualTo("oral:IV morphine 3:1"));
    assertThat(ConversionTables.builtIn("uk-palliative", "1.0").parenteralMorphineRatio()).hasValueSatisfying(r -> {
      assertThat(r.route()).isEqualTo(OpioidRoute.SC);
      assertThat(r.oralPerParenteral()).isEqualByComparingTo("2");
    });
    ConversionTable cdc = ConversionTables.builtIn("cdc-2022-clinical", "1.0");
    assertThat(cdc.parenteralMorphineRatio()).isEmpty();
    assertThat(cdc.factors()).noneMatch(f -> f.route().isParenteral());
  }

  @Test
  @DisplayName("MEDD-1: the CDC table states that CDC excludes cancer and palliative care")
  void cdcTableStatesItsExclusion() {
    ConversionTable cdc = ConversionTables.builtIn("cdc-2022-clinical", "1.0");
    assertThat(cdc.scope()).contains("excludes", "cancer", "palliative");
    assertThat(cdc.tableWarnings()).anyMatch(w -> w.contains("excludes cancer"));
    assertThat(cdc.sources()).anyMatch(s -> s.contains("MMWR"));
  }

  @Test
  @Tag("MEDD-3")
  @DisplayName("MEDD-3: every built-in table carries the switching warning and per-entry warnings for methadone and fentanyl")
  void builtInTablesCarryTheirWarnings() {
    for (ConversionTable t : ConversionTables.builtIn()) {
      assertThat(t.switchWarning()).as(t.ref()).contains("switching", "25-50%");
      assertThat(t.ruleIds()).as(t.ref()).contains("MEDD-1", "MEDD-3");
      assertThat(t.sources()).as(t.ref()).isNotEmpty();
      assertThat(t.factors()).as(t.ref())
          .filteredOn(f -> f.drug() == Opioid.METHADONE || f.drug() == Opioid.FENTANYL)
          .allSatisfy(f -> assertThat(f.warning()).isPresent());
    }
  }

  @Test
  void aValidTableParsesFromACallerSuppliedStream() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("tables/valid-minimal.yaml")) {
      ConversionTable t = ConversionTables.parse("valid-minimal.yaml", in);
      assertThat(t.ref()).isEqualTo("test-table@1.0");
      assertThat(t.factors()).hasSize(3);
      assertThat(t.uncoveredAdvice()).isEmpty();
    }
  }

  @Test
  void yamlThatIsNotWellFormedIsRefusedWithItsLocation() {
    assertThatThrownBy(() -> parse("bad.yaml", "id: [unclosed\nversion: \"1.0\"\n"))
        .isInstanceOfSatisfying(KetaPathException.class, e -> {
          assertThat(e.code()).isEqualTo("MEDD-TABLE");
          assertThat(e.field()).startsWith("line ");
          assertThat(e.getMessage()).startsWith("bad.yaml: line ");
        });
  }

  @Test
  void duplicateKeysAreRefusedRatherThanOverwritten() {
    assertThatThrownBy(() -> parse("dup.yaml", "id: a\nid: b\n"))
        .isInstanceOfSatisfying(KetaPathException.class, e ->
            assertThat(e.getMessage()).contains("dup.yaml", "id"));
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThatThrownBy(() -> parse("empty.yaml", "# nothing here\n"))
        .isInstanceOf(KetaPathException.class).hasMessageContaining("empty.yaml: the file is empty");
  }

  private static ConversionTable parse(String name, String yaml) {
    return ConversionTables.parse(name, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
