package io.autotune.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2UrlsTest {
  @Test
  void anH2FileIsSharedThroughAutoServerUnlessTheUrlSaysOtherwise() {
    assertThat(H2Urls.shared(JdbcCheckpointStore.DEFAULT_URL))
        .isEqualTo("jdbc:h2:file:./autotune-data/autotune;AUTO_SERVER=TRUE");
    assertThat(H2Urls.shared("jdbc:h2:~/tuning;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:~/tuning;MODE=PostgreSQL;AUTO_SERVER=TRUE");
    assertThat(H2Urls.shared("jdbc:h2:/var/lib/autotune/db")).endsWith(";AUTO_SERVER=TRUE");
    assertThat(H2Urls.shared("jdbc:h2:file:/x;auto_server=false"))
        .isEqualTo("jdbc:h2:file:/x;auto_server=false");
    assertThat(H2Urls.shared("jdbc:h2:file:/x;FILE_LOCK=FS"))
        .isEqualTo("jdbc:h2:file:/x;FILE_LOCK=FS");
    assertThat(H2Urls.shared("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
    assertThat(H2Urls.shared("jdbc:h2:tcp://db/autotune")).isEqualTo("jdbc:h2:tcp://db/autotune");
    assertThat(H2Urls.shared("jdbc:postgresql://db/autotune"))
        .isEqualTo("jdbc:postgresql://db/autotune");
  }
}
