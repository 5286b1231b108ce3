package org.ketapath.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page's main flows in headless Chromium against the real server and its PostgreSQL.
 * Uses Debian's chromium and chromium-driver only (never a downloaded browser); saves a
 * screenshot of each main page to docs/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT extends ServerIT {
  static final Path CHROMIUM = Path.of(System.getProperty("ketapath.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("ketapath.chromedriver", "/usr/bin/chromedriver"));
  static final Path SHOTS = Path.of(System.getProperty("ketapath.screenshots", "../docs/screenshots"));

  ChromeDriver driver;
  WebDriverWait wait;
  Path profile;

  @BeforeAll
  void browser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver at " + CHROMIUM + " and "
          + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("ketapath-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  void close() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** Waits for a condition; on a timeout says what the page showed instead. */
  <T> T await(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
    try {
      return wait.until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      String shown = String.valueOf(((JavascriptExecutor) driver).executeScript(
          "const m = document.getElementById('main'); return location.href + '\\n' + (m ? m.innerText.slice(0, 2000) : document.body.innerText.slice(0, 2000))"));
      throw new AssertionError(e.getMessage().lines().findFirst().orElse("") + "\npage showed: " + shown, e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  void signIn(String user) {
    driver.manage().deleteAllCookies();
    driver.get(base() + "/login");
    ((JavascriptExecutor) driver).executeScript("localStorage.setItem('kp.ward', 'IT')");
    await(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(Http.password(user));
    driver.findElement(By.id("sign-in")).click();
    await(ExpectedConditions.textToBe(By.cssSelector("#who"), whoText(user)));
  }

  static String whoText(String user) {
    return switch (user) {
      case "physician" -> "physician (pain physician)";
      default -> user + " (" + user + ")";
    };
  }

  void open(String hash) {
    driver.get(base() + "/" + hash);
  }

  void shot(String name) throws IOException {
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    shotHere(name);
  }

  void shotHere(String name) throws IOException {
    File f = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  WebElement field(String formId, String name) {
    return driver.findElement(By.cssSelector("#" + formId + " [name='" + name + "']"));
  }

  void submit(String formId) {
    driver.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
  }

  String status(String formId) {
    return driver.findElement(By.cssSelector("#" + formId + " .form-status")).getText();
  }

  @Test
  void loginPageAndResearcherSeesOutcomesOnly() throws IOException {
    driver.manage().deleteAllCookies();
    driver.get(base() + "/");
    await(ExpectedConditions.urlContains("/login"));
    await(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
    shot("login");
    signIn("researcher");
    await(ExpectedConditions.presenceOfElementLocated(By.id("outcomes")));
    assertThat(driver.findElements(By.cssSelector("#nav a"))).extracting(WebElement::getText).containsExactly("Outcomes");
    assertThat(driver.findElement(By.id("outcomes")).getText()).doesNotContain("DEMO-").doesNotContain("Aalto");
    shot("researcher-outcomes");
    open("#/board");
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Not for your role"));
  }

  @Test
  void nurseRecordsPainAboveGoalAppliesTheIncreaseAndChartAndBoardUpdate() throws IOException {
    UUID episode = runningEpisode();
    signIn("nurse");
    open("#/episode/" + episode);
    await(ExpectedConditions.presenceOfElementLocated(By.id("f-assessment")));
    // Out of range is refused at the form, with the reason, and nothing is sent.
    field("f-assessment", "nrs").sendKeys("11");
    submit("f-assessment");
    await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#f-assessment .field-error"), "out of range"));
    assertThat(status("f-assessment")).contains("Not sent");
    field("f-assessment", "nrs").clear();
    field("f-assessment", "nrs").sendKeys("8");
    field("f-assessment", "ppg").sendKeys("4");
    submit("f-assessment");
    await(ExpectedConditions.textToBe(By.id("rec-action"), "INCREASE"));
    assertThat(driver.findElement(By.id("rec-rate")).getText()).contains("9 mg/h").contains("mg/kg/h").contains("mL/h");
    assertThat(driver.findElement(By.id("recommendation")).getText()).contains("INST-");
    WebElement apply = driver.findElement(By.id("apply-recommendation"));
    apply.click();
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("recommendation"), "Running: 9 mg/h"));
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("pump-mlh"), "9 mL/h"));
    assertThat(driver.findElement(By.id("history")).getText()).contains("rateChange");
    String chartData = (String) ((JavascriptExecutor) driver).executeScript(
        "return [...document.querySelectorAll('figure')].find(f => f.textContent.includes('Ketamine rate')).querySelector('table').textContent");
    assertThat(chartData).contains("9.0");
    shot("episode");
    ((JavascriptExecutor) driver).executeScript("document.getElementById('h-pump').scrollIntoView()");
    shotHere("episode-charts");
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    open("#/board");
    WebElement row = await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-episode='" + episode + "']")));
    assertThat(row.getText()).contains("9 mg/h").contains("0.1286 mg/kg/h").contains("9 mL/h");
    // The screenshot shows the demo ward.
    new Select(driver.findElement(By.id("ward-select"))).selectByValue("4B");
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("board-updated"), "updated"));
    await(d -> "false".equals(d.findElement(By.id("board-body")).getAttribute("aria-busy")));
    shot("ward-board");
  }

  @Test
  void nurseCannotExceedTheCapAndIsToldWhy() {
    UUID episode = runningEpisode();
    signIn("nurse");
    open("#/episode/" + episode);
    await(ExpectedConditions.presenceOfElementLocated(By.id("f-rate")));
    field("f-rate", "value").sendKeys("20");
    field("f-rate", "reason").sendKeys("pain not controlled");
    submit("f-rate");
    await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#f-rate .form-status"), "Refused"));
    String said = status("f-rate");
    assertThat(said).contains("403").contains("above the maximum 14 mg/h").contains("INST-4");
    assertThat(driver.findElement(By.cssSelector("#f-rate .field-error")).getText()).contains("a nurse titrates only within");
    assertThat(events(episode)).noneMatch(e -> e.path("type").asText().equals("rateChange"));
  }

  @Test
  void physicianOverridesWithAReasonAndTheOverrideShowsInTheHistory() {
    UUID episode = runningEpisode();
    signIn("physician");
    open("#/episode/" + episode);
    await(ExpectedConditions.presenceOfElementLocated(By.id("f-override")));
    new Select(field("f-override", "scope")).selectByValue("RATE_ABOVE_CAP");
    field("f-override", "upTo").sendKeys("16 mg/h");
    // Without a reason the form refuses at once.
    submit("f-override");
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("f-override"), "Reason is required"));
    field("f-override", "reason").sendKeys("opioid-tolerant, reviewed at the bedside by the pain service");
    submit("f-override");
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "opioid-tolerant, reviewed at the bedside"));
    WebElement row = driver.findElement(By.cssSelector("#history tr[data-type='override']"));
    assertThat(row.getText()).contains("physician").contains("RATE_ABOVE_CAP").contains("16 mg/h");
    assertThat(driver.findElement(By.id("chain-status")).getText()).contains("Hash chain verifies");
    // GDL-5: a bolus of 0.5 mg/kg for this 70 kg patient is refused with the reason; 10 mg is recorded.
    field("f-bolus", "mg").sendKeys("35");
    field("f-bolus", "reason").sendKeys("acute severe pain");
    submit("f-bolus");
    await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#f-bolus .form-status"), "Refused"));
    assertThat(status("f-bolus")).contains("422").contains("0.35 mg/kg").contains("GDL-5");
    field("f-bolus", "mg").clear();
    field("f-bolus", "mg").sendKeys("10");
    submit("f-bolus");
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "ketamineBolus"));
    assertThat(events(episode)).filteredOn(x -> x.path("type").asText().equals("ketamineBolus"))
        .extracting(x -> x.path("payload").path("dose").asText()).containsExactly("10 mg");
  }

  @Test
  void pharmacistVerifiesAnOrder() throws IOException {
    UUID episode = newEpisode();
    String e = "/api/episodes/" + episode;
    int v = ok(http.post("physician", e + "/screening", Map.of("expectedVersion", 0, "flags", eligibleFlags())));
    v = ok(http.post("physician", e + "/orders", Map.of("expectedVersion", v, "concentration", "1 mg/mL")));
    ok(http.post("physician", e + "/signature", Map.of("expectedVersion", v)));
    signIn("pharmacist");
    WebElement item = await(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("article[data-episode='" + episode + "']")));
    assertThat(item.getText()).contains("70 kg").contains("7 mg/h").contains("1 mg/mL");
    shot("pharmacist-verification");
    item.findElement(By.cssSelector("button[type=submit]")).click();
    await(d -> item.findElement(By.cssSelector(".form-status")).getText().contains("Verified"));
    assertThat(events(episode)).anyMatch(x -> x.path("type").asText().equals("verified")
        && x.path("recordedBy").asText().equals("pharmacist"));
  }

  @Test
  void contraindicatedOrderIsBlockedUntilAPhysicianOverrides() throws IOException {
    Http.Response p = http.post("nurse", "/api/patients", Map.of("mrn", "IT-" + UUID.randomUUID().toString().substring(0, 12),
        "familyName", "Blocked", "givenName", "Order", "ward", "IT"));
    String patient = p.json().get("id").asText();
    assertThat(http.post("nurse", "/api/patients/" + patient + "/weights", Map.of("kg", 70, "measuredAt", ago(60))).status())
        .isEqualTo(201);
    signIn("physician");
    open("#/order");
    await(ExpectedConditions.presenceOfElementLocated(By.id("f-open")));
    new Select(field("f-open", "patientId")).selectByValue(patient);
    new Select(field("f-open", "protocol")).selectByValue("PAIN-CRISIS@1.0.0");
    submit("f-open");
    await(ExpectedConditions.presenceOfElementLocated(By.id("f-screening")));
    for (String yes : List.of("hospitalized", "terminalCancer", "opioidEscalationFailed", "pregnancy")) {
      new Select(driver.findElement(By.id("flag-" + yes))).selectByValue("yes");
    }
    driver.findElement(By.id("record-screening")).click();
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("blocked-msg"), "contraindication:pregnancy"));
    WebElement blocked = driver.findElement(By.id("blocked-msg"));
    assertThat(blocked.getText()).contains("GDL-3").doesNotContain("indication (");
    assertThat(driver.findElement(By.cssSelector("#f-order button[type=submit]")).isEnabled()).isFalse();
    assertThat(driver.findElement(By.id("findings")).getText()).contains("BLOCKS");
    assertThat(driver.findElement(By.cssSelector(".evidence")).getText()).contains("GDL-1").contains("placebo");
    // While blocked nothing is recommended, but the physician sees what an override would lead to.
    assertThat(driver.findElement(By.id("start-rate")).getText()).contains("not available")
        .contains("once the blocking findings are overridden, start at 0.1 mg/kg/h = 7 mg/h");
    assertThat(driver.findElement(By.id("cap")).getText()).contains("14 mg/h");
    shot("ordering");
    field("f-override-finding", "reason").sendKeys("termination planned; benefit discussed with the patient and obstetrics");
    submit("f-override-finding");
    await(ExpectedConditions.invisibilityOfElementLocated(By.id("blocked-msg")));
    // Once no finding blocks, the engine gives the weight-based start rate in three units and the cap.
    assertThat(driver.findElement(By.id("start-rate")).getText()).contains("7 mg/h").contains("0.1 mg/kg/h").contains("7 mL/h");
    assertThat(driver.findElement(By.id("cap")).getText()).contains("14 mg/h");
    submit("f-order");
    await(ExpectedConditions.elementToBeClickable(By.id("sign-order"))).click();
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("ordered-msg"), "Signed"));
    UUID episode = UUID.fromString(driver.getCurrentUrl().replaceAll(".*#/order/", ""));
    assertThat(events(episode)).extracting(x -> x.path("type").asText())
        .containsSubsequence("screened", "override", "ordered", "signed");
  }

  @Test
  void nurseRunsAnOutpatientSessionWithItsBaselineAndEndNrs() {
    Http.Response p = http.post("nurse", "/api/patients", Map.of("mrn", "IT-" + UUID.randomUUID().toString().substring(0, 12),
        "familyName", "Session", "givenName", "Outpatient", "ward", "IT", "painMechanism", "NEUROPATHIC",
        "neuropathicCause", "CHEMOTHERAPY"));
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    String patient = p.json().get("id").asText();
    assertThat(http.post("nurse", "/api/patients/" + patient + "/weights", Map.of("kg", 80, "measuredAt", ago(600))).status())
        .isEqualTo(201);
    Http.Response created = http.post("physician", "/api/episodes", Map.of("patientId", patient,
        "protocolId", "OUTPATIENT-SESSIONS", "protocolVersion", "1.0.0"));
    UUID episode = UUID.fromString(created.json().path("episodeId").asText());
    String e = "/api/episodes/" + episode;
    Map<String, Object> flags = eligibleFlags();
    flags.put("cancerRelatedNeuropathicPain", true);
    flags.put("preexistingNeuropathy", false);
    int v = ok(http.post("physician", e + "/screening", Map.of("expectedVersion", 0, "flags", flags)));
    v = ok(http.post("physician", e + "/orders", Map.of("expectedVersion", v, "concentration", "1 mg/mL")));
    v = ok(http.post("physician", e + "/signature", Map.of("expectedVersion", v)));
    ok(http.post("pharmacist", e + "/verification", Map.of("expectedVersion", v, "concentration", "1 mg/mL",
        "weightKg", 80, "dose", "10 mg/h")));

    signIn("nurse");
    open("#/episode/" + episode);
    await(ExpectedConditions.presenceOfElementLocated(By.id("f-session-start")));
    assertThat(driver.findElements(By.id("f-start"))).as("a session protocol has no plain start").isEmpty();
    assertThat(field("f-session-start", "session").getAttribute("value")).isEqualTo("1");
    assertThat(field("f-session-start", "rate").getAttribute("value")).isEqualTo("10 mg/h");
    // OUT-2: the baseline comes before the session; without it the form sends nothing.
    submit("f-session-start");
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("f-session-start"), "is required"));
    assertThat(status("f-session-start")).contains("Not sent");
    field("f-session-start", "nrs").sendKeys("7");
    field("f-session-start", "function").sendKeys("walks one block");
    field("f-session-start", "satisfaction").sendKeys("dissatisfied");
    field("f-session-start", "analgesicUse").sendKeys("oxycodone 5 mg twice daily");
    submit("f-session-start");
    await(ExpectedConditions.presenceOfElementLocated(By.id("f-session-end")));
    assertThat(driver.findElement(By.id("recommendation")).getText()).contains("10 mg/h");
    field("f-session-end", "nrs").sendKeys("4");
    submit("f-session-end");
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "sessionEnd"));
    assertThat(events(episode)).extracting(x -> x.path("type").asText()).containsSubsequence("sessionStart", "sessionEnd");
    JsonNode start = events(episode).stream().filter(x -> x.path("type").asText().equals("sessionStart")).findFirst()
        .orElseThrow();
    assertThat(start.path("payload").path("baseline").path("function").asText()).isEqualTo("walks one block");
    assertThat(start.path("payload").path("by").path("id").asText()).isEqualTo("nurse");
  }

  /** Ids of form controls that no label names (a label for it, a wrapping label or aria-label). */
  @SuppressWarnings("unchecked")
  List<String> unlabelledControls() {
    return (List<String>) ((JavascriptExecutor) driver).executeScript(
        "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
            + ".filter(i => !(i.labels && i.labels.length) && !i.getAttribute('aria-label') && !i.getAttribute('aria-labelledby'))"
            + ".map(i => i.id || i.name || i.outerHTML.slice(0, 60))");
  }

  long horizontalOverflow() {
    return ((Number) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
  }

  @Test
  void aNurseSignsInAndChartsByKeyboardOnATabletSizedScreen() throws IOException {
    UUID episode = runningEpisode();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
    try {
      driver.manage().deleteAllCookies();
      driver.get(base() + "/login");
      ((JavascriptExecutor) driver).executeScript("localStorage.setItem('kp.ward', 'IT')");
      await(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
      assertThat(unlabelledControls()).isEmpty();
      // Keyboard only: the user name has focus, Tab moves to the password, Enter signs in.
      driver.switchTo().activeElement().sendKeys("nurse");
      driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
      assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
      driver.switchTo().activeElement().sendKeys(Http.password("nurse") + org.openqa.selenium.Keys.ENTER);
      await(ExpectedConditions.textToBe(By.cssSelector("#who"), whoText("nurse")));
      await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-episode='" + episode + "']")));
      assertThat(horizontalOverflow()).as("the ward board fits a tablet's width").isLessThanOrEqualTo(0);

      open("#/episode/" + episode);
      await(ExpectedConditions.presenceOfElementLocated(By.id("f-assessment")));
      assertThat(unlabelledControls()).as("every field of the episode page has a label").isEmpty();
      assertThat(horizontalOverflow()).as("the episode page fits a tablet's width").isLessThanOrEqualTo(0);
      WebElement nrs = field("f-assessment", "nrs");
      nrs.click();
      driver.switchTo().activeElement().sendKeys("5");
      driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
      assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("ppg");
      driver.switchTo().activeElement().sendKeys("4" + org.openqa.selenium.Keys.ENTER);
      await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#f-assessment .form-status"), "recorded"));
      assertThat(events(episode)).anyMatch(x -> x.path("type").asText().equals("assessment")
          && x.path("payload").path("nrs").asInt() == 5);
      shot("episode-tablet");
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }
}
