package org.ketapath.server.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts")
public class AlertController {
  private final AlertService alerts;
  private final org.ketapath.server.episode.EpisodeService episodes;
  private final Clock clock;

  public AlertController(AlertService alerts, org.ketapath.server.episode.EpisodeService episodes, Clock clock) {
    this.alerts = alerts;
    this.episodes = episodes;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "Open (unacknowledged) alerts of a ward or an episode")
  public List<AlertService.Alert> open(@RequestParam(required = false) String ward,
      @RequestParam(required = false) UUID episodeId) {
    // Time-driven conditions (an assessment now overdue) are evaluated on the way; each is raised once.
    if (episodeId != null) {
      episodes.view(episodeId);
    } else if (ward != null) {
      episodes.list(ward, null);
    }
    return alerts.open(Optional.ofNullable(ward), Optional.ofNullable(episodeId));
  }

  @PostMapping("/{id}/acknowledge")
  @Operation(summary = "Acknowledge an alert (once)")
  public AlertService.Alert acknowledge(@PathVariable UUID id, Authentication auth) {
    return alerts.acknowledge(id, auth.getName(), clock.instant());
  }
}
