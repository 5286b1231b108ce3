package org.ketapath.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.ketapath.core.KetaPathException;

/** File access for the commands; the core itself never touches the file system. */
final class Files {
  private Files() {}

  /** Reads and validates a timeline file against the built-in protocol catalogue. */
  static org.ketapath.core.timeline.Timeline timeline(Path p) throws IOException {
    try (InputStream in = open(p)) {
      return org.ketapath.core.timeline.TimelineReader.read(p.toString(), in,
          org.ketapath.core.protocol.ProtocolCatalog.builtIn());
    }
  }

  static InputStream open(Path p) {
    try {
      return java.nio.file.Files.newInputStream(p);
    } catch (NoSuchFileException e) {
      throw new KetaPathException("FILE-MISSING", p.toString(), List.of(), p + ": no such file");
    } catch (IOException e) {
      throw new KetaPathException("FILE-IO", p.toString(), List.of(), p + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
