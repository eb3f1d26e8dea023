package io.argus.prometheus.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

  @Test
  void ordersEmbeddedNumbersByValue() {
    List<String> names = new ArrayList<>(
        List.of("sda10", "nvme0n1", "sda2", "sda", "dm-10", "dm-2", "nvme10n1", "nvme0n1p2"));

    names.sort(NaturalOrder::compare);

    assertThat(names).containsExactly(
        "dm-2", "dm-10", "nvme0n1", "nvme0n1p2", "nvme10n1", "sda", "sda2", "sda10");
  }

  @Test
  void differentSpellingsOfOneNumberStayDistinctAndOrdered() {
    assertThat(NaturalOrder.compare("01", "1")).isNotZero();
    assertThat(Integer.signum(NaturalOrder.compare("01", "1")))
        .isEqualTo(-Integer.signum(NaturalOrder.compare("1", "01")));
  }
}
