package org.ketapath.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void serveIsTheDefaultCommand() {
    assertThat(Main.withDefaultCommand(new String[0])).containsExactly("serve");
    assertThat(Main.withDefaultCommand(new String[] {"--demo"})).containsExactly("serve", "--demo");
    assertThat(Main.withDefaultCommand(new String[] {"verify"})).containsExactly("verify");
    assertThat(Main.withDefaultCommand(new String[] {"--help"})).containsExactly("--help");
  }

  @Test
  void commandsAreRegistered() {
    assertThat(Main.commandLine().getSubcommands()).containsKeys("serve", "verify");
  }
}
