package org.ketapath.archfixture.bad;

import ca.uhn.ketapathstub.HapiStub;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.ketapathstub.SpringStub;
import picocli.ketapathstub.PicocliStub;

/** Each nested class reaches a file, the network, a database or a framework: invariants 1 and 8 must reject each. */
public final class IoAndFrameworkUsers {
  private IoAndFrameworkUsers() {}

  public static final class ReadsFiles {
    public String read(String name) throws IOException {
      return Files.readString(Path.of(name));
    }
  }

  public static final class UsesJavaIoFile {
    public boolean exists(String name) {
      return new File(name).exists();
    }
  }

  public static final class OpensUrl {
    public String host(String address) {
      return URI.create(address).getHost();
    }
  }

  public static final class UsesJdbc {
    public boolean open(Connection c) throws SQLException {
      return !c.isClosed();
    }
  }

  public static final class UsesSpring {
    public Object bean() {
      return new SpringStub();
    }
  }

  public static final class UsesHapi {
    public Object resource() {
      return new HapiStub();
    }
  }

  public static final class UsesPicocli {
    public Object command() {
      return new PicocliStub();
    }
  }
}
