package org.ketapath.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The size-checked body is read by the idempotency filter and then again by the controller. */
class CachedBodyRequestTest {
  private final byte[] body = "{\"nrs\": 8}".getBytes(StandardCharsets.UTF_8);

  @Test
  void theBodyCanBeReadMoreThanOnce() throws IOException {
    CachedBodyRequest r = new CachedBodyRequest(new MockHttpServletRequest(), body);
    assertThat(r.getInputStream().readAllBytes()).isEqualTo(body);
    assertThat(r.getReader().readLine()).isEqualTo("{\"nrs\": 8}");
    assertThat(r.getContentLengthLong()).isEqualTo(body.length);
  }

  @Test
  void anAsynchronousReaderIsToldTheBodyIsAvailableAndThenComplete() throws IOException {
    var in = new CachedBodyRequest(new MockHttpServletRequest(), body).getInputStream();
    List<String> calls = new ArrayList<>();
    in.setReadListener(new ReadListener() {
      @Override
      public void onDataAvailable() throws IOException {
        calls.add("available " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }

      @Override
      public void onAllDataRead() {
        calls.add("done " + in.isFinished());
      }

      @Override
      public void onError(Throwable t) {
        calls.add("error " + t);
      }
    });
    assertThat(calls).containsExactly("available {\"nrs\": 8}", "done true");
  }
}
